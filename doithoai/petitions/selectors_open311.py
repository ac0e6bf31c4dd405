"""Reads of Open311 (public, no user): requests by public id, or filtered, newest first and paged.

Only what `views_open311._request_out` shows is read with a petition: its topic, unit and
assigned organisation; never its petitioner.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from doithoai.petitions.choices import PetitionState
from doithoai.petitions.models import Petition

# A request is closed when it was not accepted or has been resolved.
CLOSED_Q = Q(state=PetitionState.NOT_ACCEPTED) | Q(resolved_at__isnull=False)


# The columns a request shows (and the petition's key): nothing of its petitioner is read.
SHOWN = (
    "public_id",
    "state",
    "resolved_at",
    "created_at",
    "updated_at",
    "due_on",
    "latitude",
    "longitude",
    "unit__name",
    "topic__code",
    "topic__name",
    "assigned_to__name",
)


@dataclass
class RequestFilters:
    """The list's filters. `public_ids`, when given, overrides the others (as the spec says of
    `service_request_id`); `area` (a jurisdiction's units) always applies."""

    public_ids: list[str] | None = None
    service_codes: list[str] = field(default_factory=list)
    statuses: set[str] = field(default_factory=set)
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None
    area: set[int] | None = None


def _base() -> QuerySet[Petition]:
    return Petition.objects.select_related("unit", "topic", "assigned_to").only(*SHOWN)


def open311_request(public_id: str, *, area: set[int] | None = None) -> Petition | None:
    """The petition of that (normalised) public id, within `area` when one is given."""
    found = _base().filter(public_id=public_id)
    if area is not None:
        found = found.filter(unit_id__in=area)
    return found.first()


def open311_requests(filters: RequestFilters, *, offset: int, limit: int) -> list[Petition]:
    """At most `limit` requests from `offset`, newest first."""
    qs = _base().order_by("-created_at", "-id")
    if filters.area is not None:
        qs = qs.filter(unit_id__in=filters.area)
    if filters.public_ids is not None:
        if not filters.public_ids:
            return []
        qs = qs.filter(public_id__in=filters.public_ids)
    else:
        if filters.service_codes:
            qs = qs.filter(topic__code__in=filters.service_codes)
        if filters.statuses == {"closed"}:
            qs = qs.filter(CLOSED_Q)
        elif filters.statuses == {"open"}:
            qs = qs.exclude(CLOSED_Q)
        if filters.start is not None:
            qs = qs.filter(created_at__gte=filters.start)
        if filters.end is not None:
            qs = qs.filter(created_at__lte=filters.end)
    return list(qs[offset : offset + limit])
