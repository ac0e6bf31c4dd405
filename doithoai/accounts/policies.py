"""Who holds which role where. Object policies of the other apps build on these."""

from typing import Any

from doithoai.accounts.models import Membership, Role


def active_memberships(user: Any) -> list[Membership]:
    """A user's active memberships, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_doithoai_memberships", None)
    if cached is None:
        cached = list(
            Membership.objects.filter(user=user, active=True).select_related(
                "organisation", "organisation__unit"
            )
        )
        user._doithoai_memberships = cached
    return cached


def roles_of(user: Any) -> set[str]:
    return {m.role for m in active_memberships(user)}


def has_role(user: Any, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def unit_ids_with_role(user: Any, *roles: str) -> set[int]:
    """Units of the organisations in which the user holds one of `roles`."""
    return {m.organisation.unit_id for m in active_memberships(user) if m.role in roles}


def is_administrator(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False)) or has_role(user, Role.ADMINISTRATOR)


def is_staff_member(user: Any) -> bool:
    return is_administrator(user) or bool(active_memberships(user))


def can_manage_accounts(user: Any) -> bool:
    return is_administrator(user)


def area_ids(user: Any, *roles: str) -> set[int]:
    """Units the user reaches through `roles`: their organisations' units, the trees below them and
    their predecessor units. Cached on the user object per set of units."""
    own = frozenset(unit_ids_with_role(user, *roles))
    if not own:
        return set()
    per_user = user.__dict__.setdefault("_doithoai_area", {})
    if own not in per_user:
        from doithoai.units.selectors import unit_covered_ids_cached

        per_user[own] = unit_covered_ids_cached(own)
    return per_user[own]
