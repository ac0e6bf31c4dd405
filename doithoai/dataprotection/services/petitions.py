"""What an officer does to a petition for its petitioner's rights: correct the contact details,
stop notices (consent withdrawn, restriction, objection), erase by anonymisation.

Anonymisation keeps the case (unit, kind, topic, state, dates, issue, answers) and its events;
it removes the petitioner's name, phone, e-mail, address, business name, tax code and the person
it was collected for, scrubs personal data from the free text (`core.privacy` findings and the
old values wherever they occur), removes the attachments (photos may show faces, a letter shows
handwriting — Law on Denunciation 2018 Art. 9), forgets the address of the messages sent, and
hides the speaker's name of a conference statement that became this petition. Events written
here name fields and counts, never values.
"""

import re
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.core.privacy import personal_data_findings
from doithoai.core.text import nfc, search_key
from doithoai.dataprotection import policies
from doithoai.dataprotection.events import DataProtectionEvents
from doithoai.dataprotection.models import (
    OPEN_STATES,
    Anonymisation,
    AnonymisationCause,
    ConsentWithdrawal,
    DataSubjectRequest,
    RequestKind,
)
from doithoai.dataprotection.services.requests import clean_email, clean_phone
from doithoai.dialogues.models import Speaker, Statement
from doithoai.notify.services import (
    petition_messages_forget_recipient,
    petition_messages_withhold,
)
from doithoai.petitions.models import Attachment, Petition

SCRUBBED = "[…]"
HIDDEN_SPEAKER = "—"
PERSON_FIELDS = (
    "submitter_name",
    "phone",
    "email",
    "submitter_address",
    "business_name",
    "tax_code",
    "on_behalf_of",
)
CONTACT_FIELDS = ("submitter_name", "phone", "email", "submitter_address")
STOP_KINDS = frozenset({RequestKind.WITHDRAWAL, RequestKind.RESTRICTION, RequestKind.OBJECTION})


def _check(
    actor: Actor, request: DataSubjectRequest | None, petition: Petition, kinds: Any
) -> None:
    if request is None or not (
        policies.can_handle_request(actor, request)
        and policies.can_act_on_petition(actor, petition)
    ):
        raise PermissionDenied(_("Bạn không có quyền xử lý dữ liệu cá nhân của kiến nghị này."))
    if request.kind not in kinds:
        raise ValidationError(_("Thao tác này không thuộc loại yêu cầu đã tiếp nhận."))
    if request.state not in OPEN_STATES:
        raise ValidationError(_("Yêu cầu này đã kết thúc."))
    if Anonymisation.objects.filter(petition=petition).exists():
        raise ValidationError(_("Dữ liệu cá nhân của kiến nghị này đã được xóa."))


@transaction.atomic
def petition_contact_correct(
    *, actor: Actor, request: DataSubjectRequest, petition: Petition, changes: dict[str, str]
) -> list[str]:
    """Replace the given contact fields (name, phone, e-mail, address); returns the fields that
    changed. The event lists the fields, not their old or new values."""
    _check(actor, request, petition, {RequestKind.CORRECTION})
    clean = {
        "submitter_name": lambda v: " ".join(nfc(v).split())[:150],
        "phone": lambda v: clean_phone(v),
        "email": lambda v: clean_email(v, "email"),
        "submitter_address": lambda v: " ".join(nfc(v).split())[:300],
    }
    changed = []
    for name, value in changes.items():
        if name not in CONTACT_FIELDS or value is None or not str(value).strip():
            continue
        new = clean[name](str(value))
        if new != getattr(petition, name):
            setattr(petition, name, new)
            changed.append(name)
    if not changed:
        raise ValidationError(_("Không có thông tin nào thay đổi."))
    petition.save(update_fields=[*changed, "updated_at"])
    event_record(
        actor=actor,
        obj=petition,
        action=DataProtectionEvents.PETITION_CONTACT_CORRECTED,
        after={"fields": changed, "request": request.pk},
    )
    return changed


@transaction.atomic
def petition_notices_stop(
    *, actor: Actor, request: DataSubjectRequest, petition: Petition
) -> ConsentWithdrawal:
    """Nothing more is sent to the petitioner about this petition (consent withdrawn, or
    processing restricted or objected to); queued messages are withheld."""
    _check(actor, request, petition, STOP_KINDS)
    withdrawal, created = ConsentWithdrawal.objects.get_or_create(
        petition=petition, defaults={"request": request}
    )
    withheld = petition_messages_withhold(petition=petition)
    if created:
        event_record(
            actor=actor,
            obj=petition,
            action=DataProtectionEvents.PETITION_CONSENT_WITHDRAWN,
            after={"request": request.pk, "kind": request.kind, "withheld": withheld},
        )
    return withdrawal


def _variants(value: str) -> list[str]:
    value = (value or "").strip()
    if len(value) < 3:
        return []
    out = [value]
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) >= 9 and digits != value:
        out.append(digits)
    return out


def _scrub(text: str, old_values: list[str]) -> tuple[str, int]:
    count = 0
    for value in old_values:
        pattern = re.compile(re.escape(value), re.IGNORECASE)
        text, n = pattern.subn(SCRUBBED, text)
        count += n
    # Longest first, so a fragment inside another is not left half-replaced.
    fragments = sorted({f.fragment for f in personal_data_findings(text)}, key=len, reverse=True)
    for fragment in fragments:
        if fragment in text:
            count += text.count(fragment)
            text = text.replace(fragment, SCRUBBED)
    return text, count


@transaction.atomic
def petition_anonymise(
    *,
    actor: Actor,
    petition: Petition,
    cause: str,
    request: DataSubjectRequest | None = None,
) -> Anonymisation:
    """Erase the petitioner's personal data, keeping the case and its history (see the module)."""
    if cause == AnonymisationCause.REQUEST:
        _check(actor, request, petition, {RequestKind.ERASURE})
    elif cause == AnonymisationCause.RETENTION:
        if actor is not None and not policies.can_run_retention(actor):
            raise PermissionDenied(_("Bạn không có quyền chạy quy tắc lưu giữ dữ liệu."))
        if Anonymisation.objects.filter(petition=petition).exists():
            raise ValidationError(_("Dữ liệu cá nhân của kiến nghị này đã được xóa."))
    else:
        raise ValidationError(_("Lý do xóa dữ liệu không hợp lệ."))
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    old_values = [v for name in PERSON_FIELDS for v in _variants(getattr(petition, name))]
    fragments = 0
    for name in ("text", "address", "place"):
        scrubbed, n = _scrub(getattr(petition, name), old_values)
        setattr(petition, name, scrubbed)
        fragments += n
    petition.text_folded = search_key(petition.text)
    for name in PERSON_FIELDS:
        setattr(petition, name, "")
    petition.save(
        update_fields=[*PERSON_FIELDS, "text", "text_folded", "address", "place", "updated_at"]
    )
    attachments = list(Attachment.objects.filter(petition=petition))
    Attachment.objects.filter(pk__in=[a.pk for a in attachments]).delete()
    stored = [(a.file.storage, a.file.name) for a in attachments if a.file.name]

    def delete_files() -> None:
        for storage, name in stored:
            if name:
                storage.delete(name)

    if stored:
        transaction.on_commit(delete_files)
    petition_messages_forget_recipient(petition=petition)
    statements = Statement.objects.filter(petition=petition)
    Speaker.objects.filter(pk__in=statements.exclude(speaker=None).values("speaker_id")).update(
        name=HIDDEN_SPEAKER
    )
    statements.update(speaker_name=HIDDEN_SPEAKER)
    record = Anonymisation.objects.create(
        petition=petition,
        cause=cause,
        request=request,
        by=acting_user(actor),
        attachments_removed=len(attachments),
        fragments_scrubbed=fragments,
    )
    event_record(
        actor=actor,
        obj=petition,
        action=DataProtectionEvents.PETITION_ANONYMISED,
        after={
            "cause": cause,
            "request": request.pk if request else None,
            "attachments_removed": len(attachments),
            "fragments_scrubbed": fragments,
        },
    )
    return record
