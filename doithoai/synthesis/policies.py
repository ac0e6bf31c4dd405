"""Who may run synthesis, review issues, retrain the model and edit routing.

A board belongs to a unit: a round's unit, or the unit whose petitions outside every round it
groups. The same roles act on both kinds of board.
"""

from doithoai.accounts.models import Role
from doithoai.accounts.policies import area_ids, is_administrator, unit_ids_with_role
from doithoai.accounts.types import Actor
from doithoai.petitions.round_model import Round
from doithoai.synthesis.models import Issue

VIEW_ROLES = (Role.SECRETARIAT, Role.MTTQ_OFFICER, Role.LEADER)
REVIEW_ROLES = (Role.SECRETARIAT, Role.MTTQ_OFFICER)


def _covers(user: Actor, unit_id: int, *roles: str) -> bool:
    return unit_id in area_ids(user, *roles)


def board_unit_ids(user: Actor) -> set[int]:
    """The units whose boards `user` may view (`can_view_unit`), for a filter in the database."""
    return area_ids(user, *VIEW_ROLES)


def can_view_unit(user: Actor, unit_id: int) -> bool:
    return unit_id in board_unit_ids(user)


def can_review_unit(user: Actor, unit_id: int) -> bool:
    return _covers(user, unit_id, *REVIEW_ROLES)


def can_run_unit(user: Actor, unit_id: int) -> bool:
    return _covers(user, unit_id, *REVIEW_ROLES)


def issue_unit_id(issue: Issue) -> int | None:
    """The unit whose board holds `issue` (its own unit, else its round's)."""
    if issue.unit_id is not None:
        return int(issue.unit_id)
    round_ = issue.round
    return int(round_.unit_id) if round_ is not None else None


def can_review_issue(user: Actor, issue: Issue) -> bool:
    unit_id = issue_unit_id(issue)
    return unit_id is not None and can_review_unit(user, unit_id)


def can_view_board(user: Actor, round_: Round) -> bool:
    return can_view_unit(user, round_.unit_id)


def can_review(user: Actor, round_: Round | None) -> bool:
    """Confirm topics and titles, merge, split, move and create issues: the secretariat and the
    Front."""
    if round_ is None:
        return bool(unit_ids_with_role(user, Role.SECRETARIAT))
    return can_review_unit(user, round_.unit_id)


def can_run(user: Actor, round_: Round) -> bool:
    return can_run_unit(user, round_.unit_id)


def can_retrain(user: Actor) -> bool:
    return is_administrator(user) or bool(unit_ids_with_role(user, Role.SECRETARIAT))


def can_edit_routing(user: Actor) -> bool:
    return is_administrator(user) or bool(unit_ids_with_role(user, Role.SECRETARIAT))


# --- The Front's synthesis report ----------------------------------------------------------
# Read: the roles that see the round's issues board (secretariat, leader, MTTQ of the area).
# Write (draft, edit, refresh, approve, un-approve): the MTTQ officers whose area covers the
# round's unit — the Front of that level (or above); a ward's Front feeds the city's synthesis
# through petitions, it does not write the city's report.


def can_view_report(user: Actor, round_: Round) -> bool:
    return _covers(user, round_.unit_id, *VIEW_ROLES)


def can_edit_report(user: Actor, round_: Round) -> bool:
    return _covers(user, round_.unit_id, Role.MTTQ_OFFICER)
