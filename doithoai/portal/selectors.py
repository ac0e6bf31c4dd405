"""The public results board: issues of a round with no personal data (never a name, a phone, an
address or a denunciation). Search folds diacritics (`core.text.fold`) on both databases.

An issue reaches the board only when a person confirmed its title (`Issue.title_confirmed`) and
every public text of its row (title, published answer, directive, the body it was forwarded to)
passes `core.privacy.personal_data_findings`. A generated title is a draft until then."""

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db.models import BigIntegerField, Count, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from pydantic import field_validator

from doithoai.core.api import InputSchema
from doithoai.core.privacy import personal_data_findings
from doithoai.core.text import fold
from doithoai.dialogues.models import Directive, DirectiveState, Round, RoundState
from doithoai.followup.choices import (
    DIRECTIVE_SETTLED,
    ISSUE_SETTLED,
    AnswerState,
    AssignmentState,
)
from doithoai.followup.models import Answer, Assignment
from doithoai.petitions.choices import LegalKind
from doithoai.petitions.models import Petition, Topic
from doithoai.synthesis.models import Issue, IssueState
from doithoai.synthesis.selectors import public_issues_q

PUBLIC_ROUND_STATES = (RoundState.ANNOUNCED, RoundState.HELD, RoundState.CONCLUDED)
FINISHED_ROUND_STATES = (RoundState.HELD, RoundState.CONCLUDED)
# Only titles a person confirmed reach a public page (the synthesis' public rule).
PUBLIC_ISSUES = public_issues_q()


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


def is_publishable(texts: Iterable[str]) -> bool:
    """No public text of a row (title, answer, directive, forwarded-to body) could identify a
    person."""
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


def _public_petitions(round_: Round) -> QuerySet[Petition]:
    """The round's petitions grouped into an issue, except denunciations (never public).
    Unordered, so that `distinct()` on its values is distinct."""
    return (
        Petition.objects.filter(issue_link__issue__round=round_)
        .exclude(legal_kind=LegalKind.TO_CAO)
        .order_by()
    )


def _forwarded_to(assignment: Any) -> str:
    if assignment and assignment["state"] == AssignmentState.FORWARDED:
        return str(assignment["forwarded_to"])
    return ""


def board_rows(*, round_: Round, issue_ids: list[int] | None = None) -> list[BoardRow]:
    """The public issues of the round (all of them, or those of `issue_ids`) with at least one
    petition that is not a denunciation, in the order of their ids."""
    public_petitions = _public_petitions(round_)
    if issue_ids is not None:
        public_petitions = public_petitions.filter(issue_link__issue__in=issue_ids)
    counts = dict(
        public_petitions.values("issue_link__issue")
        .annotate(n=Count("id"))
        .values_list("issue_link__issue", "n")
    )
    units: dict[int, set[str]] = defaultdict(set)
    for iid, name in public_petitions.values_list("issue_link__issue", "unit__name").distinct():
        units[iid].add(name)
    # Plain rows (values()), not model instances.
    issues = (
        Issue.objects.filter(PUBLIC_ISSUES, round=round_, pk__in=list(counts))
        .order_by("id")
        .values("id", "title", "state", "topic__name", "topic__code", "department_id")
        .annotate(department_name=F("department__name"))
    )
    answers: dict[int, Any] = {}
    current: dict[int, Any] = {}
    directives: dict[int, Any] = {}
    some = {} if issue_ids is None else {"issue__in": issue_ids}
    for published in (
        Answer.objects.filter(
            assignment__issue__round=round_,
            state=AnswerState.PUBLISHED,
            **({} if issue_ids is None else {"assignment__issue__in": issue_ids}),
        )
        .order_by("published_at", "id")
        .values("assignment__issue_id", "text", "published_at")
    ):
        answers[published["assignment__issue_id"]] = published
    for found in (
        Assignment.objects.filter(issue__round=round_, **some)
        .order_by("id")
        .values("issue_id", "lead_id", "lead__name", "due_on", "state", "forwarded_to")
    ):
        current[found["issue_id"]] = found
    for given in (
        Directive.objects.filter(round=round_, issue__isnull=False, **some)
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
            forwarded_to=_forwarded_to(a),
        )
        if is_publishable((row.title, row.answer, row.directive, row.forwarded_to)):
            rows.append(row)
    return rows


def board_row_get(*, round_: Round, issue_id: int) -> BoardRow:
    """One public issue of the board (404 when it is not public)."""
    rows = board_rows(round_=round_, issue_ids=[issue_id])
    if not rows:
        raise Http404
    return rows[0]


class BoardFilters(InputSchema):
    """The public board's filters: the API's query as it is, the page's from its form
    (`portal.forms.BoardForm.filters`)."""

    q: str = ""
    state: str = ""
    topic: str = ""
    department: int | None = None
    overdue: bool = False

    @field_validator("q")
    @classmethod
    def _short(cls, value: str) -> str:
        return value[:200]


OPEN_DIRECTIVE_STATES = [s for s in DirectiveState.values if s not in DIRECTIVE_SETTLED]
UNSETTLED_ISSUE_STATES = [s for s in IssueState.values if s not in ISSUE_SETTLED]


def board_issue_ids(*, round_: Round, filters: BoardFilters) -> QuerySet[Issue, int]:
    """The ids of the round's public issues matching the filters, in the order of the board:
    searched, filtered and paged in the database; rows are built for one page only
    (`board_rows(issue_ids=...)`), which also runs the personal-data check on the page's texts
    only (a row failing it is withheld: the view says how many).

    Search (`q`): every word, folded (no diacritics, any case), must be found in the issue's
    title, or in the name of its topic, of its lead department or of a ward/commune of its
    petitions. Answers and directives are shown but not searched."""
    public_petitions = _public_petitions(round_)
    latest_assignment = Assignment.objects.filter(issue=OuterRef("pk")).order_by("-id")
    # The issues with a public petition, as a list of ids (a few hundred): an IN over a join
    # subquery is planned badly by PostgreSQL on tables not yet analysed (seconds per query).
    with_public_petitions = list(
        public_petitions.values_list("issue_link__issue", flat=True).distinct()
    )
    qs: QuerySet[Issue, Any] = Issue.objects.filter(
        PUBLIC_ISSUES, round=round_, pk__in=with_public_petitions
    ).annotate(
        lead_department=Coalesce(
            Subquery(latest_assignment.values("lead_id")[:1]),
            F("department_id"),
            output_field=BigIntegerField(),
        )
    )
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.topic:
        qs = qs.filter(topic__code=filters.topic)
    if filters.department:
        qs = qs.filter(Q(lead_department=filters.department))
    if filters.overdue:
        qs = _overdue(qs, round_, latest_assignment)
    words = fold(filters.q).split()
    if words:
        names = _folded_names(round_, public_petitions)
        for word in words[:10]:
            qs = qs.filter(_word_q(word, names, public_petitions))
    return qs.order_by("id").values_list("id", flat=True)


def _overdue(
    qs: QuerySet[Issue, Any], round_: Round, latest_assignment: QuerySet[Assignment]
) -> QuerySet[Issue, Any]:
    """`BoardRow.overdue` in SQL: the deadline (of the first directive while it is open, else of
    the latest assignment) has passed and the issue is not settled."""
    first_directive = Directive.objects.filter(round=round_, issue=OuterRef("pk")).order_by("id")
    today = timezone.localdate()
    qs = qs.annotate(
        directive_state=Subquery(first_directive.values("state")[:1]),
        directive_deadline=Subquery(first_directive.values("deadline")[:1]),
        due_on=Subquery(latest_assignment.values("due_on")[:1]),
    )
    open_directive = Q(directive_state__in=OPEN_DIRECTIVE_STATES)
    no_open_directive = Q(directive_state__isnull=True) | Q(directive_state__in=DIRECTIVE_SETTLED)
    return qs.filter(
        (open_directive & Q(directive_deadline__lt=today))
        | (no_open_directive & Q(due_on__lt=today, state__in=UNSETTLED_ISSUE_STATES))
    )


@dataclass
class _FoldedNames:
    topics: list[tuple[int, str]]
    departments: list[tuple[int, str]]
    units: list[tuple[int, str]]


def _folded_names(round_: Round, public_petitions: QuerySet[Petition]) -> _FoldedNames:
    """The few names a search word may match besides the title (topics, the round's
    departments and wards), folded in Python: tens of short names."""
    departments = {
        *Issue.objects.filter(round=round_, department__isnull=False).values_list(
            "department_id", "department__name"
        ),
        *Assignment.objects.filter(issue__round=round_).values_list("lead_id", "lead__name"),
    }
    units = set(public_petitions.values_list("unit_id", "unit__name").distinct())
    return _FoldedNames(
        topics=[(pk, fold(name)) for pk, name in Topic.objects.values_list("id", "name")],
        departments=[(pk, fold(name)) for pk, name in departments],
        units=[(pk, fold(name)) for pk, name in units],
    )


def _word_q(word: str, names: _FoldedNames, public_petitions: QuerySet[Petition]) -> Q:
    found = Q(title_folded__contains=word)
    if topics := [pk for pk, name in names.topics if word in name]:
        found |= Q(topic_id__in=topics)
    if departments := [pk for pk, name in names.departments if word in name]:
        found |= Q(lead_department__in=departments)
    if units := [pk for pk, name in names.units if word in name]:
        in_units = public_petitions.filter(unit_id__in=units)
        found |= Q(pk__in=list(in_units.values_list("issue_link__issue", flat=True).distinct()))
    return found


def board_search(*, round_: Round, filters: BoardFilters) -> list[BoardRow]:
    """Every matching row (the public JSON; the board pages `board_issue_ids` instead)."""
    return board_rows(
        round_=round_, issue_ids=list(board_issue_ids(round_=round_, filters=filters))
    )
