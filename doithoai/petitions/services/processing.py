"""Triage of a petition: accept, refuse with a reason, reopen; and its topic."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.core.states import transition
from doithoai.petitions import policies
from doithoai.petitions.choices import TRANSITIONS, NotAcceptedReason, PetitionState
from doithoai.petitions.events import PetitionEvents
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
    TRANSITIONS.check(petition.state, to_state)
    fields = ["updated_at"]
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
    transition(
        petition,
        to_state,
        actor=actor,
        table=TRANSITIONS,
        action=PetitionEvents.PETITION_STATE_CHANGED,
        fields=fields,
        after={"reason_code": reason_code, "forwarded_to": petition.forwarded_to},
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
        action=PetitionEvents.PETITION_TOPIC_SET,
        before=before,
        after={"topic": topic.code},
    )
    return petition
