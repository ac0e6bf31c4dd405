"""Reads of petitions, always through the user's policy; keyset pages stay fast at 1M rows."""

import base64
import datetime
import functools
from dataclasses import dataclass
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Value
from django.http import Http404

from doithoai.accounts.types import Actor
from doithoai.core.versions import SharedVersion
from doithoai.petitions import hooks, policies, search
from doithoai.petitions.choices import LegalKind, PetitionState
from doithoai.petitions.codes import normalise_code
from doithoai.petitions.filters import PetitionFilters
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.round_model import RoundState
from doithoai.petitions.rounds import intake_note
from doithoai.units.selectors import unit_covered_ids_cached, unit_name_by_id

# A round has public pages (its page, notice, results) once announced.
PUBLIC_ROUND_STATES = (RoundState.ANNOUNCED, RoundState.HELD, RoundState.CONCLUDED)
PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


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


def topic_name(topic_id: int | None) -> str | None:
    """The name of any topic, retired ones included, from this process's copy of the list."""
    if topic_id is None:
        return None
    names = TOPICS.table("names", topic_id, lambda: dict(Topic.objects.values_list("id", "name")))
    return names.get(topic_id)


def topic_choices() -> list[tuple[str, str]]:
    """(code, name) of every topic, retired ones included (a filter finds old petitions), by
    name, from this process's copy of the list."""
    memo = TOPICS.memo()
    choices = memo.get("choices")
    if choices is None:
        choices = memo["choices"] = list(Topic.objects.order_by("name").values_list("code", "name"))
    return choices


def topics_changed() -> None:
    """Call after the topic list changed (on commit): every process reads it again."""
    TOPICS.bump()


@dataclass(frozen=True)
class Page:
    items: list[Petition]
    next_cursor: str | None


def _filtered(user: Actor, filters: PetitionFilters) -> QuerySet[Petition]:
    scope = policies.visible_petitions_q(user)
    if scope is None:
        return Petition.objects.none()
    qs = filters.narrow(Petition.objects.filter(scope))
    words = search.phrase_words(filters.q)
    return qs.filter(search.phrase_q(words, units=_search_units(user, filters) if words else None))


def _search_units(user: Actor, filters: PetitionFilters) -> set[int] | None:
    """The units a search is bounded by, when known: the user's (`visible_unit_ids`) and the
    unit filter's. The search asks the index for them; the scope is still `_filtered`'s."""
    units = policies.visible_unit_ids(user)
    if filters.unit_id:
        covered = unit_covered_ids_cached(frozenset([filters.unit_id]))
        units = set(covered) if units is None else units & covered
    return units


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


def petition_list_visible_to(
    *,
    user: Actor,
    filters: PetitionFilters,
    cursor: str | None = None,
    limit: int = PAGE_SIZE,
    only: tuple[str, ...] = (),
) -> Page:
    """A page of the petitions `user` may see, newest first (or oldest), after `cursor`. `only`
    names the fields to load (a page that shows a few columns, with no joins); the default loads
    every field but the search vector, with the unit, topic and round."""
    qs = _filtered(user, filters)
    if only:
        qs = qs.only(*only)
    else:
        qs = qs.select_related("unit", "topic", "round").defer("search_vector")
    desc = not filters.oldest_first
    qs = qs.order_by(*_ordering(desc))
    position = _decode(cursor)
    if position is not None:
        qs = _after(qs, desc, position)
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    items = list(qs[: limit + 1])
    more = len(items) > limit
    items = items[:limit]
    return Page(items=items, next_cursor=_encode(items[-1]) if more and items else None)


def petition_export_rows(
    *, user: Actor, filters: PetitionFilters, limit: int
) -> QuerySet[Petition]:
    return (
        _filtered(user, filters)
        .select_related("unit", "topic", "round")
        .defer("search_vector")
        .order_by("-created_at", "-id")[:limit]
    )


def petition_get_for(*, user: Actor, petition_id: int) -> Petition:
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


@functools.cache
def _public_status_rows() -> Any:
    """The lookup's query for every petition, built once per process (its annotation and
    `values()` cost more to build than the query costs to run); each lookup filters a copy.
    The answers follow-up published (hooks.PUBLIC_ANSWERS) are asked in this same query; the
    unit's and the topic's names come from the process's copies of those lists. Unordered: the
    code is unique, and the model's date order made PostgreSQL weigh every date index in its
    plan (2.6 ms of planning against 0.7 ms without, at 1M petitions)."""
    answered: Any = Value(False)
    for source in hooks.PUBLIC_ANSWERS:
        answered = source.exists(OuterRef("id"), OuterRef("issue_link__issue_id"))
    return (
        Petition.objects.annotate(answered=answered)
        .values(
            "id",
            "code",
            "state",
            "received_on",
            "forwarded_to",
            "due_on",
            "legal_kind",
            "unit_id",
            "topic_id",
            "round_id",
            "round__title",
            "round__state",
            "issue_link__issue_id",
            "answered",
        )
        .order_by()
    )


def petition_public_status(*, code: str) -> PublicStatus | None:
    """The public lookup in one query (a second one only if answers were published)."""
    normal = normalise_code(code)
    rows = list(_public_status_rows().filter(code=normal)[:1]) if normal else []
    if not rows:
        return None
    row = rows[0]
    answers: list[dict[str, Any]] = []
    if row["answered"] and row["legal_kind"] != LegalKind.TO_CAO:
        for source in hooks.PUBLIC_ANSWERS:
            answers = source.rows(petition_id=row["id"], issue_id=row["issue_link__issue_id"])
    return PublicStatus(
        code=row["code"],
        state=row["state"],
        state_label=str(PetitionState(row["state"]).label),
        received_on=row["received_on"],
        unit=unit_name_by_id(row["unit_id"]),
        topic=topic_name(row["topic_id"]),
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
        position = datetime.datetime.fromisoformat(at), int(pk)
    except (ValueError, UnicodeDecodeError):
        return None
    # The cursors this page writes carry their time zone; one without is not ours.
    return position if position[0].tzinfo is not None else None
