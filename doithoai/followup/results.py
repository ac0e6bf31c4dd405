"""What the results report of a round counts and lists, one row per issue (no personal data).

Read in a handful of `values()` queries for the whole round. The figures follow the rules of the
public board: the current deadline is the open directive's, else the latest assignment's; an
issue is overdue when that deadline has passed and it is not settled (answered, resolved or
closed, with no open directive). An answer is on time when it was first published no later than
the due date of the assignment it answered.

Only issues whose title a person confirmed and whose texts pass `core.privacy` are listed by
name (`IssueFact.listed`); every issue of the round is counted.
"""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.core.privacy import personal_data_findings
from doithoai.dialogues.models import Directive, Round
from doithoai.followup.choices import DIRECTIVE_SETTLED, ISSUE_SETTLED, AnswerState, AssignmentState
from doithoai.followup.models import Answer, Assignment
from doithoai.petitions.choices import LegalKind
from doithoai.synthesis.models import Issue, IssueMembership, IssueState

RESOLVED_STATES = frozenset({IssueState.RESOLVED, IssueState.CLOSED})
OPEN_STATES = frozenset(
    {IssueState.OPEN, IssueState.ASSIGNED, IssueState.ANSWERED, IssueState.IN_PROGRESS}
)


@dataclass
class IssueFact:
    id: int
    title: str
    listed: bool
    topic: str
    area: str
    petitions: int
    department: str
    state: str
    state_label: str
    deadline: datetime.date | None
    answered_on: datetime.date | None
    answer: str
    directive: str
    answered: bool
    on_time: bool
    resolved: bool
    overdue: bool

    @property
    def theme(self) -> tuple[str, str]:
        return (self.topic, self.area)


@dataclass
class Tally:
    """Counts of one department, theme or of the whole round."""

    name: str
    issues: int = 0
    petitions: int = 0
    answered: int = 0
    on_time: int = 0
    resolved: int = 0
    overdue: int = 0

    def add(self, fact: IssueFact) -> None:
        self.issues += 1
        self.petitions += fact.petitions
        self.answered += fact.answered
        self.on_time += fact.on_time
        self.resolved += fact.resolved
        self.overdue += fact.overdue


@dataclass
class Theme:
    topic: str
    area: str
    tally: Tally
    facts: list[IssueFact] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.topic} — {self.area}"


def _listable(*texts: str) -> bool:
    return all(not personal_data_findings(text) for text in texts if text)


def _local_date(moment: datetime.datetime | None) -> datetime.date | None:
    return timezone.localtime(moment).date() if moment is not None else None


def unassigned_label() -> str:
    return _("Chưa giao cơ quan chủ trì")


def forwarded_label() -> str:
    return _("Chuyển cơ quan có thẩm quyền")


def department_of(assignment: dict[str, Any] | None) -> str:
    """The department an issue is counted under: its latest assignment's lead."""
    if assignment is None:
        return unassigned_label()
    if assignment["state"] == AssignmentState.FORWARDED or not assignment["lead_id"]:
        return forwarded_label()
    return str(assignment["lead__name"])


def issue_facts(round_: Round, *, today: datetime.date | None = None) -> list[IssueFact]:
    """Every issue of the round with its figures, in the order of their ids."""
    today = today or timezone.localdate()
    issues = list(
        Issue.objects.filter(round=round_)
        .order_by("id")
        .values("id", "title", "title_confirmed", "state", "topic__name", "area__name")
    )
    memberships = IssueMembership.objects.filter(issue__round=round_).order_by()
    counts = dict(
        memberships.values("issue_id").annotate(n=Count("id")).values_list("issue_id", "n")
    )
    # An issue made only of denunciations is never named (Law on Denunciation, Art. 9).
    open_kinds = set(
        memberships.exclude(petition__legal_kind=LegalKind.TO_CAO)
        .values_list("issue_id", flat=True)
        .distinct()
    )
    latest: dict[int, Any] = {}
    for found in (
        Assignment.objects.filter(issue__round=round_)
        .order_by("id")
        .values("id", "issue_id", "lead_id", "lead__name", "due_on", "state")
    ):
        latest[found["issue_id"]] = found
    first_answer: dict[int, Any] = {}
    last_answer: dict[int, Any] = {}
    for published in (
        Answer.objects.filter(assignment__issue__round=round_, state=AnswerState.PUBLISHED)
        .order_by("published_at", "id")
        .values("assignment__issue_id", "assignment__due_on", "text", "published_at")
    ):
        first_answer.setdefault(published["assignment__issue_id"], published)
        last_answer[published["assignment__issue_id"]] = published
    directives: dict[int, Any] = {}
    for given in (
        Directive.objects.filter(round=round_, issue__isnull=False)
        .order_by("-id")
        .values("issue_id", "deadline", "state", "text")
    ):
        directives.setdefault(given["issue_id"], given)
    labels = {value: str(label) for value, label in IssueState.choices}
    facts = []
    for issue in issues:
        pk = issue["id"]
        assignment = latest.get(pk)
        directive = directives.get(pk)
        first, last = first_answer.get(pk), last_answer.get(pk)
        open_directive = directive is not None and directive["state"] not in DIRECTIVE_SETTLED
        if open_directive and directive is not None:
            deadline = directive["deadline"]
        else:
            deadline = assignment["due_on"] if assignment else None
        settled = issue["state"] in ISSUE_SETTLED and not open_directive
        answered_on = _local_date(first["published_at"]) if first else None
        answer = last["text"] if last else ""
        directive_text = directive["text"] if directive else ""
        facts.append(
            IssueFact(
                id=pk,
                title=issue["title"],
                listed=bool(issue["title_confirmed"])
                and pk in open_kinds
                and _listable(issue["title"], answer, directive_text),
                topic=issue["topic__name"] or _("Chưa phân loại lĩnh vực"),
                area=issue["area__name"] or _("Chưa xác định địa bàn"),
                petitions=counts.get(pk, 0),
                department=department_of(assignment),
                state=issue["state"],
                state_label=labels.get(issue["state"], ""),
                deadline=deadline,
                answered_on=answered_on,
                answer=answer,
                directive=directive_text,
                answered=first is not None,
                on_time=bool(
                    first is not None
                    and answered_on is not None
                    and answered_on <= first["assignment__due_on"]
                ),
                resolved=issue["state"] in RESOLVED_STATES,
                overdue=deadline is not None and deadline < today and not settled,
            )
        )
    return facts


def by_department(facts: list[IssueFact]) -> tuple[list[Tally], Tally]:
    """One tally per department (most issues first; unassigned and forwarded last) and the total."""
    tallies: dict[str, Tally] = {}
    total = Tally(_("Tổng cộng"))
    for fact in facts:
        tallies.setdefault(fact.department, Tally(fact.department)).add(fact)
        total.add(fact)
    last = {unassigned_label(), forwarded_label()}
    rows = sorted(tallies.values(), key=lambda t: (t.name in last, -t.issues, t.name))
    return rows, total


def by_theme(facts: list[IssueFact]) -> list[Theme]:
    """Themes (topic × area, as on the issues board), the largest first."""
    themes: dict[tuple[str, str], Theme] = {}
    for fact in facts:
        theme = themes.get(fact.theme)
        if theme is None:
            theme = themes[fact.theme] = Theme(fact.topic, fact.area, Tally(""))
        theme.tally.add(fact)
        theme.facts.append(fact)
    return sorted(themes.values(), key=lambda t: (-t.tally.issues, t.topic, t.area))


def carried_over(round_: Round, *, today: datetime.date | None = None) -> list[IssueFact]:
    """Listed issues of the unit's earlier rounds still open (reported until they are settled)."""
    earlier = Round.objects.filter(unit_id=round_.unit_id).exclude(pk=round_.pk)
    if round_.starts_at is not None:
        earlier = earlier.filter(starts_at__lt=round_.starts_at)
    else:
        earlier = earlier.filter(id__lt=round_.pk)
    found: list[IssueFact] = []
    for previous in earlier.filter(Q(issues__state__in=OPEN_STATES)).distinct().order_by("id"):
        found += [
            f for f in issue_facts(previous, today=today) if f.listed and f.state in OPEN_STATES
        ]
    return found
