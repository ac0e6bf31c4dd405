"""Reads of the printed answer letters, scoped by `policies.letter_unit_ids` (404 alike for a
ward or letter that is missing and one that is not the user's).

A petition gets a letter when an answer to it (its issue's or its own assignment's) was published,
its petitioner gave a name and no e-mail, it is not anonymous and not a denunciation (whose
petitioner's identity the ward may not learn), and it belongs to a round (whose organisation
issues the letter).
"""

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404

from doithoai.accounts.types import Actor
from doithoai.followup import policies
from doithoai.followup.choices import AnswerState
from doithoai.followup.letter_choices import PENDING_STATES, LetterState
from doithoai.followup.models import Answer, AnswerLetter
from doithoai.petitions import policies as petition_policies
from doithoai.petitions.choices import LegalKind
from doithoai.petitions.models import Petition
from doithoai.units.models import Unit

LETTERS_PER_PAGE = 30
# At most this many letters in one printed PDF (the page says how to print the rest).
LETTERS_PER_PDF = 200


def _published() -> QuerySet[Answer]:
    return Answer.objects.filter(state=AnswerState.PUBLISHED)


def letter_candidates() -> QuerySet[Petition]:
    """Petitions that need a printed letter and have none yet (every unit)."""
    published = _published()
    return (
        Petition.objects.filter(round__isnull=False, email="", anonymous=False)
        .exclude(submitter_name="")
        .exclude(legal_kind=LegalKind.TO_CAO)
        .filter(
            Exists(published.filter(assignment__issue_id=OuterRef("issue_link__issue")))
            | Exists(published.filter(assignment__petition_id=OuterRef("pk")))
        )
        .exclude(Exists(AnswerLetter.objects.filter(petition_id=OuterRef("pk"))))
        .order_by("received_on", "id")
    )


def latest_published_answer(petition: Petition) -> Answer | None:
    """The answer a letter to `petition` carries: the latest published one of its issue, else of
    its own assignment."""
    return (
        _published()
        .filter(
            Q(assignment__issue__memberships__petition=petition) | Q(assignment__petition=petition)
        )
        .order_by("-published_at", "-id")
        .first()
    )


@dataclass
class WardLetters:
    unit: Unit
    to_issue: int = 0
    to_deliver: int = 0
    delivered: int = 0
    refused: int = 0
    not_found: int = 0

    @property
    def pending(self) -> int:
        return self.to_deliver + self.not_found


def _ward_counts(area: set[int]) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = {}
    for unit_id, n in (
        letter_candidates()
        .filter(unit_id__any_of=area)
        .order_by()
        .values("unit_id")
        .annotate(n=Count("id"))
        .values_list("unit_id", "n")
    ):
        counts.setdefault(unit_id, {})["to_issue"] = n
    for row in (
        AnswerLetter.objects.filter(ward_id__any_of=area)
        .order_by()
        .values("ward_id", "state")
        .annotate(n=Count("id"))
    ):
        counts.setdefault(row["ward_id"], {})[row["state"]] = row["n"]
    return counts


def _ward_row(unit: Unit, counts: dict[str, int]) -> WardLetters:
    return WardLetters(
        unit=unit,
        to_issue=counts.get("to_issue", 0),
        to_deliver=counts.get(LetterState.TO_DELIVER, 0),
        delivered=counts.get(LetterState.DELIVERED, 0),
        refused=counts.get(LetterState.REFUSED, 0),
        not_found=counts.get(LetterState.NOT_FOUND, 0),
    )


def letter_wards(*, user: Actor) -> list[WardLetters]:
    """The units of the user's area that have letters to issue or issued, by name."""
    area = policies.letter_unit_ids(user)
    if not area:
        return []
    counts = _ward_counts(area)
    units = Unit.objects.in_bulk(list(counts))
    rows = [_ward_row(units[pk], c) for pk, c in counts.items() if pk in units]
    return sorted(rows, key=lambda r: r.unit.name)


def ward_get_for_letters(*, user: Actor, ward_id: int) -> WardLetters:
    """One ward of the user's area with its counts; 404 outside it."""
    if not policies.can_handle_letters(user, ward_id):
        raise Http404
    unit = Unit.objects.filter(pk=ward_id).first()
    if unit is None:
        raise Http404
    return _ward_row(unit, _ward_counts({ward_id}).get(ward_id, {}))


def _readable(user: Actor, letters: QuerySet[AnswerLetter]) -> QuerySet[AnswerLetter]:
    """The letters whose petitioner `user` may read (`policies.can_read_letter` but the ward,
    which the callers check), filtered in the database so that pages and counts are right."""
    readable = petition_policies.personal_data_q(user)
    if readable is None:
        return letters.none()
    return letters.filter(petition__in=Petition.objects.filter(readable)).select_related(
        "petition", "answer__assignment__lead", "organisation", "ward"
    )


def ward_letters(*, user: Actor, ward: Unit, state: str = "", page: Any = 1) -> Page[AnswerLetter]:
    """The ward's letters, paged, by number; `state` one of `LetterState` or "" for all."""
    if not policies.can_handle_letters(user, ward.pk):
        raise Http404
    letters = AnswerLetter.objects.filter(ward=ward)
    if state in LetterState.values:
        letters = letters.filter(state=state)
    letters = _readable(user, letters).order_by("year", "seq", "id")
    result: Page[AnswerLetter] = Paginator(letters, LETTERS_PER_PAGE).get_page(page)
    return result


def letters_to_print(*, user: Actor, ward: Unit) -> list[AnswerLetter]:
    """The ward's letters still to be carried (waiting, or petitioner not found), by number."""
    if not policies.can_handle_letters(user, ward.pk):
        raise Http404
    letters = _readable(user, AnswerLetter.objects.filter(ward=ward, state__in=PENDING_STATES))
    return list(letters.order_by("year", "seq", "id")[:LETTERS_PER_PDF])


def letter_get_for(*, user: Actor, letter_id: int) -> AnswerLetter:
    letter = _readable(user, AnswerLetter.objects.filter(pk=letter_id)).first()
    if letter is None or not policies.can_read_letter(user, letter):
        raise Http404
    return letter
