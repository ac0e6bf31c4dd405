"""One service for every intake channel: the public form, staff entry, import and the API."""

import hashlib
import json
from dataclasses import dataclass, fields
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.core.text import search_key
from doithoai.petitions import codes, hooks, policies, rounds
from doithoai.petitions.attachments import CheckedFile
from doithoai.petitions.choices import PUBLIC_CHANNELS
from doithoai.petitions.events import PetitionEvents
from doithoai.petitions.models import Attachment, IdempotencyKey, Petition
from doithoai.petitions.services.validation import PetitionInput, clean_input

__all__ = ["PetitionInput", "SubmitResult", "petition_attach", "petition_submit"]

CODE_ATTEMPTS = 5


@dataclass(frozen=True)
class SubmitResult:
    petition: Petition
    created: bool


def body_hash(data: PetitionInput, files: list[CheckedFile]) -> str:
    # Shallow: `asdict` would deep-copy a Unit instance. The fields are plain values, `extra` a
    # dict of them, so the JSON (and the hash a retry is compared with) is the same.
    payload = {item.name: getattr(data, item.name) for item in fields(data)}
    payload["unit"] = getattr(data.unit, "pk", data.unit)
    payload["files"] = [f.sha256 for f in files]
    encoded = json.dumps(payload, sort_keys=True, default=str).encode()
    return hashlib.sha256(encoded).hexdigest()


def petition_submit(
    *,
    actor: Actor,
    data: PetitionInput,
    files: list[CheckedFile] | None = None,
    idempotency_key: str = "",
    client: str = "",
) -> SubmitResult:
    """Record a petition with its tracking code and first event; send the receipt after commit.

    With an `idempotency_key`, the same key and body return the first petition (created=False);
    the same key with another body is refused. Each try is one transaction (`create_checked`; a
    savepoint inside a caller's, such as a conference statement's), so a taken code or key
    leaves nothing written and the caller's transaction usable."""
    files = files or []
    digest = body_hash(data, files) if idempotency_key else ""
    client_id = client or (
        f"user:{actor.pk}" if actor is not None and actor.is_authenticated else "public"
    )
    for _attempt in range(CODE_ATTEMPTS):
        code = codes.new_code()
        key = (
            IdempotencyKey(key=idempotency_key[:128], client=client_id[:150], body_hash=digest)
            if idempotency_key
            else None
        )
        try:
            petition = create_checked(
                actor=actor, data=data, files=files, code=code, idempotency_key=key
            )
            break
        except IntegrityError:
            # Everything above rolled back. Either the new code was taken (draw another), or
            # the key was used before (a retry, or a concurrent one that won the race): answer
            # with the first petition.
            if Petition.objects.filter(code=code).exists():
                continue
            previous = _replayed(idempotency_key, client_id, digest) if idempotency_key else None
            if previous is None:
                raise
            return SubmitResult(previous, created=False)
    else:
        raise IntegrityError("No free tracking code after several attempts.")
    return SubmitResult(petition, created=True)


def _replayed(key: str, client: str, digest: str) -> Petition | None:
    found = (
        IdempotencyKey.objects.select_related("petition")
        .filter(client=client[:150], key=key[:128])
        .first()
    )
    if found is None:
        return None
    if found.body_hash != digest:
        raise ValidationError(
            {
                "idempotency_key": [
                    _("Khóa Idempotency-Key này đã được dùng cho một kiến nghị khác.")
                ]
            },
            code="idempotency_conflict",
        )
    return found.petition


def create_checked(
    *,
    actor: Actor,
    data: PetitionInput,
    files: list[CheckedFile],
    code: str = "",
    idempotency_key: IdempotencyKey | None = None,
    round_memo: dict[Any, Any] | None = None,
) -> Petition:
    """Validate and write one petition with its first event, its `idempotency_key` (a new row
    pointed at the petition), its attachments and its receipt, in one transaction (a savepoint
    inside a caller's). With `code`, a taken code fails the whole write (the caller draws
    another); without, the petition's insert is tried again with a new code under a savepoint,
    which keeps the caller's transaction alive (the spreadsheet import, all rows in one).

    The petition joins its round (`rounds.round_for_intake`: the named one once checked, else
    the unit's round that is collecting; one small query, or none from `round_memo` in a batch);
    `petition.round` holds it, or None for ordinary handling."""
    data, unit, topic = clean_input(data)
    if data.channel not in PUBLIC_CHANNELS and not policies.can_enter_for(
        actor, unit, data.channel
    ):
        raise PermissionDenied(_("Bạn không có quyền nhập kiến nghị cho địa bàn này."))
    joined = rounds.round_for_intake(
        unit=unit,
        round_id=data.round_id,
        channel=data.channel,
        received_on=data.received_on,
        memo=round_memo,
    )
    staff = acting_user(actor)
    petition = Petition(
        code=code or codes.new_code(),
        text=data.text,
        text_folded=search_key(data.text),
        legal_kind=data.legal_kind,
        topic=topic,
        unit=unit,
        place=data.place,
        address=data.address,
        latitude=data.latitude,
        longitude=data.longitude,
        channel=data.channel,
        round=joined,
        submitter_type=data.submitter_type,
        anonymous=data.anonymous,
        confidential=data.confidential or policies.is_secret_kind(data.legal_kind),
        submitter_name=data.submitter_name,
        phone=data.phone,
        email=data.email,
        submitter_address=data.submitter_address,
        business_name=data.business_name,
        tax_code=data.tax_code,
        consent_at=timezone.now() if data.consent else None,
        collected_by=staff,
        on_behalf_of=data.on_behalf_of,
        received_on=data.received_on or timezone.localdate(),
    )
    # A new petition's only consent is the one just given: without an email address or an SMS
    # opt-in there is nothing to send, so nothing to look up.
    receipt = bool(petition.email or (petition.phone and data.notify_sms))
    with transaction.atomic():
        if code:
            petition.save()
        else:
            _save_with_free_code(petition)
        event_record(
            actor=staff,
            obj=petition,
            action=PetitionEvents.PETITION_RECEIVED,
            after={
                "state": petition.state,
                "channel": petition.channel,
                "unit": unit.code,
                "round": joined.pk if joined else None,
            },
        )
        if idempotency_key is not None:
            # Before the files: a retry with the same key (a concurrent one too, which waits
            # for the first to commit) fails here, with no file stored.
            idempotency_key.petition = petition
            idempotency_key.save()
        for checked in files:
            _store(petition, checked)
        if receipt:
            _queue_receipt(staff, petition, data)
    return petition


def _queue_receipt(staff: Any, petition: Petition, data: PetitionInput) -> None:
    # Notify (hooks.RECEIVED) records the consent given on the form and queues the receipt in this
    # transaction; the worker delivers it after commit (never on rollback).
    hooks.received(
        petition=petition,
        actor=staff,
        notify_email=data.notify_email,
        notify_sms=data.notify_sms,
        context={"round": rounds.intake_note(petition.round.title if petition.round else None)},
    )


def _save_with_free_code(petition: Petition) -> None:
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                petition.save()
            return
        except IntegrityError:
            if Petition.objects.filter(code=petition.code).exists():
                petition.code = codes.new_code()
                continue
            raise
    raise IntegrityError("No free tracking code after several attempts.")


@transaction.atomic(durable=True)  # called by a request only: its files are committed on return
def petition_attach(
    *, actor: Actor, petition: Petition, files: list[CheckedFile]
) -> list[Attachment]:
    if not (policies.can_view(actor, petition) and policies.can_enter_for(actor, petition.unit)):
        raise PermissionDenied(_("Bạn không có quyền đính kèm tệp cho kiến nghị này."))
    if petition.attachments.count() + len(files) > 10:
        raise ValidationError(_("Mỗi kiến nghị có tối đa 10 tệp đính kèm."))
    saved = [_store(petition, checked) for checked in files]
    event_record(
        actor=actor,
        obj=petition,
        action=PetitionEvents.PETITION_ATTACHED,
        after={"files": [a.original_name for a in saved]},
    )
    return saved


def _store(petition: Petition, checked: CheckedFile) -> Attachment:
    attachment = Attachment(
        petition=petition,
        original_name=checked.name,
        content_type=checked.content_type,
        size=len(checked.data),
        sha256=checked.sha256,
    )
    attachment.file.save(checked.name, ContentFile(checked.data), save=False)
    attachment.save()
    return attachment
