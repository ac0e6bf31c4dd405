"""Who may change units and organisations, by role: registered with `units.policies` in
`AccountsConfig.ready()` (units may not import accounts)."""

from doithoai.accounts.models import Role
from doithoai.accounts.policies import area_ids, is_administrator
from doithoai.accounts.types import Actor
from doithoai.units.models import Unit
from doithoai.units.policies import UnitRules, unit_rules_register


def can_add_local_unit(user: Actor, parent: Unit) -> bool:
    """Administrators anywhere; ward/commune officers and the secretariat within their own area."""
    if is_administrator(user):
        return True
    return parent.pk in area_ids(user, Role.WARD_OFFICER, Role.SECRETARIAT)


def can_manage_organisations(user: Actor) -> bool:
    return is_administrator(user)


def register() -> None:
    unit_rules_register(UnitRules(can_add_local_unit, can_manage_organisations))
