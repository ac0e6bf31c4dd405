"""The public results board: issues of a round with no personal data (never a name, a phone, an
address or a denunciation). Search folds diacritics (`core.text.fold`) on both databases."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils import timezone

from doithoai.core.text import fold
from doithoai.dialogues.models import Directive, Round, RoundState
from doithoai.followup.choices import ISSUE_SETTLED, AnswerState, AssignmentState
from doithoai.followup.models import Answer, Assignment
from doithoai.petitions.choices import LegalKind
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue

PUBLIC_ROUND_STATES = (RoundState.ANNOUNCED, RoundState.HELD, RoundState.CONCLUDED)


@dataclass
class BoardRow:
    id: int
    title: str
    topic: str
    topic_code: str
    units: list[str]
    petitioners: int
    answer: str
    answered_on: datetime.date | None
    directive: str
    department: str
    department_id: int | None
    deadline: datetime.date | None
    state: str
    state_label: str
    overdue: bool
    forwarded_to: str = ""
    key: str = field(default="", repr=False)


def public_rounds() -> QuerySet[Round]:
    return Round.objects.filter(state__in=PUBLIC_ROUND_STATES).select_related("unit")


def public_round_get(*, round_id: int) -> Round:
    found = (
        public_rounds().select_related("organisation", "unit__parent").filter(pk=round_id).first()
    )
    if found is None:
        raise Http404
    return found


def board_rows(*, round_: Round) -> list[BoardRow]:
    """Every issue of the round with at least one petition that is not a denunciation."""
    public_petitions = Petition.objects.filter(issue_link__issue__round=round_).exclude(
        legal_kind=LegalKind.TO_CAO
    )
    counts = dict(
        public_petitions.values("issue_link__issue")
        .annotate(n=Count("id"))
        .values_list("issue_link__issue", "n")
    )
    units: dict[int, set[str]] = defaultdict(set)
    for issue_id, name in public_petitions.values_list(
        "issue_link__issue", "unit__name"
    ).distinct():
        units[issue_id].add(name)
    issues = (
        Issue.objects.filter(round=round_, pk__in=list(counts))
        .select_related("topic", "department")
        .order_by("id")
    )
    answers: dict[int | None, Answer] = {}
    for published in (
        Answer.objects.filter(assignment__issue__round=round_, state=AnswerState.PUBLISHED)
        .select_related("assignment")
        .order_by("published_at", "id")
    ):
        answers[published.assignment.issue_id] = published
    current: dict[int | None, Assignment] = {}
    for found in (
        Assignment.objects.filter(issue__round=round_).select_related("lead").order_by("id")
    ):
        current[found.issue_id] = found
    directives: dict[int | None, Directive] = {}
    for given in Directive.objects.filter(round=round_, issue__isnull=False).order_by("-id"):
        directives[given.issue_id] = given
    today = timezone.localdate()
    rows = []
    for issue in issues:
        a: Assignment | None = current.get(issue.pk)
        d: Directive | None = directives.get(issue.pk)
        answer: Answer | None = answers.get(issue.pk)
        deadline = (
            d.deadline if d and d.state not in ("done", "verified") else (a.due_on if a else None)
        )
        settled = issue.state in ISSUE_SETTLED and not (d and d.state not in ("done", "verified"))
        dept = a.lead if a and a.lead else issue.department
        row = BoardRow(
            id=issue.pk,
            title=issue.title,
            topic=issue.topic.name if issue.topic else "",
            topic_code=issue.topic.code if issue.topic else "",
            units=sorted(units.get(issue.pk, set())),
            petitioners=counts.get(issue.pk, 0),
            answer=answer.text if answer else "",
            answered_on=timezone.localtime(answer.published_at).date()
            if answer and answer.published_at
            else None,
            directive=d.text if d else "",
            department=dept.name if dept else "",
            department_id=dept.pk if dept else None,
            deadline=deadline,
            state=issue.state,
            state_label=str(issue.get_state_display()),
            overdue=deadline is not None and deadline < today and not settled,
            forwarded_to=a.forwarded_to if a and a.state == AssignmentState.FORWARDED else "",
        )
        row.key = fold(
            " ".join([row.title, row.topic, row.answer, row.directive, row.department, *row.units])
        )
        rows.append(row)
    return rows


@dataclass
class BoardFilters:
    q: str = ""
    state: str = ""
    topic: str = ""
    department: int | None = None
    overdue: bool = False


def board_search(*, round_: Round, filters: BoardFilters) -> list[BoardRow]:
    rows = board_rows(round_=round_)
    words = fold(filters.q).split()
    out = []
    for row in rows:
        if words and not all(w in row.key for w in words):
            continue
        if filters.state and row.state != filters.state:
            continue
        if filters.topic and row.topic_code != filters.topic:
            continue
        if filters.department and row.department_id != filters.department:
            continue
        if filters.overdue and not row.overdue:
            continue
        out.append(row)
    return out
