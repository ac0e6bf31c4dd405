"""Carry out a request on the petitions the officer ticked, all or nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.dataprotection.events import DataProtectionEvents
from doithoai.dataprotection.models import AnonymisationCause, DataSubjectRequest
from doithoai.dataprotection.services.petitions import (
    petition_anonymise,
    petition_contact_correct,
    petition_notices_stop,
)
from doithoai.dataprotection.services.requests import request_touch
from doithoai.petitions.models import Petition

# Each action a request may carry out, with the event it records on the request.
ACTIONS = {
    "correct": DataProtectionEvents.DSR_CORRECT,
    "stop": DataProtectionEvents.DSR_STOP,
    "erase": DataProtectionEvents.DSR_ERASE,
}


@transaction.atomic
def request_carry_out(
    *,
    actor: Actor,
    request: DataSubjectRequest,
    action: str,
    petitions: list[Petition],
    changes: dict[str, str] | None = None,
) -> int:
    """Correct, stop notices or erase for each petition; returns how many. Every petition's
    service checks the policy and the request's kind."""
    if action not in ACTIONS:
        raise ValidationError(_("Thao tác không hợp lệ."))
    if not petitions:
        raise ValidationError(_("Hãy chọn ít nhất một kiến nghị."))
    for petition in petitions:
        if action == "correct":
            petition_contact_correct(
                actor=actor, request=request, petition=petition, changes=changes or {}
            )
        elif action == "stop":
            petition_notices_stop(actor=actor, request=request, petition=petition)
        else:
            petition_anonymise(
                actor=actor, petition=petition, cause=AnonymisationCause.REQUEST, request=request
            )
    request_touch(actor=actor, request=request, action=ACTIONS[action], count=len(petitions))
    return len(petitions)
