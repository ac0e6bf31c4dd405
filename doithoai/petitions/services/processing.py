"""Triage of a petition: accept, refuse with a reason, reopen; and its topic."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.petitions import policies
from doithoai.petitions.choices import TRANSITIONS, NotAcceptedReason, PetitionState
from doithoai.petitions.models import Petition, Topic


@transaction.atomic
def petition_transition(
    *,
    actor: Actor,
    petition: Petition,
    to_state: str,
    reason: str = "",
    reason_code: str = "",
    forwarded_to: str = "",
) -> Petition:
    """Move a petition along the table in `choices.TRANSITIONS`, writing one event."""
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    if not policies.can_transition(actor, petition, to_state):
        raise PermissionDenied(_("Bạn không có quyền chuyển trạng thái kiến nghị này."))
    if to_state not in TRANSITIONS.get(petition.state, frozenset()):
        raise ValidationError(
            _("Không thể chuyển từ '%(a)s' sang '%(b)s'.")
            % {"a": PetitionState(petition.state).label, "b": PetitionState(to_state).label}
        )
    before = {"state": petition.state}
    fields = ["state", "updated_at"]
    if to_state == PetitionState.NOT_ACCEPTED:
        if reason_code not in NotAcceptedReason.values:
            raise ValidationError({"reason_code": [_("Hãy chọn lý do không thụ lý.")]})
        if reason_code == NotAcceptedReason.OUT_OF_REMIT and not forwarded_to.strip():
            raise ValidationError(
                {"forwarded_to": [_("Hãy ghi cơ quan có thẩm quyền được chuyển đến.")]}
            )
        petition.not_accepted_reason = reason_code
        petition.forwarded_to = forwarded_to.strip()[:200]
        fields += ["not_accepted_reason", "forwarded_to"]
    elif petition.not_accepted_reason:
        petition.not_accepted_reason = ""
        fields.append("not_accepted_reason")
    petition.state = to_state
    petition.save(update_fields=fields)
    event_record(
        actor=actor,
        obj=petition,
        action="petition.state_changed",
        before=before,
        after={
            "state": to_state,
            "reason_code": reason_code,
            "forwarded_to": petition.forwarded_to,
        },
        reason=reason.strip()[:2000],
    )
    return petition


@transaction.atomic
def petition_set_topic(*, actor: Actor, petition: Petition, topic: Topic) -> Petition:
    if not policies.can_set_topic(actor, petition):
        raise PermissionDenied(_("Bạn không có quyền đổi lĩnh vực của kiến nghị này."))
    before = {"topic": petition.topic.code if petition.topic else ""}
    petition.topic = topic
    petition.save(update_fields=["topic", "updated_at"])
    event_record(
        actor=actor,
        obj=petition,
        action="petition.topic_set",
        before=before,
        after={"topic": topic.code},
    )
    return petition
