"""Which dialogue round a petition belongs to: the one rule every intake channel applies.

A new petition joins its unit's round that is collecting or being synthesised (a round approved
or announced, not yet held) whose unit is the petition's unit or one of its ancestors (the city's
round covers its wards). When several do, the most specific unit wins, then the conference
nearest in time. With none, the petition is handled through ordinary citizen-feedback handling
(it stays outside every round). The collecting rounds (a handful at any time) are kept in each
process until a round is created, moves or its plan changes (`rounds_changed`, ADR 0010), so an
intake asks no query for its round; the unit's ancestors come from the process's copy of the unit
tree (`units.selectors.unit_by_id`).
"""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from doithoai.core.versions import SharedVersion
from doithoai.petitions.round_model import Round, RoundState
from doithoai.units.models import Unit
from doithoai.units.selectors import unit_by_id

# A round takes new petitions while it is collecting (approved, announced); a held round is
# being followed up and takes only its own conference's statements.
COLLECTING = (RoundState.APPROVED, RoundState.ANNOUNCED)
CONFERENCE_CHANNEL = "hoi_nghi"
# What a round shown in a petition form or receipt needs; the rest is not read.
ROUND_FIELDS = ("id", "title", "state", "unit_id", "starts_at", "intake_deadline")
FILTER_ROUNDS = 30
MAX_DEPTH = 8  # the tree has at most four levels; a bound against a cycle in bad data
_EARLIEST = datetime.datetime.min.replace(tzinfo=datetime.UTC)  # sorts a round with no start

# Changes when a round is created, moves to another state or its plan is edited.
ROUNDS = SharedVersion("petitions:rounds-version")


def rounds_changed() -> None:
    """Call after a round changed (on commit): every process reads the collecting rounds again."""
    ROUNDS.bump()


def collecting_rounds() -> list[Round]:
    """The rounds taking new petitions, from this process's copy. The instances are shared:
    read them, do not modify them."""
    memo = ROUNDS.memo()
    found = memo.get("collecting")
    if found is None:
        rounds = Round.objects.filter(state__in=COLLECTING).only(*ROUND_FIELDS).order_by("pk")
        found = memo["collecting"] = list(rounds)
    return found


def unit_chain(unit: Unit) -> list[int]:
    """The unit's id, then its parent's, up to the root: nearest first."""
    chain = [unit.pk]
    parent_id = unit.parent_id
    while parent_id is not None and parent_id not in chain and len(chain) < MAX_DEPTH:
        chain.append(parent_id)
        parent = unit_by_id(parent_id)
        parent_id = parent.parent_id if parent is not None else None
    return chain


def _rank(round_: Round, chain: list[int], now: datetime.datetime) -> tuple[int, bool, float, int]:
    depth = chain.index(round_.unit_id) if round_.unit_id in chain else len(chain)
    if round_.starts_at is None:
        return depth, True, 0.0, -round_.pk
    return depth, False, abs((round_.starts_at - now).total_seconds()), -round_.pk


def rounds_covering(unit: Unit) -> list[Round]:
    """The collecting rounds whose unit is `unit` or one of its ancestors, best first."""
    chain = unit_chain(unit)
    found = [r for r in collecting_rounds() if r.unit_id in chain]
    now = timezone.now()
    return sorted(found, key=lambda r: _rank(r, chain, now))


def round_for_new_petition(unit: Unit) -> Round | None:
    """The round a new petition of `unit` joins automatically, or None (ordinary handling)."""
    found = rounds_covering(unit)
    return found[0] if found else None


def round_for_intake(
    *,
    unit: Unit,
    round_id: int | None,
    channel: str,
    received_on: datetime.date | None,
    memo: dict[Any, Round | None] | None = None,
) -> Round | None:
    """The round of a petition being recorded: the one named by `round_id` once checked, else
    the automatic one. `memo` keeps the answers for a batch (an import) keyed by unit and round.

    A named round must exist and cover the unit, and must be collecting — or be the round whose
    conference the statement was made at (channel `hoi_nghi`, the round held), or, for a record
    entered late, have held its conference on or after the day the petition was received."""
    key = (unit.pk, round_id)
    if memo is not None and key in memo:
        return memo[key]
    if round_id is None:
        found = round_for_new_petition(unit)
    else:
        found = check_named_round(
            unit=unit, round_id=round_id, channel=channel, received_on=received_on
        )
    if memo is not None:
        memo[key] = found
    return found


def check_named_round(
    *, unit: Unit, round_id: int, channel: str, received_on: datetime.date | None
) -> Round:
    chain = unit_chain(unit)
    found = Round.objects.filter(pk=round_id).only(*ROUND_FIELDS).first()
    if found is None:
        raise ValidationError(
            {"round_id": [_("Không có kỳ đối thoại mã %(id)s.") % {"id": round_id}]},
            code="round_missing",
        )
    if found.unit_id not in chain:
        raise ValidationError(
            {"round_id": [_("Kỳ đối thoại này không bao gồm địa bàn của kiến nghị.")]},
            code="round_elsewhere",
        )
    if found.state in COLLECTING:
        return found
    conference = timezone.localdate(found.starts_at) if found.starts_at else None
    own_conference = channel == CONFERENCE_CHANNEL and found.state == RoundState.HELD
    late_record = (
        found.state != RoundState.DRAFT
        and conference is not None
        and received_on is not None
        and received_on <= conference
    )
    if own_conference or late_record:
        return found
    raise ValidationError(
        {
            "round_id": [
                _(
                    "Kỳ đối thoại này không còn tiếp nhận kiến nghị (trạng thái: %(state)s). "
                    "Bỏ trống để hệ thống tự chọn kỳ đang tiếp nhận."
                )
                % {"state": RoundState(found.state).label}
            ]
        },
        code="round_closed",
    )


def intake_note(round_title: str | None) -> str:
    """What the receipt says about the round the petition joined, by its title (None: the
    petition is outside every round)."""
    if round_title is None:
        return _(
            "Hiện không có kỳ tiếp xúc, đối thoại nào đang tiếp nhận kiến nghị của địa bàn này: "
            "kiến nghị được giải quyết theo quy trình tiếp nhận, xử lý phản ánh, kiến nghị "
            "thường xuyên."
        )
    return _("Kiến nghị được đưa vào kỳ đối thoại “%(title)s” để tổng hợp, trả lời.") % {
        "title": round_title
    }


def round_filter_choices(*, area: set[int] | None, roots: set[int]) -> list[tuple[int, str]]:
    """(id, title) of the rounds a staff list can be filtered by: those of the user's area and of
    the units above it (the city's round for a ward officer), newest first; every round for
    `area` None (administrators). At most FILTER_ROUNDS: a unit holds one or two a year. Read
    from this process's copy of every round's unit, date and title (a province's few hundred
    rounds), kept as the collecting rounds are (`rounds_changed`)."""
    rounds = _every_round()
    if area is not None:
        above: set[int] = set()
        for root in roots:
            unit = unit_by_id(root)
            if unit is not None:
                above.update(unit_chain(unit))
        rounds = [r for r in rounds if r[0] in area or r[0] in above]
    return [(pk, short_title(title)) for _unit, pk, title in rounds[:FILTER_ROUNDS]]


def _every_round() -> list[tuple[int, int, str]]:
    """(unit id, id, title) of every round, newest first: by start, a round without a date
    first (as PostgreSQL orders NULL in a descending sort), then by id."""
    memo = ROUNDS.memo()
    found = memo.get("every")
    if found is None:
        rows = Round.objects.values_list("unit_id", "id", "title", "starts_at")
        ordered = sorted(rows, key=lambda r: (r[3] is None, r[3] or _EARLIEST, r[1]), reverse=True)
        found = memo["every"] = [(unit_id, pk, title) for unit_id, pk, title, _at in ordered]
    return found


def short_title(title: str, limit: int = 90) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
