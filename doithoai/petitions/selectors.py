"""Reads of petitions, always through the user's policy; keyset pages stay fast at 1M rows."""

import base64
import datetime
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import OuterRef, Q, QuerySet, Subquery, Value
from django.http import Http404
from django.utils import timezone

from doithoai.core.versions import SharedVersion
from doithoai.petitions import hooks, policies, search
from doithoai.petitions.choices import LegalKind, PetitionState
from doithoai.petitions.codes import normalise_code
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.round_model import RoundState
from doithoai.petitions.rounds import intake_note
from doithoai.units.selectors import unit_covered_ids_cached

# A round has public pages (its page, notice, results) once announced.
PUBLIC_ROUND_STATES = (RoundState.ANNOUNCED, RoundState.HELD, RoundState.CONCLUDED)
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
# Search routes (_search_page). A phrase among the word index's common entries (statistics,
# search.phrase_share) is read in date order among the SEARCH_WINDOW newest; with fewer
# matches there than FREQUENT_IN_WINDOW, or when it is rarer, the word index answers, within
# the next INDEX_WINDOW petitions, then past them, if at most INDEX_IDS_MAX petitions match; a
# more frequent phrase is read in date order from WIDE_WINDOW petitions.
SEARCH_WINDOW = 3000
EXACT_WINDOW = 10_000
FREQUENT_IN_WINDOW = 20
INDEX_WINDOW = 30_000
INDEX_IDS_MAX = 20_000
WIDE_WINDOW = 100_000
# Before those: when the units a user can see (or has filtered on) hold at most AREA_INDEX_ROWS
# petitions by the planner's estimate (a commune, a small ward), the word index is asked within
# them; a common phrase has only a few hundred matches there.
AREA_INDEX_ROWS = 80_000


# Changes when the secretariat adds, renames or retires a topic (`topics_changed`).
TOPICS = SharedVersion("petitions:topics-version")


def active_topic(code: str) -> Topic | None:
    """The active topic of that code, from this process's copy of the (short) topic list, read
    again when the list changes. The instance is shared: read it, do not modify it."""
    memo = TOPICS.memo()
    active = memo.get("active")
    if active is None:
        active = memo["active"] = {t.code: t for t in Topic.objects.filter(active=True)}
    return active.get(code)


def topics_changed() -> None:
    """Call after the topic list changed (on commit): every process reads it again."""
    TOPICS.bump()


@dataclass
class PetitionFilters:
    q: str = ""
    round_id: int | None = None
    # Petitions outside every round (ordinary handling); the round filter then does not apply.
    no_round: bool = False
    unit_id: int | None = None
    topic: str = ""
    channel: str = ""
    state: str = ""
    legal_kind: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    overdue: bool = False
    oldest_first: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    items: list[Petition]
    next_cursor: str | None


def _filtered(user: Any, filters: PetitionFilters) -> QuerySet[Petition]:
    scope = policies.visible_petitions_q(user)
    if scope is None:
        return Petition.objects.none()
    qs = Petition.objects.filter(scope)
    if filters.no_round:
        qs = qs.filter(round__isnull=True)
    elif filters.round_id:
        qs = qs.filter(round_id=filters.round_id)
    if filters.unit_id:
        qs = qs.filter(unit_id__any_of=unit_covered_ids_cached(frozenset([filters.unit_id])))
    if filters.topic:
        qs = qs.filter(topic__code=filters.topic)
    for name in ("channel", "state", "legal_kind"):
        if getattr(filters, name):
            qs = qs.filter(**{name: getattr(filters, name)})
    if filters.date_from:
        qs = qs.filter(received_on__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(received_on__lte=filters.date_to)
    if filters.overdue:
        qs = qs.filter(due_on__lt=timezone.localdate(), resolved_at__isnull=True)
    words = search.phrase_words(filters.q)
    if words:
        qs = qs.filter(search.phrase_q(words))
    return qs


def _phrase_ids(
    filters: PetitionFilters,
    desc: bool = True,
    position: tuple[datetime.datetime, int] | None = None,
    window: int | None = None,
    units: set[int] | None = None,
) -> tuple[list[int], bool] | None:
    """On PostgreSQL, the petitions the word index names for the phrase (see `search`) among
    the next `window` petitions past the cursor (all of them with None), in page order, and
    whether that is every match past the cursor; None when the phrase is too common for this
    or there is no index. The window is a date bound the database combines with the word index
    (BitmapAnd), so it reads only the matches inside it. The index is asked without the other
    filters: with them the planner also combines the area's unit index, which costs more than
    it saves, except for `units` holding few petitions (AREA_INDEX_ROWS)."""
    words = search.phrase_words(filters.q)
    if not words or connection.vendor != "postgresql":
        return None
    matching: QuerySet[Any] = Petition.objects.alias(words=search.indexed_words()).filter(
        words__contains=search.word_keys(words)  # type: ignore[misc]
    )
    if units is not None:
        matching = matching.filter(unit_id__any_of=units)
    if position is not None:
        matching = _after(matching, desc, position)
    bound = _bound(desc, position, window) if window is not None else None
    if bound is not None:
        matching = matching.filter(**{"created_at__gte" if desc else "created_at__lte": bound})
    # Unordered and capped inside, so a common phrase stops the scan at the cap; the few found
    # are put in page order by the database, which sends back only their ids.
    inner, params = matching.values("created_at", "id")[: INDEX_IDS_MAX + 1].query.sql_with_params()
    direction = "DESC" if desc else "ASC"
    with connection.cursor() as cursor:
        cursor.execute(
            # The ORM's query with its values apart; `direction` is one of two words.
            f"SELECT id FROM ({inner}) AS found ORDER BY created_at {direction}, id {direction}",  # noqa: S608
            params,
        )
        found = [pk for (pk,) in cursor.fetchall()]
    if len(found) > INDEX_IDS_MAX:
        return None
    return found, bound is None


def _bound(
    desc: bool, position: tuple[datetime.datetime, int] | None, size: int
) -> datetime.datetime | None:
    """A creation time about `size` petitions past the cursor (whoever can see them); None when
    fewer are left. Any bound makes a correct window (every petition created at or past it is
    in); the size only sets its cost. A small window is counted exactly along the date index.
    A large one is measured by id, two index look-ups instead of skipping tens of thousands of
    entries: ids rise with creation times, and a gap in them (a rolled-back import) only makes
    the window smaller."""
    everyone = (
        Petition.objects.all()
        if position is None
        else _after(Petition.objects.all(), desc, position)
    )
    if size <= EXACT_WINDOW:
        ordered = everyone.order_by(*_ordering(desc)).values_list("created_at", flat=True)
        return ordered[size:][:1].first()
    # From the cursor, or from the newest (oldest) id, read in the same statement.
    start: Any = (
        position[1]
        if position is not None
        else Subquery(Petition.objects.order_by("-id" if desc else "id").values("id")[:1])
    )
    rows = (
        Petition.objects.filter(id__lte=start - size).order_by("-id")
        if desc
        else Petition.objects.filter(id__gte=start + size).order_by("id")
    )
    return rows.values_list("created_at", flat=True).first()


def _in_order(qs: QuerySet[Petition], ids: list[int], count: int) -> list[Petition]:
    """The first `count` rows of `qs` among `ids` (both in page order), reading twice `count`
    ids, then four times more at each step: when the user sees most matches the first batch is
    the page; a small area reads on until its page is full."""
    found: list[Petition] = []
    start, size = 0, 2 * count
    while start < len(ids) and len(found) < count:
        found += qs.filter(pk__any_of=ids[start : start + size])[: count - len(found)]
        start, size = start + size, size * 4
    return found


def _in_window(
    qs: QuerySet[Petition],
    desc: bool,
    position: tuple[datetime.datetime, int] | None,
    size: int,
    count: int,
) -> tuple[list[Petition], bool]:
    """The matches among the next `size` petitions past the cursor (whoever can see them), and
    whether that is the page: it is full, or nothing is left beyond the window. The bound keeps
    the planner on the date index: it stops at the page's last match instead of sorting every
    match."""
    bound = _bound(desc, position, size)
    if bound is None:  # fewer than `size` left: the whole rest is the window
        return list(qs[:count]), True
    items = list(qs.filter(**{"created_at__gte" if desc else "created_at__lte": bound})[:count])
    return items, len(items) >= count


def _ordering(desc: bool) -> list[str]:
    """Page order: newest first by default; the id breaks ties of creation time."""
    return ["-created_at", "-id"] if desc else ["created_at", "id"]


def _after(
    qs: QuerySet[Petition], desc: bool, position: tuple[datetime.datetime, int]
) -> QuerySet[Petition]:
    at, pk = position
    if desc:
        return qs.filter(Q(created_at__lt=at) | Q(created_at=at, id__lt=pk))
    return qs.filter(Q(created_at__gt=at) | Q(created_at=at, id__gt=pk))


def _search_page(
    qs: QuerySet[Petition],
    filters: PetitionFilters,
    desc: bool,
    position: tuple[datetime.datetime, int] | None,
    count: int,
    units: set[int] | None = None,
) -> list[Petition]:
    """A page of a phrase search on PostgreSQL, by the cheapest route that fills it. When the
    search is bounded to `units` that hold few petitions, the word index within them. Else a
    phrase among the word index's common entries (or without statistics) is read among the
    newest petitions in date order: the index would read tens of thousands of entries for it. A
    rarer one goes to the word index, within the next INDEX_WINDOW petitions, then past them. A
    phrase too frequent for the index is read in date order through a wide window; else the
    plain ordered query."""
    if units is not None and search.petitions_in_units(units) <= AREA_INDEX_ROWS:
        found = _phrase_ids(filters, desc, position, None, units)
        if found is not None:
            return _in_order(qs, found[0], count)
    use_index = True
    if search.phrase_share(search.phrase_words(filters.q)) != 0.0:
        items, done = _in_window(qs, desc, position, SEARCH_WINDOW, count)
        if done:
            return items
        use_index = len(items) < FREQUENT_IN_WINDOW
    if use_index:
        for window in (INDEX_WINDOW, None):
            found = _phrase_ids(filters, desc, position, window)
            if found is None:
                break
            ids, every_match = found
            items = _in_order(qs, ids, count)
            if len(items) >= count or every_match:
                return items
    items, done = _in_window(qs, desc, position, WIDE_WINDOW, count)
    return items if done else list(qs[:count])


def petition_list_visible_to(
    *,
    user: Any,
    filters: PetitionFilters,
    cursor: str | None = None,
    limit: int = PAGE_SIZE,
    only: tuple[str, ...] = (),
) -> Page:
    """A page of the petitions `user` may see. `only` names the fields to load (a page that
    shows a few columns); the default loads every field."""
    qs = _filtered(user, filters).select_related("unit", "topic")
    qs = qs.only(*only) if only else qs.select_related("round")
    desc = not filters.oldest_first
    qs = qs.order_by(*_ordering(desc))
    position = _decode(cursor)
    if position is not None:
        qs = _after(qs, desc, position)
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    if filters.q and connection.vendor == "postgresql":
        units = _search_units(user, filters)
        items = _search_page(qs, filters, desc, position, limit + 1, units)
    else:
        items = list(qs[: limit + 1])
    more = len(items) > limit
    items = items[:limit]
    return Page(items=items, next_cursor=_encode(items[-1]) if more and items else None)


def _search_units(user: Any, filters: PetitionFilters) -> set[int] | None:
    """The units a search is bounded to (the user's, narrowed by the unit filter); None when it
    is not bounded by units."""
    units = policies.visible_unit_ids(user)
    if filters.unit_id:
        covered = unit_covered_ids_cached(frozenset([filters.unit_id]))
        units = covered if units is None else units & covered
    return units


def petition_export_rows(*, user: Any, filters: PetitionFilters, limit: int) -> QuerySet[Petition]:
    qs = _filtered(user, filters)
    found = _phrase_ids(filters)
    if found is not None:
        qs = qs.filter(pk__any_of=found[0])
    return qs.select_related("unit", "topic", "round").order_by("-created_at", "-id")[:limit]


def petition_get_for(*, user: Any, petition_id: int) -> Petition:
    """The petition if `user` may open it; 404 alike for missing and not yours."""
    petition = (
        Petition.objects.select_related("unit", "topic", "round", "assigned_to")
        .filter(pk=petition_id)
        .first()
    )
    if petition is None or not policies.can_view(user, petition):
        raise Http404
    return petition


def petition_public_lookup(*, code: str) -> Petition | None:
    normal = normalise_code(code)
    if normal is None:
        return None
    return (
        Petition.objects.select_related("unit", "topic", "issue_link").filter(code=normal).first()
    )


@dataclass(frozen=True)
class PublicStatus:
    """What anyone holding a tracking code may see: no submitter, no text."""

    code: str
    state: str
    state_label: str
    received_on: datetime.date
    unit: str
    topic: str | None
    forwarded_to: str
    due_on: datetime.date | None
    answers: list[dict[str, Any]]
    # The round the petition is in (its title is public), or None: ordinary handling.
    round_id: int | None = None
    round_title: str | None = None
    round_public: bool = False

    @property
    def round_note(self) -> str:
        return intake_note(self.round_title if self.round_id else None)


def _public_status_query(code: str) -> Any:
    # The answers follow-up published (hooks.PUBLIC_ANSWERS), asked in this same query.
    answered: Any = Value(False)
    for source in hooks.PUBLIC_ANSWERS:
        answered = source.exists(OuterRef("id"), OuterRef("issue_link__issue_id"))
    return (
        Petition.objects.filter(code=code)
        .annotate(answered=answered)
        .values(
            "id",
            "code",
            "state",
            "received_on",
            "forwarded_to",
            "due_on",
            "legal_kind",
            "unit__name",
            "topic__name",
            "round_id",
            "round__title",
            "round__state",
            "issue_link__issue_id",
            "answered",
        )
    )


def petition_public_status(*, code: str) -> PublicStatus | None:
    """The public lookup in one query (a second one only if answers were published)."""
    normal = normalise_code(code)
    row = _public_status_query(normal).first() if normal else None
    if row is None:
        return None
    answers: list[dict[str, Any]] = []
    if row["answered"] and row["legal_kind"] != LegalKind.TO_CAO:
        for source in hooks.PUBLIC_ANSWERS:
            answers = source.rows(petition_id=row["id"], issue_id=row["issue_link__issue_id"])
    return PublicStatus(
        code=row["code"],
        state=row["state"],
        state_label=str(PetitionState(row["state"]).label),
        received_on=row["received_on"],
        unit=row["unit__name"],
        topic=row["topic__name"],
        forwarded_to=row["forwarded_to"],
        due_on=row["due_on"],
        answers=answers,
        round_id=row["round_id"],
        round_title=row["round__title"],
        round_public=row["round__state"] in PUBLIC_ROUND_STATES,
    )


def _encode(petition: Petition) -> str:
    raw = f"{petition.created_at.isoformat()}|{petition.pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str | None) -> tuple[datetime.datetime, int] | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, pk = raw.split("|")
        return datetime.datetime.fromisoformat(at), int(pk)
    except (ValueError, UnicodeDecodeError):
        return None
