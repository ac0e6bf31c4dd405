"""A data subject's request: received, acknowledged, extended once, closed with its outcome.

Deadlines from `rules` (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): acknowledge within 2 working
days, complete within 15 days, one extension of at most 15 days. Events hold no personal data.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor, acting_user
from doithoai.core.events import event_record
from doithoai.core.states import transition
from doithoai.core.text import nfc
from doithoai.dataprotection import policies, rules
from doithoai.dataprotection.events import DataProtectionEvents
from doithoai.dataprotection.models import (
    OPEN_STATES,
    REQUEST_TRANSITIONS,
    DataSubjectRequest,
    IdentifiedBy,
    RequestKind,
    RequestState,
)
from doithoai.units.models import Organisation

PHONE_DIGITS = (9, 12)


def clean_phone(value: str) -> str:
    """The phone as typed, trimmed; a clear message when it cannot be a phone number."""
    value = (value or "").strip()
    if not value:
        return ""
    digits = "".join(ch for ch in value if ch.isdigit())
    allowed = set("0123456789 +.-()")
    if not set(value) <= allowed or not PHONE_DIGITS[0] <= len(digits) <= PHONE_DIGITS[1]:
        raise ValidationError({"requester_phone": [_("Số điện thoại không hợp lệ.")]})
    return value


def clean_email(value: str, field: str = "requester_email") -> str:
    value = (value or "").strip()
    if not value:
        return ""
    try:
        validate_email(value)
    except ValidationError:
        raise ValidationError({field: [_("Địa chỉ thư điện tử không hợp lệ.")]}) from None
    return value


def _deny(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("Bạn không có quyền xử lý yêu cầu về dữ liệu cá nhân này."))


@transaction.atomic
def request_receive(
    *,
    actor: Actor,
    organisation: Organisation,
    kind: str,
    identified_by: str,
    received_on: datetime.date,
    requester_name: str = "",
    requester_phone: str = "",
    requester_email: str = "",
    details: str = "",
) -> DataSubjectRequest:
    _deny(policies.can_receive_for(actor, organisation.pk))
    errors: dict[str, list[str]] = {}
    if kind not in RequestKind.values:
        errors["kind"] = [_("Hãy chọn loại yêu cầu.")]
    if identified_by not in IdentifiedBy.values:
        errors["identified_by"] = [_("Hãy ghi cách đã xác minh người yêu cầu.")]
    if received_on > timezone.localdate():
        errors["received_on"] = [_("Ngày nhận không được sau hôm nay.")]
    name = " ".join(nfc(requester_name or "").split())[:150]
    phone = email = ""
    try:
        phone = clean_phone(requester_phone)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        email = clean_email(requester_email)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not (name or requester_phone or requester_email):
        errors["requester_name"] = [
            _("Cần ít nhất họ tên, số điện thoại hoặc thư điện tử để tìm dữ liệu của người này.")
        ]
    if errors:
        raise ValidationError(errors)
    request = DataSubjectRequest.objects.create(
        organisation=organisation,
        kind=kind,
        requester_name=name,
        requester_phone=phone,
        requester_email=email,
        identified_by=identified_by,
        details=(details or "").strip()[:4000],
        received_on=received_on,
        acknowledge_by=rules.acknowledge_by(received_on),
        due_on=rules.due_on(received_on),
        handled_by=acting_user(actor),
    )
    event_record(
        actor=actor,
        obj=request,
        action=DataProtectionEvents.DSR_RECEIVED,
        after={"kind": kind, "due_on": request.due_on.isoformat()},
    )
    return request


@transaction.atomic
def request_acknowledge(*, actor: Actor, request: DataSubjectRequest) -> DataSubjectRequest:
    """The person was told their request is received (within 2 working days)."""
    _deny(policies.can_handle_request(actor, request))
    request.handled_by = acting_user(actor)
    transition(
        request,
        RequestState.ACKNOWLEDGED,
        actor=actor,
        table=REQUEST_TRANSITIONS,
        action=DataProtectionEvents.DSR_ACKNOWLEDGED,
        fields=["handled_by"],
    )
    return request


@transaction.atomic
def request_extend(*, actor: Actor, request: DataSubjectRequest, reason: str) -> DataSubjectRequest:
    """Push the deadline back once, by at most 15 days, with a reason."""
    _deny(policies.can_handle_request(actor, request))
    if request.state not in OPEN_STATES:
        raise ValidationError(_("Yêu cầu này đã kết thúc."))
    if request.extended:
        raise ValidationError(_("Mỗi yêu cầu chỉ được gia hạn một lần."))
    if not (reason or "").strip():
        raise ValidationError({"reason": [_("Hãy ghi lý do gia hạn.")]})
    before = request.due_on
    request.due_on = before + datetime.timedelta(days=rules.EXTENSION_DAYS)
    request.extended = True
    request.handled_by = acting_user(actor)
    request.save(update_fields=["due_on", "extended", "handled_by"])
    event_record(
        actor=actor,
        obj=request,
        action=DataProtectionEvents.DSR_EXTENDED,
        before={"due_on": before.isoformat()},
        after={"due_on": request.due_on.isoformat()},
        reason=reason.strip()[:2000],
    )
    return request


@transaction.atomic
def request_close(
    *, actor: Actor, request: DataSubjectRequest, state: str, outcome: str
) -> DataSubjectRequest:
    """Done (what was done) or refused (the legal reason)."""
    _deny(policies.can_handle_request(actor, request))
    if state not in (RequestState.DONE, RequestState.REFUSED):
        raise ValidationError({"state": [_("Hãy chọn kết quả: đã thực hiện hoặc từ chối.")]})
    if not (outcome or "").strip():
        raise ValidationError({"outcome": [_("Hãy ghi kết quả xử lý (hoặc lý do từ chối).")]})
    request.outcome = outcome.strip()[:4000]
    request.closed_at = timezone.now()
    request.handled_by = acting_user(actor)
    transition(
        request,
        state,
        actor=actor,
        table=REQUEST_TRANSITIONS,
        action=DataProtectionEvents.DSR_CLOSED,
        fields=["outcome", "closed_at", "handled_by"],
    )
    return request


def request_touch(
    *, actor: Actor, request: DataSubjectRequest, action: DataProtectionEvents, count: int
) -> None:
    """Record on the request what was done for it (inside the caller's transaction)."""
    request.handled_by = acting_user(actor)
    request.save(update_fields=["handled_by"])
    event_record(actor=actor, obj=request, action=action, after={"petitions": count})
