"""Reads of the issues board, always through the board policy.

A board holds the issues of a round, or of a unit's petitions outside every round. It opens on
themes (topic × area) with counts; a theme, or the "all issues" view, lists its issues, paged.
Every list takes the same `BoardFilters` (topic, area, suggested department, state, confidence
band, needs review, search).

Public rule: an issue's title may reach a public page iff `title_confirmed` (a person confirmed
it, and the services confirm only titles free of personal data) — `public_issues_q()`.
"""

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404, QueryDict

from doithoai.accounts.policies import unit_ids_with_role
from doithoai.accounts.types import Actor
from doithoai.core.text import search_key
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.round_model import Round
from doithoai.synthesis import policies
from doithoai.synthesis.models import Issue, IssueMembership, IssueState, SynthesisRun
from doithoai.units.models import Organisation, Unit
from doithoai.units.selectors import unit_covered_ids_cached

ISSUES_PER_PAGE = 25
THEMES_PER_PAGE = 25
API_ISSUES_PER_PAGE = 40
LOW_CONFIDENCE = 0.5
HIGH_CONFIDENCE = 0.8
BANDS = ("high", "medium", "low")
NONE = "0"  # the filter value for "no topic" / "no area"


def public_issues_q() -> Q:
    """Issues whose title may be shown on a public page: a person confirmed it (the confirming
    services refuse a title with personal data, and editing a title resets the confirmation)."""
    return Q(title_confirmed=True)


def issue_is_public(issue: Issue) -> bool:
    return bool(issue.title_confirmed)


def needs_review_q() -> Q:
    """Topic or title not confirmed by a person (a low-confidence topic is one not yet
    confirmed; once a person confirmed it, the engine's confidence no longer matters)."""
    return Q(topic_confirmed=False) | Q(title_confirmed=False)


@dataclass(frozen=True)
class Board:
    """The issues of a round, or (round None) of `unit`'s petitions outside every round."""

    unit: Unit
    round: Round | None = None

    def issues(self) -> QuerySet[Issue]:
        if self.round is not None:
            return Issue.objects.filter(round=self.round)
        return Issue.objects.filter(round__isnull=True, unit=self.unit)

    def petitions(self) -> QuerySet[Petition]:
        if self.round is not None:
            return Petition.objects.filter(round=self.round)
        area = unit_covered_ids_cached(frozenset([self.unit.pk]))
        return Petition.objects.filter(round__isnull=True, unit_id__any_of=area)


@dataclass(frozen=True)
class BoardFilters:
    topic: str = ""
    area: str = ""
    department: str = ""
    state: str = ""
    band: str = ""
    review: bool = False
    q: str = ""
    view: str = ""  # "" = themes, "issues" = the issues list
    page: int = 1
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_query(cls, query: QueryDict) -> "BoardFilters":
        def clean(name: str, allowed: tuple[str, ...] | None = None) -> str:
            value = (query.get(name) or "").strip()[:100]
            if allowed is not None and value not in allowed:
                return ""
            return value

        def number(name: str) -> str:
            value = clean(name)
            return value if value.isdigit() else ""

        try:
            page = max(1, int(query.get("page") or 1))
        except ValueError:
            page = 1
        return cls(
            topic=clean("topic"),
            area=number("area"),
            department=number("department"),
            state=clean("state", tuple(IssueState.values)),
            band=clean("band", BANDS),
            review=query.get("review") in {"1", "on", "true"},
            q=clean("q"),
            view=clean("view", ("issues",)),
            page=page,
        )

    def params(self, **changes: Any) -> dict[str, str]:
        values = {
            "view": self.view,
            "topic": self.topic,
            "area": self.area,
            "department": self.department,
            "state": self.state,
            "band": self.band,
            "review": "1" if self.review else "",
            "q": self.q,
            "page": str(self.page) if self.page > 1 else "",
        }
        values.update({k: str(v) if v not in (None, False) else "" for k, v in changes.items()})
        return {k: v for k, v in values.items() if v}

    def query(self, **changes: Any) -> str:
        return urlencode(self.params(**changes))

    @property
    def base_query(self) -> str:
        """The query without the page (for the pager's links)."""
        return self.query(page="")

    @property
    def issues_query(self) -> str:
        """The query of the issues view without topic, area and page (a theme's link adds its
        topic and area)."""
        return self.query(view="issues", topic="", area="", page="")

    @property
    def themes_query(self) -> str:
        return self.query(view="", topic="", area="", page="")

    @property
    def active(self) -> bool:
        return bool(
            self.topic
            or self.area
            or self.department
            or self.state
            or self.band
            or self.review
            or self.q
        )


def board_for_round(*, user: Actor, round_id: int) -> Board:
    round_ = round_get_for_board(user=user, round_id=round_id)
    return Board(unit=round_.unit, round=round_)


def board_for_unit(*, user: Actor, unit_id: int) -> Board:
    """The board of `unit`'s petitions outside every round (404 alike missing and not yours)."""
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None or not policies.can_view_unit(user, unit.pk):
        raise Http404
    return Board(unit=unit)


def round_get_for_board(*, user: Actor, round_id: int) -> Round:
    round_ = Round.objects.select_related("unit").filter(pk=round_id).first()
    if round_ is None or not policies.can_view_board(user, round_):
        raise Http404
    return round_


def rounds_for_board(*, user: Actor) -> list[Round]:
    """The rounds whose boards `user` may view (`policies.can_view_board`), filtered in the
    database."""
    units = policies.board_unit_ids(user)
    return list(Round.objects.select_related("unit").filter(unit_id__any_of=units))


def units_for_board(*, user: Actor) -> list[Unit]:
    """The units whose petitions outside rounds the user may group: their own units."""
    ids = unit_ids_with_role(user, *policies.VIEW_ROLES)
    return list(Unit.objects.filter(pk__in=ids).order_by("name"))


def _filtered(board: Board, f: BoardFilters) -> QuerySet[Issue]:
    qs = board.issues()
    if f.topic == NONE:
        qs = qs.filter(topic__isnull=True)
    elif f.topic:
        qs = qs.filter(topic__code=f.topic)
    if f.area == NONE:
        qs = qs.filter(area__isnull=True)
    elif f.area:
        qs = qs.filter(area_id=int(f.area))
    if f.department:
        qs = qs.filter(department_id=int(f.department))
    if f.state:
        qs = qs.filter(state=f.state)
    if f.band == "high":
        qs = qs.filter(topic_confidence__gte=HIGH_CONFIDENCE)
    elif f.band == "medium":
        qs = qs.filter(topic_confidence__gte=LOW_CONFIDENCE, topic_confidence__lt=HIGH_CONFIDENCE)
    elif f.band == "low":
        qs = qs.filter(Q(topic_confidence__lt=LOW_CONFIDENCE) | Q(topic_confidence__isnull=True))
    if f.review:
        qs = qs.filter(needs_review_q())
    if f.q:
        qs = qs.filter(_search_q(f.q))
    return qs


def _search_q(query: str) -> Q:
    """The title or any petition's text contains the folded words; "#12" finds issue 12."""
    if query.startswith("#") and query[1:].isdigit():
        return Q(pk=int(query[1:]))
    key = search_key(query)
    in_petitions = IssueMembership.objects.filter(petition__text_folded__contains=key).values(
        "issue_id"
    )
    return Q(title_folded__contains=key) | Q(pk__in=in_petitions)


@dataclass(frozen=True)
class Theme:
    topic_id: int | None
    area_id: int | None
    topic_name: str
    area_name: str
    issues: int
    petitions: int
    unassigned: int
    needs_review: int
    issue_ids: list[int]
    topic_code: str = ""

    @property
    def name(self) -> str:
        return f"{self.topic_name} — {self.area_name}"

    @property
    def topic_param(self) -> str:
        return self.topic_code if self.topic_id else NONE

    @property
    def area_param(self) -> str:
        return str(self.area_id) if self.area_id else NONE

    @property
    def anchor(self) -> str:
        return f"theme-{self.topic_id or 0}-{self.area_id or 0}"


@dataclass(frozen=True)
class BoardCounts:
    issues: int
    petitions: int
    ungrouped: int
    needs_review: int


def board_counts(board: Board) -> BoardCounts:
    totals = board.issues().aggregate(
        issues=Count("id"), review=Count("id", filter=needs_review_q())
    )
    petitions = board.petitions().exclude(state="not_accepted")
    return BoardCounts(
        issues=totals["issues"],
        petitions=petitions.count(),
        ungrouped=petitions.filter(issue_link__isnull=True).count(),
        needs_review=totals["review"],
    )


def board_themes(board: Board, f: BoardFilters) -> Page[Theme]:
    """Themes (topic × area) of the filtered issues, largest first, paged; each with its counts
    and the ids of its issues (for acting on the whole theme)."""
    issues = _filtered(board, f)
    sizes = (
        IssueMembership.objects.filter(issue__in=issues.values("pk"))
        .values("issue__topic_id", "issue__area_id")
        .annotate(n=Count("id"))
    )
    petitions = {(r["issue__topic_id"], r["issue__area_id"]): r["n"] for r in sizes}
    rows = (
        issues.values("topic_id", "area_id")
        .annotate(
            issues=Count("id"),
            unassigned=Count("id", filter=Q(state=IssueState.OPEN)),
            review=Count("id", filter=needs_review_q()),
        )
        .order_by("-issues", "topic_id", "area_id")
    )
    page: Page[Any] = Paginator(rows, THEMES_PER_PAGE).get_page(f.page)
    keys = [(r["topic_id"], r["area_id"]) for r in page.object_list]
    topics = Topic.objects.in_bulk([t for t, _a in keys if t])
    areas = Unit.objects.in_bulk([a for _t, a in keys if a])
    ids: dict[tuple[int | None, int | None], list[int]] = {k: [] for k in keys}
    key_q = Q(pk__in=[])
    for topic_id, area_id in keys:
        key_q |= _theme_q(topic_id, area_id)
    for pk, topic_id, area_id in issues.filter(key_q).values_list("pk", "topic_id", "area_id"):
        ids.setdefault((topic_id, area_id), []).append(pk)
    page.object_list = [
        Theme(
            topic_id=r["topic_id"],
            area_id=r["area_id"],
            topic_code=topics[r["topic_id"]].code if r["topic_id"] in topics else "",
            topic_name=topics[r["topic_id"]].name if r["topic_id"] in topics else "—",
            area_name=areas[r["area_id"]].name if r["area_id"] in areas else "—",
            issues=r["issues"],
            petitions=petitions.get((r["topic_id"], r["area_id"]), 0),
            unassigned=r["unassigned"],
            needs_review=r["review"],
            issue_ids=sorted(ids.get((r["topic_id"], r["area_id"]), [])),
        )
        for r in page.object_list
    ]
    return page


def _theme_q(topic_id: int | None, area_id: int | None) -> Q:
    topic = Q(topic__isnull=True) if topic_id is None else Q(topic_id=topic_id)
    return topic & (Q(area__isnull=True) if area_id is None else Q(area_id=area_id))


def board_issue_page(board: Board, f: BoardFilters, per_page: int = ISSUES_PER_PAGE) -> Page[Issue]:
    """The filtered issues, most petitions first, paged; each with `petitioners` counted."""
    qs: QuerySet[Any] = (
        _filtered(board, f)
        .select_related("topic", "area", "department")
        .annotate(petitioners=Count("memberships"))
        .order_by("-petitioners", "id")
    )
    return Paginator(qs, per_page).get_page(f.page)


def board_issues(*, round_: Round, topic: str = "", page: int = 1) -> Page[Issue]:
    """The API's list of a round's issues (unchanged shape)."""
    board = Board(unit=round_.unit, round=round_)
    return board_issue_page(
        board, BoardFilters(topic=topic, page=page, view="issues"), per_page=API_ISSUES_PER_PAGE
    )


def board_issues_by_ids(board: Board, ids: list[int]) -> list[Issue]:
    """The issues of `board` among `ids` (others are ignored), for a bulk action."""
    return list(board.issues().filter(pk__in=ids).select_related("round", "topic"))


def issue_petitions(*, issue: Issue) -> list[Petition]:
    return list(
        Petition.objects.filter(issue_link__issue=issue)
        .select_related("unit")
        .only("id", "code", "text", "place", "unit__name", "channel", "round_id")
        .order_by("created_at")
    )


def filter_choices(
    board: Board, topics: list[Topic] | None = None
) -> dict[str, list[tuple[str, str]]]:
    """The options of the board's filters: a few dozen at most (topics, wards, departments)."""
    area_ids = board.issues().exclude(area=None).values("area_id").distinct()
    if topics is None:
        topics = list(Topic.objects.filter(active=True))
    return {
        "topics": [(t.code, t.name) for t in topics],
        "areas": [
            (str(u.pk), u.name) for u in Unit.objects.filter(pk__in=area_ids).order_by("name")
        ],
        "departments": [
            (str(o.pk), o.name)
            for o in Organisation.objects.filter(unit=board.unit).order_by("name")
        ],
        "states": [(v, str(label)) for v, label in IssueState.choices],
    }


def ungrouped_petitions(*, board: Board) -> QuerySet[Petition]:
    return (
        board.petitions()
        .filter(issue_link__isnull=True)
        .exclude(state="not_accepted")
        .select_related("unit")
        .order_by("created_at")
    )


def latest_run(*, board: Board) -> SynthesisRun | None:
    runs = SynthesisRun.objects.filter(round=board.round)
    if board.round is None:
        runs = runs.filter(unit=board.unit)
    return runs.order_by("-id").first()


def issue_get_for_review(*, user: Actor, issue_id: int) -> Issue:
    issue = (
        Issue.objects.select_related("round", "topic", "area", "department")
        .filter(pk=issue_id)
        .first()
    )
    unit_id = policies.issue_unit_id(issue) if issue is not None else None
    if issue is None or unit_id is None or not policies.can_view_unit(user, unit_id):
        raise Http404
    return issue


def issue_choices(*, round_: Round) -> QuerySet[Issue]:
    return Issue.objects.filter(round=round_).order_by("id").only("id", "title")
