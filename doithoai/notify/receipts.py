"""The receipt of a new petition: registered with `petitions.hooks.on_received` in
`NotifyConfig.ready()` (petitions may not import notify)."""

from typing import Any

from doithoai.accounts.types import Actor
from doithoai.notify.services import consent_record, message_to_petitioner
from doithoai.petitions.models import Petition


def petition_received(
    *,
    petition: Petition,
    actor: Actor,
    notify_email: bool,
    notify_sms: bool,
    context: dict[str, Any],
) -> None:
    """Record the consent the petitioner gave on the form (so it is kept with the petition) and
    queue the receipt ("petition_received")."""
    if (notify_email and petition.email) or (notify_sms and petition.phone):
        consent_record(
            actor=None,
            petition=petition,
            email=notify_email and bool(petition.email),
            sms=notify_sms and bool(petition.phone),
        )
    message_to_petitioner(actor=actor, petition=petition, key="petition_received", context=context)
