"""Who holds which role where, kept by each server process behind a shared version (ADR 0010).

Every staff page needs the user's active memberships; they change rarely. A process keeps what
it read per user and reads again when `ACCESS` changes or after KEPT_SECONDS, whatever happens.
`ACCESS` changes when a membership is saved or deleted (any path: services, the admin's inline,
set-up commands), a token is revoked, a user is edited in the admin or an organisation moves."""

import copy
import time

from django.db import transaction

from doithoai.accounts.models import Membership
from doithoai.core.versions import SharedVersion

ACCESS = SharedVersion("accounts:access-version")
KEPT_SECONDS = 30


def access_changed() -> None:
    """Call after a change to who may do what (on commit)."""
    ACCESS.bump()


def memberships_kept(user_id: int) -> list[Membership]:
    """The user's active memberships with their organisation and unit, read at most every
    KEPT_SECONDS while access is unchanged. Each call gets its own copies, which a request may
    annotate."""
    kept: dict[int, tuple[float, list[Membership]]] = ACCESS.memo().setdefault("memberships", {})
    now = time.monotonic()
    entry = kept.get(user_id)
    if entry is None or now - entry[0] > KEPT_SECONDS:
        memberships = list(
            Membership.objects.filter(user_id=user_id, active=True)
            .select_related("organisation__unit")
            .order_by("pk")
        )
        entry = kept[user_id] = (now, memberships)
    return [copy.copy(m) for m in entry[1]]


def on_membership_changed(**_kwargs: object) -> None:
    """A membership saved or deleted. The version changes at once, inside the writer's
    transaction (the shared cache is a table of the same database, so other processes see the
    new version with the new rows), and again on commit."""
    ACCESS.bump()
    transaction.on_commit(access_changed)
