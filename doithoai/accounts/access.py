"""Who holds which role where, kept by each server process behind a shared version (ADR 0010).

Every staff page needs the user's active memberships; they change rarely. A process keeps what
it read per user and reads again when `ACCESS` changes or after KEPT_SECONDS, whatever happens.
`ACCESS` changes when a membership is saved or deleted (any path: services, the admin's inline,
set-up commands), a token is revoked, a user is edited in the admin or an organisation moves."""

import copy
import time
from collections.abc import Callable

from django.db import transaction

from doithoai.accounts.models import Membership
from doithoai.core.versions import SharedVersion

ACCESS = SharedVersion("accounts:access-version")
KEPT_SECONDS = 30


def access_changed() -> None:
    """Call after a change to who may do what (on commit)."""
    ACCESS.bump()


def kept[T](kind: str, key: object, read: Callable[[], T | None]) -> T | None:
    """What `read` returns for `key`, kept by this process while access is unchanged and read
    again after KEPT_SECONDS. None is not kept (an unknown API key cannot fill the memory)."""
    entries: dict[object, tuple[float, T]] = ACCESS.memo().setdefault(kind, {})
    now = time.monotonic()
    entry = entries.get(key)
    if entry is not None and now - entry[0] <= KEPT_SECONDS:
        return entry[1]
    value = read()
    if value is None:
        entries.pop(key, None)
    else:
        entries[key] = (now, value)
    return value


def memberships_kept(user_id: int) -> list[Membership]:
    """The user's active memberships with their organisation and unit (`kept`). Each call gets
    its own copies, which a request may annotate."""
    memberships = kept(
        "memberships",
        user_id,
        lambda: list(
            Membership.objects.filter(user_id=user_id, active=True)
            .select_related("organisation__unit")
            .order_by("pk")
        ),
    )
    return [copy.copy(m) for m in memberships or []]


def on_membership_changed(**_kwargs: object) -> None:
    """A membership saved or deleted. The version changes at once, inside the writer's
    transaction (the shared cache is a table of the same database, so other processes see the
    new version with the new rows), and again on commit."""
    ACCESS.bump()
    transaction.on_commit(access_changed)
