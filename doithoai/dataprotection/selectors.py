"""Reads of the data-protection officer, scoped by `policies` (404 alike for missing and not
yours)."""

import datetime
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from doithoai.accounts.types import Actor
from doithoai.core.text import nfc
from doithoai.dataprotection import policies
from doithoai.dataprotection.models import (
    OPEN_STATES,
    Anonymisation,
    ConsentWithdrawal,
    ContactView,
    DataSubjectRequest,
)
from doithoai.petitions.models import Petition

MAX_MATCHES = 200


def phone_key(value: str) -> str:
    """Digits of a Vietnamese phone number with +84/84 written as 0: "+84 912.345.678" and
    "0912345678" are the same key."""
    digits = "".join(ch for ch in (value or "") if ch.isdigit())
    if digits.startswith("0084"):
        digits = "0" + digits[4:]
    elif digits.startswith("84") and len(digits) >= 11:
        digits = "0" + digits[2:]
    return digits


def name_key(value: str) -> str:
    return " ".join(nfc(value or "").split()).casefold()


def request_list_for(
    *, user: Actor, state: str = "", kind: str = ""
) -> QuerySet[DataSubjectRequest]:
    scope = policies.visible_requests_q(user)
    if scope is None:
        raise Http404
    qs = DataSubjectRequest.objects.filter(scope).select_related("organisation", "handled_by")
    if state == "open":
        qs = qs.filter(state__in=OPEN_STATES)
    elif state:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by(F("closed_at").asc(nulls_first=True), "due_on", "id")


def request_get_for(*, user: Actor, request_id: int) -> DataSubjectRequest:
    scope = policies.visible_requests_q(user)
    if scope is None:
        raise Http404
    found = (
        DataSubjectRequest.objects.filter(scope, pk=request_id)
        .select_related("organisation", "handled_by")
        .first()
    )
    if found is None:
        raise Http404
    return found


@dataclass
class Match:
    petition: Petition
    by: set[str] = field(default_factory=set)
    anonymised: bool = False
    withdrawn: bool = False

    @property
    def strong(self) -> bool:
        """Found by phone or e-mail, not only by a name others may share."""
        return bool(self.by & {"phone", "email"})


def person_matches(*, user: Actor, name: str = "", phone: str = "", email: str = "") -> list[Match]:
    """One person's petitions in the officer's area, found by phone, e-mail or name (each match
    says by what). Name-only matches are weak: two people can share a name."""
    area = policies.dpo_area(user)
    if not area:
        raise Http404
    wanted_phone, wanted_name = phone_key(phone), name_key(name)
    wanted_email = (email or "").strip().casefold()
    parts = Q(pk__in=[])
    if wanted_email:
        parts |= Q(email__iexact=wanted_email)
    if len(wanted_phone) >= 9:
        parts |= Q(phone__endswith=wanted_phone[-3:])
    if wanted_name:
        parts |= Q(submitter_name__iexact=" ".join(nfc(name).split()))
    candidates = (
        Petition.objects.filter(parts, unit_id__in=area)
        .select_related("unit")
        .order_by("-received_on", "-id")[: MAX_MATCHES * 5]
    )
    matches = []
    for p in candidates:
        by = set()
        if wanted_email and p.email.casefold() == wanted_email:
            by.add("email")
        if len(wanted_phone) >= 9 and phone_key(p.phone) == wanted_phone:
            by.add("phone")
        if wanted_name and name_key(p.submitter_name) == wanted_name:
            by.add("name")
        if by:
            matches.append(Match(petition=p, by=by))
        if len(matches) >= MAX_MATCHES:
            break
    ids = [m.petition.pk for m in matches]
    anonymised = set(
        Anonymisation.objects.filter(petition_id__in=ids).values_list("petition_id", flat=True)
    )
    withdrawn = set(
        ConsentWithdrawal.objects.filter(petition_id__in=ids).values_list("petition_id", flat=True)
    )
    for m in matches:
        m.anonymised = m.petition.pk in anonymised
        m.withdrawn = m.petition.pk in withdrawn
    return matches


def request_matches(*, user: Actor, request: DataSubjectRequest) -> list[Match]:
    """The person's petitions, and those already erased for this request (which no longer match
    anything, their personal data gone)."""
    matches = person_matches(
        user=user,
        name=request.requester_name,
        phone=request.requester_phone,
        email=request.requester_email,
    )
    found = {m.petition.pk for m in matches}
    erased = (
        Petition.objects.filter(
            pk__in=Anonymisation.objects.filter(request=request).values("petition_id"),
            unit_id__in=policies.dpo_area(user),
        )
        .exclude(pk__in=found)
        .select_related("unit")
        .order_by("-received_on", "-id")
    )
    matches += [Match(petition=p, anonymised=True) for p in erased]
    return matches


def petitions_for_action(
    *, user: Actor, request: DataSubjectRequest, petition_ids: list[int]
) -> list[Petition]:
    """The ticked petitions, only among this request's matches (never any other petition)."""
    allowed = {m.petition.pk: m.petition for m in request_matches(user=user, request=request)}
    return [allowed[i] for i in dict.fromkeys(petition_ids) if i in allowed]


@dataclass(frozen=True)
class ViewLogFilters:
    username: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


def view_log_for(*, user: Actor, filters: ViewLogFilters) -> QuerySet[ContactView]:
    """Who viewed contact details of the officer's area's petitions, newest first."""
    area = policies.dpo_area(user)
    if not area or not policies.can_read_view_log(user):
        raise Http404
    qs = ContactView.objects.filter(petition__unit_id__in=area).select_related(
        "user", "petition__unit"
    )
    if filters.username:
        qs = qs.filter(user__username__iexact=filters.username.strip())
    tz = timezone.get_current_timezone()
    if filters.date_from:
        start = datetime.datetime.combine(filters.date_from, datetime.time.min, tzinfo=tz)
        qs = qs.filter(at__gte=start)
    if filters.date_to:
        end = datetime.datetime.combine(
            filters.date_to + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
        )
        qs = qs.filter(at__lt=end)
    return qs.order_by("-at", "-id")
