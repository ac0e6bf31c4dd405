"""Who may change units and organisations."""

from typing import Any

from doithoai.accounts.models import Role
from doithoai.accounts.policies import is_administrator, unit_ids_with_role
from doithoai.units.models import Unit
from doithoai.units.selectors import unit_covered_ids


def can_add_local_unit(user: Any, parent: Unit) -> bool:
    """Administrators anywhere; ward/commune officers and the secretariat within their own area."""
    if is_administrator(user):
        return True
    own = unit_ids_with_role(user, Role.WARD_OFFICER, Role.SECRETARIAT)
    return bool(own) and parent.pk in unit_covered_ids(own)


def can_manage_organisations(user: Any) -> bool:
    return is_administrator(user)
