"""Reads of the follow-up, each taking the user and scoping by policy (404 alike otherwise)."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.http import Http404
from django.utils import timezone

from doithoai.accounts.models import Role
from doithoai.accounts.policies import area_ids, is_administrator
from doithoai.accounts.types import Actor
from doithoai.dialogues.models import Directive
from doithoai.followup import policies
from doithoai.followup.choices import DIRECTIVE_SETTLED, AnswerState, AssignmentState
from doithoai.followup.models import Answer, Assignment, IssueResolution
from doithoai.petitions.models import Attachment, Petition
from doithoai.synthesis.models import Issue, IssueMembership, IssueState


def is_overdue(
    due_on: datetime.date | None, settled: bool, on: datetime.date | None = None
) -> bool:
    """Derived, never stored: the deadline has passed and the work is not done."""
    return due_on is not None and not settled and due_on < (on or timezone.localdate())


def assignment_overdue(assignment: Assignment, on: datetime.date | None = None) -> bool:
    return is_overdue(assignment.due_on, assignment.state == AssignmentState.CLOSED, on)


def directive_overdue(directive: Directive, on: datetime.date | None = None) -> bool:
    return is_overdue(directive.deadline, directive.state in DIRECTIVE_SETTLED, on)


def assignments_visible_to(*, user: Actor) -> QuerySet[Assignment]:
    base = Assignment.objects.select_related("issue", "petition", "lead").order_by("due_on", "id")
    if is_administrator(user):
        return base
    area = area_ids(user, *policies.OVERSIGHT_ROLES)
    mine = policies.department_ids(user)
    q = Q(pk__in=[])
    if area:
        q |= Q(issue__round__unit_id__any_of=area) | Q(petition__unit_id__any_of=area)
    if mine:
        q |= Q(lead_id__in=mine) | Q(cooperating__in=mine)
    return base.filter(q).distinct()


def assignment_get_for(*, user: Actor, assignment_id: int) -> Assignment:
    assignment = (
        Assignment.objects.select_related("issue__round", "petition", "lead")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None or not policies.can_view_assignment(user, assignment):
        raise Http404
    return assignment


def directives_visible_to(*, user: Actor) -> QuerySet[Directive]:
    base = Directive.objects.select_related("round", "issue", "assignee")
    if is_administrator(user):
        return base
    area = area_ids(user, *policies.OVERSIGHT_ROLES)
    mine = policies.department_ids(user)
    return base.filter(Q(round__unit_id__any_of=area) | Q(assignee_id__in=mine))


def directive_get_for(*, user: Actor, directive_id: int) -> Directive:
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


def supervision_issues(*, user: Actor, round_id: int | None = None) -> QuerySet[Any]:
    """Every assigned issue of the MTTQ officer's level with its latest assignment's lead,
    deadline and state annotated (`late` when that deadline passed and it is not closed); the
    page slices it."""
    if is_administrator(user):
        issues = Issue.objects.all()
    else:
        scope = _issue_scope_q(user, Role.MTTQ_OFFICER)
        if scope is None:
            raise Http404
        issues = Issue.objects.filter(scope)
    if round_id is not None:
        issues = issues.filter(round_id=round_id)
    latest = Assignment.objects.filter(issue=OuterRef("pk")).order_by("-id")
    today = timezone.localdate()
    return (
        issues.exclude(state=IssueState.OPEN)
        .annotate(
            due_on=Subquery(latest.values("due_on")[:1]),
            assignment_state=Subquery(latest.values("state")[:1]),
            lead_name=Subquery(latest.values("lead__name")[:1]),
            forwarded_to=Subquery(latest.values("forwarded_to")[:1]),
        )
        .annotate(
            late=Case(
                When(
                    Q(due_on__lt=today) & ~Q(assignment_state=AssignmentState.CLOSED),
                    then=Value(True),
                ),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .select_related("round")
        .order_by("-late", "due_on", "id")
    )


def days_late(due_on: datetime.date | None) -> int:
    return max(0, (timezone.localdate() - due_on).days) if due_on else 0


# --- paged work lists (every filter in the database; the page slices) ------------------------


def _issue_scope_q(user: Actor, *roles: str) -> Q | None:
    """Issues of the units where `user` holds one of `roles` (None: none at all)."""
    area = area_ids(user, *roles)
    return _issue_area_q(area) if area else None


def _issue_area_q(area: set[int] | frozenset[int]) -> Q:
    """Issues of the units `area`. An issue's unit is its own `unit`, else its round's, else its
    petitions' (as `policies.issue_unit_id`)."""
    outside = Exists(
        IssueMembership.objects.filter(issue=OuterRef("pk"), petition__unit_id__any_of=area)
    )
    return (
        Q(unit_id__any_of=area)
        | Q(unit__isnull=True, round__unit_id__any_of=area)
        | (Q(unit__isnull=True, round__isnull=True) & Q(outside))
    )


def _theme(qs: QuerySet[Issue], f: "IssueFilters") -> QuerySet[Issue]:
    """Topic and area filters; 0 means "none" (issues without a topic, or without an area)."""
    if f.topic_id == 0:
        qs = qs.filter(topic__isnull=True)
    elif f.topic_id:
        qs = qs.filter(topic_id=f.topic_id)
    if f.area_id == 0:
        qs = qs.filter(area__isnull=True)
    elif f.area_id:
        qs = qs.filter(area_id=f.area_id)
    return qs


@dataclass(frozen=True)
class IssueFilters:
    round_id: int | None = None
    topic_id: int | None = None
    area_id: int | None = None
    department_id: int | None = None
    q: str = ""


def unassigned_issues(*, user: Actor, filters: IssueFilters | None = None) -> QuerySet[Issue]:
    """Open issues the user may assign (the secretariat of their unit), filtered by theme
    (round, topic, area), suggested department and words of the title."""
    scope = _issue_scope_q(user, Role.SECRETARIAT)
    if scope is None:
        return Issue.objects.none()
    f = filters or IssueFilters()
    qs = Issue.objects.filter(scope, state=IssueState.OPEN)
    if f.round_id:
        qs = qs.filter(round_id=f.round_id)
    qs = _theme(qs, f)
    if f.department_id:
        qs = qs.filter(department_id=f.department_id)
    if f.q.strip():
        qs = qs.filter(title__icontains=f.q.strip())
    return qs.select_related("round", "topic", "department", "area").order_by("round_id", "id")


def issues_for_bulk(
    *, user: Actor, issue_ids: list[int] | None = None, theme: IssueFilters | None = None
) -> QuerySet[Issue]:
    """The issues a bulk assignment names: chosen ids, or a whole theme (round, topic, area)
    — only those the user may assign at all; the service reports the rest of the skips."""
    scope = _issue_scope_q(user, Role.SECRETARIAT)
    if scope is None:
        return Issue.objects.none()
    qs = Issue.objects.filter(scope).select_related("round", "department")
    if issue_ids is not None:
        return qs.filter(pk__in=issue_ids).order_by("id")
    if theme is None or not theme.round_id:
        return Issue.objects.none()
    qs = _theme(qs.filter(round_id=theme.round_id, state=IssueState.OPEN), theme)
    return qs.order_by("id")


def unassigned_choices(*, user: Actor) -> dict[str, list[tuple[int, str]]]:
    """Rounds, topics, areas and departments that occur among the user's open issues (for the
    filter selects: a handful each, never the issues themselves)."""
    qs = unassigned_issues(user=user).order_by()
    out: dict[str, list[tuple[int, str]]] = {}
    for key, name in (
        ("round", "round__title"),
        ("topic", "topic__name"),
        ("area", "area__name"),
        ("department", "department__name"),
    ):
        rows = qs.filter(**{f"{key}__isnull": False}).values_list(f"{key}_id", name).distinct()
        out[key] = sorted(((int(i), str(n)) for i, n in rows), key=lambda r: r[1])
    return out


def assignments_of(*, user: Actor, open_only: bool = True) -> QuerySet[Assignment]:
    """Assignments the user follows (a department its own, oversight its area), by deadline;
    open ones (in progress, or forwarded and awaiting the competent body) unless told."""
    qs = assignments_visible_to(user=user)
    if open_only:
        qs = qs.filter(state__in=[AssignmentState.ACTIVE, AssignmentState.FORWARDED])
    return qs


def _answers_scope(user: Actor, *roles: str) -> QuerySet[Answer]:
    area = area_ids(user, *roles)
    if not area:
        return Answer.objects.none()
    return Answer.objects.filter(
        Q(assignment__issue__round__unit_id__any_of=area)
        | Q(assignment__issue__isnull=True, assignment__petition__unit_id__any_of=area)
        | Q(
            assignment__issue__round__isnull=True,
            assignment__issue__memberships__petition__unit_id__any_of=area,
        )
    ).distinct()


def _answer_rows(qs: QuerySet[Answer]) -> QuerySet[Answer]:
    return qs.select_related(
        "assignment__issue", "assignment__petition", "assignment__lead", "drafted_by"
    ).order_by("updated_at", "id")


def head_queue(*, user: Actor) -> QuerySet[Answer]:
    """Drafts submitted to the heads of the user's departments, oldest first."""
    mine = policies.department_ids(user, Role.DEPARTMENT_HEAD)
    if not mine:
        return Answer.objects.none()
    return _answer_rows(
        Answer.objects.filter(state=AnswerState.SUBMITTED, assignment__lead_id__in=mine)
    )


def leader_queue(*, user: Actor) -> QuerySet[Answer]:
    """Answers approved by a department head, awaiting the leader of the user's level."""
    return _answer_rows(_answers_scope(user, Role.LEADER).filter(state=AnswerState.HEAD_APPROVED))


def publish_queue(*, user: Actor) -> QuerySet[Answer]:
    """Approved answers the secretariat of the user's level may send and publish."""
    return _answer_rows(_answers_scope(user, Role.SECRETARIAT).filter(state=AnswerState.APPROVED))


def _with_latest_assignment(qs: QuerySet[Issue]) -> QuerySet[Issue]:
    latest = Assignment.objects.filter(issue=OuterRef("pk"), lead__isnull=False).order_by("-id")
    return qs.annotate(latest_assignment_id=Subquery(latest.values("pk")[:1]))


def resolvable_issues(*, user: Actor) -> QuerySet[Issue]:
    """Answered issues (or with a directive under way) that the user may record as resolved:
    the secretariat's area, or a department's own issues."""
    states = [IssueState.ANSWERED, IssueState.IN_PROGRESS]
    scope = _issue_scope_q(user, Role.SECRETARIAT)
    mine = policies.department_ids(user)
    q = scope if scope is not None else Q(pk__in=[])
    if mine:
        q |= Q(department_id__in=mine)
    if scope is None and not mine:
        return Issue.objects.none()
    qs = Issue.objects.filter(q, state__in=states).select_related("round", "department")
    return _with_latest_assignment(qs).order_by("updated_at", "id")


def verification_queue(*, user: Actor) -> QuerySet[Issue]:
    """Resolved issues awaiting the MTTQ's verification, oldest first: the MTTQ officer's level
    acts on them; the secretariat of the area sees them (and closes those that need no
    verification from the assignment page)."""
    scope = _issue_scope_q(user, Role.MTTQ_OFFICER, Role.SECRETARIAT)
    if scope is None:
        return Issue.objects.none()
    latest = IssueResolution.objects.filter(issue=OuterRef("pk")).order_by("-id")
    qs = (
        Issue.objects.filter(scope, state=IssueState.RESOLVED)
        .annotate(
            resolution_note=Subquery(latest.values("note")[:1]),
            resolution_evidence=Subquery(latest.values("evidence")[:1]),
            resolution_id=Subquery(latest.values("pk")[:1]),
            resolved_on=Subquery(latest.values("created_at")[:1]),
        )
        .select_related("round", "department")
    )
    return _with_latest_assignment(qs).order_by("updated_at", "id")


# The issue lists of the work page: the roles whose area each covers, whether the user's
# departments' own issues count too, and its states (as the selectors above).
ISSUE_LISTS: dict[str, tuple[tuple[str, ...], bool, tuple[str, ...]]] = {
    "unassigned": ((Role.SECRETARIAT,), False, (IssueState.OPEN,)),
    "resolvable": ((Role.SECRETARIAT,), True, (IssueState.ANSWERED, IssueState.IN_PROGRESS)),
    "verification": ((Role.MTTQ_OFFICER, Role.SECRETARIAT), False, (IssueState.RESOLVED,)),
}


def issue_list_counts(*, user: Actor) -> dict[str, int]:
    """The sizes of `unassigned_issues` (unfiltered), `resolvable_issues` and
    `verification_queue` in one aggregate over the union of their scopes. The states of the
    lists differ, so when every list has the same scope (the usual case: one area) a list's
    count filters on its states only and the area is written once."""
    mine = policies.department_ids(user)
    scopes: dict[str, tuple[frozenset[int], bool]] = {}
    for key, (roles, own, _states) in ISSUE_LISTS.items():
        area = frozenset(area_ids(user, *roles))
        if area or (own and mine):
            scopes[key] = (area, own and bool(mine))
    if not scopes:
        return dict.fromkeys(ISSUE_LISTS, 0)

    def scope_q(area: frozenset[int], own: bool) -> Q:
        q = _issue_area_q(area) if area else Q(pk__in=[])
        return q | Q(department_id__in=mine) if own else q

    distinct = set(scopes.values())
    base = Q(pk__in=[])
    for scope in distinct:
        base |= scope_q(*scope)
    shared = len(distinct) == 1
    counts = Issue.objects.filter(base).aggregate(
        **{
            key: Count(
                "pk",
                filter=Q(state__in=ISSUE_LISTS[key][2]) & (Q() if shared else scope_q(*scope)),
            )
            for key, scope in scopes.items()
        }
    )
    return {key: counts.get(key, 0) for key in ISSUE_LISTS}


def issue_petitions_page_rows(*, user: Actor, issue: Issue) -> QuerySet[Petition]:
    """The petitions of an issue for its follow-up page (the caller pages them), with their
    attachments; the page shows personal data only where petitions' policies allow."""
    return (
        Petition.objects.filter(issue_link__issue=issue)
        .select_related("unit", "topic")
        .prefetch_related("attachments")
        .order_by("received_on", "id")
    )


def attachment_get_for(*, user: Actor, attachment_id: int) -> Attachment:
    attachment = (
        Attachment.objects.select_related("petition__issue_link__issue__round")
        .filter(pk=attachment_id)
        .first()
    )
    if attachment is None:
        raise Http404
    link = getattr(attachment.petition, "issue_link", None)
    issue = link.issue if link is not None else None
    if not policies.can_open_petition_file(user, attachment.petition, issue):
        raise Http404
    return attachment
