"""Assign many issues at once to their suggested departments (`Issue.department`).

One transaction: each issue that can be assigned gets the same assignment `issue_assign` makes
(working-day deadline from its petitions' main legal kind and `TimeLimit`); issues already
assigned, without a suggestion or outside the actor's area are skipped and reported.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from doithoai.accounts.types import Actor
from doithoai.followup import policies
from doithoai.followup.calendar import add_working_days, time_limit_days
from doithoai.followup.choices import AssignmentState
from doithoai.followup.models import Assignment
from doithoai.followup.services.assignment import _create
from doithoai.followup.services.common import department_staff, notify_petitioners, today
from doithoai.notify.services import message_to_staff
from doithoai.petitions.choices import LegalKind
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue, IssueState
from doithoai.units.models import Organisation

# A bulk assignment covers at most this many issues (a theme is far smaller; a round is ~420).
BULK_LIMIT = 600


@dataclass
class PlannedGroup:
    department: Organisation
    due_on: datetime.date
    count: int


@dataclass
class SkippedIssue:
    issue: Issue
    reason: str


@dataclass
class BulkPlan:
    ready: list[tuple[Issue, str, datetime.date]] = field(default_factory=list)
    skipped: list[SkippedIssue] = field(default_factory=list)

    @property
    def groups(self) -> list[PlannedGroup]:
        counts: Counter[tuple[int, datetime.date]] = Counter()
        departments: dict[int, Organisation] = {}
        for issue, _key, due in self.ready:
            assert issue.department is not None
            departments[issue.department.pk] = issue.department
            counts[(issue.department.pk, due)] += 1
        rows = [PlannedGroup(departments[d], due, n) for (d, due), n in counts.items()]
        return sorted(rows, key=lambda r: (r.department.name, r.due_on))


@dataclass
class BulkResult:
    assigned: list[Assignment]
    skipped: list[SkippedIssue]


def _main_kinds(issue_ids: list[int]) -> dict[int, str]:
    """The most common legal kind of each issue's petitions, in one grouped query."""
    rows = (
        Petition.objects.filter(issue_link__issue_id__in=issue_ids)
        .values("issue_link__issue_id", "legal_kind")
        .annotate(n=Count("id"))
        .order_by("issue_link__issue_id", "-n", "legal_kind")
    )
    kinds: dict[int, str] = {}
    for row in rows:
        kinds.setdefault(row["issue_link__issue_id"], row["legal_kind"])
    return kinds


def issues_assign_preview(*, actor: Actor, issues: Iterable[Issue]) -> BulkPlan:
    """What `issues_assign_suggested` would do: issues per suggested department and deadline,
    and the issues it would skip with the reason. Writes nothing."""
    chosen = list(issues)[:BULK_LIMIT]
    ids = [i.pk for i in chosen]
    busy = set(
        Assignment.objects.filter(
            issue_id__in=ids, state__in=[AssignmentState.ACTIVE, AssignmentState.FORWARDED]
        ).values_list("issue_id", flat=True)
    )
    kinds = _main_kinds(ids)
    deadlines: dict[str, datetime.date] = {}
    plan = BulkPlan()
    for issue in chosen:
        if not policies.can_assign(actor, issue):
            plan.skipped.append(SkippedIssue(issue, _("ngoài phạm vi bạn được giao việc")))
        elif issue.state != IssueState.OPEN or issue.pk in busy:
            plan.skipped.append(SkippedIssue(issue, _("đã giao giải quyết")))
        elif issue.department is None:
            plan.skipped.append(SkippedIssue(issue, _("chưa có cơ quan tham mưu đề xuất")))
        elif not issue.department.active:
            plan.skipped.append(SkippedIssue(issue, _("cơ quan đề xuất không còn hoạt động")))
        else:
            key = kinds.get(issue.pk, str(LegalKind.KIEN_NGHI))
            if key not in deadlines:
                deadlines[key] = add_working_days(today(), time_limit_days(key))
            plan.ready.append((issue, key, deadlines[key]))
    return plan


def _tell_departments(actor: Actor, assigned: list[Assignment]) -> None:
    """One message per department for the whole batch (not one per issue)."""
    by_department: dict[int, list[Assignment]] = defaultdict(list)
    for assignment in assigned:
        by_department[int(assignment.lead_id or 0)].append(assignment)
    for department_id, group in by_department.items():
        first = min(a.due_on for a in group)
        message_to_staff(
            actor=actor,
            users=department_staff(department_id),
            key="staff_assigned",
            context={
                "title": _("%(n)s vấn đề được giao cùng lúc") % {"n": len(group)},
                "organisation": group[0].lead.name if group[0].lead else "",
                "due": first.strftime("%d/%m/%Y"),
                "link": f"{settings.DOITHOAI_PUBLIC_URL}/staff/theo-doi/?ds=viec",
            },
            about=f"assignments:{department_id}:{group[0].pk}",
        )


@transaction.atomic
def issues_assign_suggested(*, actor: Actor, issues: Iterable[Issue]) -> BulkResult:
    """Assign each issue to its suggested department, with the working-day deadline of its
    petitions' legal kind; skip (and report) the others. All or nothing."""
    if not policies.can_bulk_assign(actor):
        raise PermissionDenied(_("Bạn không có quyền giao giải quyết vấn đề."))
    chosen = list(issues)
    locked_ids = list(
        Issue.objects.select_for_update()
        .filter(pk__in=[i.pk for i in chosen])
        .values_list("pk", flat=True)
    )
    fresh = Issue.objects.select_related("round", "department").filter(pk__in=locked_ids)
    plan = issues_assign_preview(actor=actor, issues=fresh.order_by("id"))
    assigned = []
    for issue, key, due in plan.ready:
        assignment = _create(
            actor=actor,
            issue=issue,
            petition=None,
            lead=issue.department,
            cooperating=(),
            due_on=due,
            key=key,
        )
        notify_petitioners(
            actor=actor,
            petitions=Petition.objects.filter(issue_link__issue=issue),
            key="petition_assigned",
            context={"organisation": assignment.lead.name, "due": due.strftime("%d/%m/%Y")},  # type: ignore[union-attr]
        )
        assigned.append(assignment)
    _tell_departments(actor, assigned)
    return BulkResult(assigned=assigned, skipped=plan.skipped)
