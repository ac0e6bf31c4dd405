"""Who may change units and organisations.

The rules read people's roles, which live in `accounts`, a higher app: accounts registers them in
its `ready()` (`unit_rules_register`, from `accounts/unit_rules.py`). Until a rule is registered
nobody may."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from doithoai.core.types import AnyUser
from doithoai.units.models import Unit


@dataclass(frozen=True)
class UnitRules:
    can_add_local_unit: Callable[[Any, Unit], bool]
    can_manage_organisations: Callable[[Any], bool]


_RULES: list[UnitRules] = []


def unit_rules_register(rules: UnitRules) -> None:
    """Register (or replace) the rules."""
    _RULES[:] = [rules]


def can_add_local_unit(user: AnyUser | None, parent: Unit) -> bool:
    """Administrators anywhere; ward/commune officers and the secretariat within their own area."""
    return bool(_RULES) and _RULES[0].can_add_local_unit(user, parent)


def can_manage_organisations(user: AnyUser | None) -> bool:
    return bool(_RULES) and _RULES[0].can_manage_organisations(user)
