"""The petition list's filters: one definition for the staff page, its XLSX export and the API.

`PetitionFilters` is the API's query schema (the list endpoint adds its paging fields to it), the
staff page reads it from its filter form (`from_form`, the export uses the same form), and
`narrow` applies every filter but the words of the search in the selectors
(`petitions.selectors._filtered`, which adds the search)."""

import datetime
from collections.abc import Mapping
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from doithoai.core.api import InputSchema
from doithoai.petitions.models import Petition
from doithoai.units.selectors import unit_covered_ids_cached

# The filter form's value of its round select for petitions outside every round.
NO_ROUND = "ngoai"
# Fields the filter form and the filters name alike.
_SAME_NAME = ("q", "topic", "channel", "state", "legal_kind", "date_from", "date_to", "overdue")


class PetitionFilters(InputSchema):
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

    @classmethod
    def from_form(cls, cleaned: Mapping[str, Any] | None) -> "PetitionFilters":
        """From the staff page's filter form (`petitions.forms.FilterForm`): its cleaned data,
        or None when the form is not valid (no filter then)."""
        if cleaned is None:
            return cls()
        chosen = cleaned["round"]
        return cls(
            **{name: cleaned[name] for name in _SAME_NAME},
            round_id=int(chosen) if chosen.isdigit() else None,
            no_round=chosen == NO_ROUND,
            unit_id=cleaned["unit"],
            oldest_first=cleaned["sort"] == "old",
        )

    @classmethod
    def from_query(cls, query: InputSchema) -> "PetitionFilters":
        """From an API query holding these fields among others (the page's cursor and size)."""
        return cls(**query.model_dump(include=set(cls.model_fields)))

    def narrow(self, qs: QuerySet[Petition]) -> QuerySet[Petition]:
        """`qs` with every filter but the search's words (the selectors add those)."""
        if self.no_round:
            qs = qs.filter(round__isnull=True)
        elif self.round_id:
            qs = qs.filter(round_id=self.round_id)
        if self.unit_id:
            qs = qs.filter(unit_id__any_of=unit_covered_ids_cached(frozenset([self.unit_id])))
        if self.topic:
            qs = qs.filter(topic__code=self.topic)
        for name in ("channel", "state", "legal_kind"):
            if getattr(self, name):
                qs = qs.filter(**{name: getattr(self, name)})
        if self.date_from:
            qs = qs.filter(received_on__gte=self.date_from)
        if self.date_to:
            qs = qs.filter(received_on__lte=self.date_to)
        if self.overdue:
            qs = qs.filter(due_on__lt=timezone.localdate(), resolved_at__isnull=True)
        return qs

    def used(self) -> dict[str, str]:
        """The filters set (not at their default), as text: what an export records."""
        return {k: str(v) for k, v in self.model_dump().items() if v not in ("", None, False)}
