"""Who holds which role where. Object policies of the other apps build on these."""

from doithoai.accounts.access import memberships_kept
from doithoai.accounts.models import Membership, Role, User
from doithoai.accounts.types import Actor
from doithoai.units.selectors import unit_covered_ids_cached


def active_memberships(user: Actor) -> list[Membership]:
    """A user's active memberships with their organisation and unit: kept by the process
    (`accounts.access`), and on the user object for the request."""
    if not isinstance(user, User) or not user.is_active:
        return []
    kept: list[Membership] | None = user.__dict__.get("_doithoai_memberships")
    if kept is None:
        kept = user.__dict__["_doithoai_memberships"] = memberships_kept(user.pk)
    return kept


def roles_of(user: Actor) -> set[str]:
    return {m.role for m in active_memberships(user)}


def has_role(user: Actor, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def unit_ids_with_role(user: Actor, *roles: str) -> set[int]:
    """Units of the organisations in which the user holds one of `roles`."""
    return {m.organisation.unit_id for m in active_memberships(user) if m.role in roles}


def is_administrator(user: Actor) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, Role.ADMINISTRATOR)


def is_staff_member(user: Actor) -> bool:
    return is_administrator(user) or bool(active_memberships(user))


def can_manage_accounts(user: Actor) -> bool:
    return is_administrator(user)


def area_ids(user: Actor, *roles: str) -> set[int]:
    """Units the user reaches through `roles`: their organisations' units, the trees below them and
    their predecessor units. Cached on the user object per set of units."""
    own = frozenset(unit_ids_with_role(user, *roles))
    if not own:
        return set()
    per_user = user.__dict__.setdefault("_doithoai_area", {})
    if own not in per_user:
        per_user[own] = unit_covered_ids_cached(own)
    return per_user[own]


# Every role reads petitioners' personal data or manages those who do (docs/permissions.md), but
# the press, which sees only what is public and its own questions.
SECOND_FACTOR_ROLES = frozenset(Role.values) - {Role.PRESS}


def needs_second_factor(user: Actor) -> bool:
    """Whether `user` must pass a second factor (TOTP or a recovery code) in each session when
    `DOITHOAI_REQUIRE_OTP` is on: staff and superusers, and every role but the press."""
    if not isinstance(user, User):
        return False
    if user.is_superuser or user.is_staff:
        return True
    return bool(roles_of(user) & SECOND_FACTOR_ROLES)


def can_end_sessions_of(actor: Actor, user: User) -> bool:
    """Log `user` out everywhere, or reset their second factor: themselves or an administrator."""
    if actor is None or not actor.is_authenticated:
        return False
    return actor.pk == user.pk or can_manage_accounts(actor)
