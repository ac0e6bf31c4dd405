"""The public results board: issues of a round with no personal data (never a name, a phone, an
address or a denunciation). Search folds diacritics (`core.text.fold`) on both databases.

An issue reaches the board only when a person confirmed its title (`Issue.title_confirmed`) and
every public text of its row (title, published answer, directive, the body it was forwarded to)
passes `core.privacy.personal_data_findings`. A generated title is a draft until then."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from doithoai.core.privacy import personal_data_findings
from doithoai.core.text import fold
from doithoai.dialogues.models import Directive, Round, RoundState
from doithoai.followup.choices import (
    DIRECTIVE_SETTLED,
    ISSUE_SETTLED,
    AnswerState,
    AssignmentState,
)
from doithoai.followup.models import Answer, Assignment
from doithoai.petitions.choices import LegalKind
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue, IssueState

PUBLIC_ROUND_STATES = (RoundState.ANNOUNCED, RoundState.HELD, RoundState.CONCLUDED)
FINISHED_ROUND_STATES = (RoundState.HELD, RoundState.CONCLUDED)
# Only titles a person confirmed reach a public page.
PUBLIC_ISSUES = Q(title_confirmed=True)


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


def announced_rounds() -> QuerySet[Round]:
    """Rounds announced and not yet held, the nearest conference first."""
    return (
        Round.objects.filter(state=RoundState.ANNOUNCED)
        .select_related("unit")
        .order_by("starts_at", "id")
    )


def finished_rounds() -> QuerySet[Round]:
    """Rounds whose conference was held, the latest first: their results boards are public."""
    return (
        Round.objects.filter(state__in=FINISHED_ROUND_STATES)
        .select_related("unit")
        .order_by("-starts_at", "-id")
    )


def is_publishable(row: "BoardRow") -> bool:
    """No public text of the row could identify a person."""
    texts = (row.title, row.answer, row.directive, row.forwarded_to)
    return all(_text_is_public(text) for text in texts if text)


@lru_cache(maxsize=8192)
def _text_is_public(text: str) -> bool:
    # Kept per process by text: the board checks the same few hundred texts on every request.
    return not personal_data_findings(text)


def public_round_get(*, round_id: int) -> Round:
    found = (
        public_rounds().select_related("organisation", "unit__parent").filter(pk=round_id).first()
    )
    if found is None:
        raise Http404
    return found


def board_rows(*, round_: Round, issue_id: int | None = None) -> list[BoardRow]:
    """Every public issue of the round (or the one `issue_id`) with at least one petition that is
    not a denunciation."""
    public_petitions = Petition.objects.filter(issue_link__issue__round=round_).exclude(
        legal_kind=LegalKind.TO_CAO
    )
    if issue_id is not None:
        public_petitions = public_petitions.filter(issue_link__issue=issue_id)
    counts = dict(
        public_petitions.values("issue_link__issue")
        .annotate(n=Count("id"))
        .values_list("issue_link__issue", "n")
    )
    units: dict[int, set[str]] = defaultdict(set)
    for iid, name in public_petitions.values_list("issue_link__issue", "unit__name").distinct():
        units[iid].add(name)
    one = Q() if issue_id is None else Q(issue=issue_id)
    # Plain rows (values()), not model instances: the board reads every issue of the round.
    issues = (
        Issue.objects.filter(PUBLIC_ISSUES, round=round_, pk__in=list(counts))
        .order_by("id")
        .values("id", "title", "state", "topic__name", "topic__code", "department_id")
        .annotate(department_name=F("department__name"))
    )
    answers: dict[int, Any] = {}
    for published in (
        Answer.objects.filter(
            assignment__issue__round=round_,
            state=AnswerState.PUBLISHED,
            **({} if issue_id is None else {"assignment__issue": issue_id}),
        )
        .order_by("published_at", "id")
        .values("assignment__issue_id", "text", "published_at")
    ):
        answers[published["assignment__issue_id"]] = published
    current: dict[int, Any] = {}
    for found in (
        Assignment.objects.filter(one, issue__round=round_)
        .order_by("id")
        .values("issue_id", "lead_id", "lead__name", "due_on", "state", "forwarded_to")
    ):
        current[found["issue_id"]] = found
    directives: dict[int, Any] = {}
    for given in (
        Directive.objects.filter(one, round=round_, issue__isnull=False)
        .order_by("-id")
        .values("issue_id", "deadline", "state", "text")
    ):
        directives[given["issue_id"]] = given
    labels = {value: str(label) for value, label in IssueState.choices}
    today = timezone.localdate()
    rows = []
    for issue in issues:
        pk = issue["id"]
        a = current.get(pk)
        d = directives.get(pk)
        answer = answers.get(pk)
        open_directive = d is not None and d["state"] not in DIRECTIVE_SETTLED
        deadline = d["deadline"] if d and open_directive else (a["due_on"] if a else None)
        settled = issue["state"] in ISSUE_SETTLED and not open_directive
        if a and a["lead_id"]:
            department, department_id = a["lead__name"], a["lead_id"]
        else:
            department, department_id = issue["department_name"], issue["department_id"]
        published_at = answer["published_at"] if answer else None
        row = BoardRow(
            id=pk,
            title=issue["title"],
            topic=issue["topic__name"] or "",
            topic_code=issue["topic__code"] or "",
            units=sorted(units.get(pk, set())),
            petitioners=counts.get(pk, 0),
            answer=answer["text"] if answer else "",
            answered_on=timezone.localtime(published_at).date() if published_at else None,
            directive=d["text"] if d else "",
            department=department or "",
            department_id=department_id,
            deadline=deadline,
            state=issue["state"],
            state_label=labels.get(issue["state"], ""),
            overdue=deadline is not None and deadline < today and not settled,
            forwarded_to=a["forwarded_to"] if a and a["state"] == AssignmentState.FORWARDED else "",
        )
        if is_publishable(row):
            rows.append(row)
    return rows


def board_row_get(*, round_: Round, issue_id: int) -> BoardRow:
    """One public issue of the board (404 when it is not public)."""
    rows = board_rows(round_=round_, issue_id=issue_id)
    if not rows:
        raise Http404
    return rows[0]


@dataclass
class BoardFilters:
    q: str = ""
    state: str = ""
    topic: str = ""
    department: int | None = None
    overdue: bool = False


def _search_key(row: BoardRow) -> str:
    if not row.key:
        parts = [row.title, row.topic, row.answer, row.directive, row.department, *row.units]
        row.key = fold(" ".join(parts))
    return row.key


def board_search(*, round_: Round, filters: BoardFilters) -> list[BoardRow]:
    rows = board_rows(round_=round_)
    words = fold(filters.q).split()
    out = []
    for row in rows:
        if words and not all(w in _search_key(row) for w in words):
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
