"""Who sees which statistics. Aggregates only: no report ever carries a petitioner's data.

- administrator: everything;
- secretariat, leader, MTTQ officer: the petitions, issues and directives of their area
  (`accounts.policies.area_ids`: their units, the trees below them and predecessor units);
- ward officer: their own ward (its area is the ward and its villages);
- department officer and head: the rows assigned to their department;
- press and anyone else: nothing.
"""

from django.db.models import Q

from doithoai.accounts.models import Role
from doithoai.accounts.policies import active_memberships, area_ids, is_administrator
from doithoai.accounts.types import Actor
from doithoai.petitions.policies import visible_petitions_q

AREA_ROLES = (Role.SECRETARIAT, Role.LEADER, Role.MTTQ_OFFICER, Role.WARD_OFFICER)
DEPARTMENT_ROLES = (Role.DEPARTMENT_OFFICER, Role.DEPARTMENT_HEAD)
# The six-monthly report is sent upward by the People's Committee: its office and its leaders.
UPWARD_REPORT_ROLES = (Role.SECRETARIAT, Role.LEADER)


def _departments(user: Actor) -> list[int]:
    return [m.organisation_id for m in active_memberships(user) if m.role in DEPARTMENT_ROLES]


def _combine(parts: list[Q]) -> Q | None:
    if not parts:
        return None
    combined = parts[0]
    for part in parts[1:]:
        combined |= part
    return combined


def petition_scope_q(user: Actor) -> Q | None:
    """A filter on Petition for the statistics `user` may see; None means none at all. It is the
    scope of the petition lists, so a dashboard never counts a row its user could not open."""
    return visible_petitions_q(user)


def _scope_q(user: Actor, *, area_field: str, department_field: str) -> Q | None:
    if is_administrator(user):
        return Q()
    parts = []
    area = area_ids(user, *AREA_ROLES)
    if area:
        parts.append(Q(**{f"{area_field}__in": area}))
    departments = _departments(user)
    if departments:
        parts.append(Q(**{f"{department_field}__in": departments}))
    return _combine(parts)


def issue_scope_q(user: Actor) -> Q | None:
    """A filter on synthesis.Issue: the issues of rounds in the area, or of the department."""
    return _scope_q(user, area_field="round__unit_id", department_field="department_id")


def directive_scope_q(user: Actor) -> Q | None:
    """A filter on dialogues.Directive: the directives of rounds in the area, or assigned to the
    department."""
    return _scope_q(user, area_field="round__unit_id", department_field="assignee_id")


def can_view_reports(user: Actor) -> bool:
    return petition_scope_q(user) is not None


def can_export_reports(user: Actor) -> bool:
    """Tables are aggregates; whoever sees them may take them away as xlsx."""
    return can_view_reports(user)


def can_make_upward_report(user: Actor) -> bool:
    """The six-monthly report (báo cáo 6 tháng) of a People's Committee."""
    return is_administrator(user) or bool(area_ids(user, *UPWARD_REPORT_ROLES))
