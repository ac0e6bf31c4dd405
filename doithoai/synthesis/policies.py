"""Who may run synthesis, review issues, retrain the model and edit routing."""

from typing import Any

from doithoai.accounts.models import Role
from doithoai.accounts.policies import area_ids, is_administrator, unit_ids_with_role
from doithoai.dialogues.models import Round


def _covers(user: Any, unit_id: int, *roles: str) -> bool:
    return unit_id in area_ids(user, *roles)


def can_view_board(user: Any, round_: Round) -> bool:
    return _covers(user, round_.unit_id, Role.SECRETARIAT, Role.MTTQ_OFFICER, Role.LEADER)


def can_review(user: Any, round_: Round | None) -> bool:
    """Confirm topics, merge, split, move and create issues: the secretariat and the Front."""
    if round_ is None:
        return bool(unit_ids_with_role(user, Role.SECRETARIAT))
    return _covers(user, round_.unit_id, Role.SECRETARIAT, Role.MTTQ_OFFICER)


def can_run(user: Any, round_: Round) -> bool:
    return _covers(user, round_.unit_id, Role.SECRETARIAT, Role.MTTQ_OFFICER)


def can_retrain(user: Any) -> bool:
    return is_administrator(user) or bool(unit_ids_with_role(user, Role.SECRETARIAT))


def can_edit_routing(user: Any) -> bool:
    return is_administrator(user) or bool(unit_ids_with_role(user, Role.SECRETARIAT))
