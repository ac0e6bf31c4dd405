"""Moving a petition to another dialogue round, or out of every round (ordinary handling)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.core.events import event_record
from doithoai.petitions import hooks, policies
from doithoai.petitions.events import PetitionEvents
from doithoai.petitions.models import Petition
from doithoai.petitions.round_model import Round, RoundState
from doithoai.petitions.rounds import COLLECTING, ROUND_FIELDS, unit_chain


@transaction.atomic
def petition_round_set(*, actor: Actor, petition: Petition, round_: Round | None) -> Petition:
    """Put `petition` in `round_` (a round collecting petitions that covers its unit), or out of
    every round with None. A petition of a concluded round stays there: its conclusion notice is
    issued. The hooks of `petitions.hooks.ROUND_CHANGED` run in this transaction (synthesis takes
    the petition out of its issue of the old round); one event records the move."""
    petition = Petition.objects.select_for_update().select_related("unit").get(pk=petition.pk)
    if not policies.can_set_round(actor, petition):
        raise PermissionDenied(_("Bạn không có quyền chuyển kỳ đối thoại của kiến nghị này."))
    old_id = petition.round_id
    new_id = round_.pk if round_ is not None else None
    if old_id == new_id:
        raise ValidationError(
            _("Kiến nghị đã ở kỳ đối thoại này.")
            if new_id is not None
            else _("Kiến nghị đã ở ngoài các kỳ đối thoại.")
        )
    if old_id is not None:
        old_state = Round.objects.filter(pk=old_id).values_list("state", flat=True).first()
        if old_state == RoundState.CONCLUDED:
            raise ValidationError(
                _("Kỳ đối thoại của kiến nghị đã kết luận: không chuyển kiến nghị ra khỏi kỳ.")
            )
    if round_ is not None:
        # Read afresh: the caller's copy may be older than the round's state.
        round_ = Round.objects.filter(pk=round_.pk).only(*ROUND_FIELDS).first()
        if round_ is None:
            raise ValidationError(_("Không tìm thấy kỳ đối thoại."))
        if round_.unit_id not in unit_chain(petition.unit):
            raise ValidationError(_("Kỳ đối thoại này không bao gồm địa bàn của kiến nghị."))
        if round_.state not in COLLECTING:
            raise ValidationError(
                _("Kỳ đối thoại này không còn tiếp nhận kiến nghị (trạng thái: %(state)s).")
                % {"state": RoundState(round_.state).label}
            )
    petition.round_id = new_id
    petition.save(update_fields=["round", "updated_at"])
    hooks.round_changed(petition=petition, old_round_id=old_id, new_round_id=new_id, actor=actor)
    event_record(
        actor=actor,
        obj=petition,
        action=PetitionEvents.PETITION_ROUND_SET,
        before={"round": old_id},
        after={"round": new_id, "title": round_.title if round_ is not None else ""},
    )
    return petition
