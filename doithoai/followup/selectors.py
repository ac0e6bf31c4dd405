"""Reads of the follow-up, each taking the user and scoping by policy (404 alike otherwise)."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from doithoai.accounts.models import Role
from doithoai.accounts.policies import area_ids, is_administrator
from doithoai.dialogues.models import Directive
from doithoai.followup import policies
from doithoai.followup.choices import DIRECTIVE_SETTLED, AnswerState, AssignmentState
from doithoai.followup.models import Answer, Assignment
from doithoai.synthesis.models import Issue


def is_overdue(
    due_on: datetime.date | None, settled: bool, on: datetime.date | None = None
) -> bool:
    """Derived, never stored: the deadline has passed and the work is not done."""
    return due_on is not None and not settled and due_on < (on or timezone.localdate())


def assignment_overdue(assignment: Assignment, on: datetime.date | None = None) -> bool:
    return is_overdue(assignment.due_on, assignment.state == AssignmentState.CLOSED, on)


def directive_overdue(directive: Directive, on: datetime.date | None = None) -> bool:
    return is_overdue(directive.deadline, directive.state in DIRECTIVE_SETTLED, on)


def assignments_visible_to(*, user: Any) -> QuerySet[Assignment]:
    base = Assignment.objects.select_related("issue", "petition", "lead").order_by("due_on", "id")
    if is_administrator(user):
        return base
    area = area_ids(user, *policies.OVERSIGHT_ROLES)
    mine = policies.department_ids(user)
    q = Q(pk__in=[])
    if area:
        q |= Q(issue__round__unit_id__in=area) | Q(petition__unit_id__in=area)
    if mine:
        q |= Q(lead_id__in=mine) | Q(cooperating__in=mine)
    return base.filter(q).distinct()


def assignment_get_for(*, user: Any, assignment_id: int) -> Assignment:
    assignment = (
        Assignment.objects.select_related("issue__round", "petition", "lead")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None or not policies.can_view_assignment(user, assignment):
        raise Http404
    return assignment


def directives_visible_to(*, user: Any) -> QuerySet[Directive]:
    base = Directive.objects.select_related("round", "issue", "assignee")
    if is_administrator(user):
        return base
    area = area_ids(user, *policies.OVERSIGHT_ROLES)
    mine = policies.department_ids(user)
    return base.filter(Q(round__unit_id__in=area) | Q(assignee_id__in=mine))


def directive_get_for(*, user: Any, directive_id: int) -> Directive:
    directive = directives_visible_to(user=user).filter(pk=directive_id).first()
    if directive is None:
        raise Http404
    return directive


def published_answers_exist(petition_ref: Any, issue_ref: Any) -> Exists:
    """An EXISTS subquery for `published_answer_rows`, to ask in the petition's own query."""
    q = Q(assignment__petition_id=petition_ref) | Q(assignment__issue_id=issue_ref)
    return Exists(Answer.objects.filter(q, state=AnswerState.PUBLISHED))


def published_answer_rows(*, petition_id: int, issue_id: int | None) -> list[dict[str, Any]]:
    """Published answers about one petition (its own or its issue's), as (text, published_at)
    rows for the public lookup: no names. The caller excludes denunciations."""
    q = Q(assignment__petition_id=petition_id)
    if issue_id is not None:
        q |= Q(assignment__issue_id=issue_id)
    rows = Answer.objects.filter(q, state=AnswerState.PUBLISHED).order_by("published_at", "id")
    return [dict(row) for row in rows.values("text", "published_at")]


@dataclass
class SupervisionRow:
    issue: Issue
    assignment: Assignment | None
    overdue: bool
    days_late: int


def supervision_board(*, user: Any, round_id: int | None = None) -> list[SupervisionRow]:
    """Every issue of the MTTQ officer's level, with its current assignment and lateness."""
    area = area_ids(user, Role.MTTQ_OFFICER)
    if not area and not is_administrator(user):
        raise Http404
    issues = Issue.objects.select_related("round", "department").exclude(state="open")
    if not is_administrator(user):
        issues = issues.filter(round__unit_id__in=area)
    if round_id is not None:
        issues = issues.filter(round_id=round_id)
    latest: dict[int | None, Assignment] = {}
    for found in Assignment.objects.filter(issue__in=issues).select_related("lead").order_by("id"):
        latest[found.issue_id] = found
    today = timezone.localdate()
    rows = []
    for issue in issues.order_by("id")[:2000]:
        a: Assignment | None = latest.get(issue.pk)
        late = a is not None and assignment_overdue(a, today)
        rows.append(SupervisionRow(issue, a, late, (today - a.due_on).days if late and a else 0))
    return rows
