"""The staff list's rows, formatted in Python once per page.

Formatting each cell in the template (a filter, `{% url %}`, `get_FOO_display`) was a large share
of the list page's time; the measurements are in bench/README-petitions.md. The unit's and the
topic's names come from the process's copies of those lists, not from joins."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse

from doithoai.petitions.choices import PetitionState
from doithoai.petitions.models import Petition
from doithoai.petitions.selectors import topic_name
from doithoai.units.selectors import unit_name_by_id

SUMMARY_CHARS = 140
# What list_rows reads, and the page's cursor (created_at, id): the list loads nothing else.
ROW_FIELDS = (
    "id",
    "code",
    "received_on",
    "created_at",
    "place",
    "text",
    "state",
    "unit_id",
    "topic_id",
)


@dataclass(frozen=True)
class Row:
    code: str
    url: str
    received_on: str
    unit: str
    place: str
    topic: str
    summary: str
    state: str


def summary(text: str, limit: int = SUMMARY_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def list_rows(petitions: Iterable[Petition]) -> list[Row]:
    labels = {value: str(label) for value, label in PetitionState.choices}
    # One reverse() for the page: the detail URL differs only in the id.
    template = reverse("petition-detail", args=[987654321])
    return [
        Row(
            code=p.code,
            url=template.replace("987654321", str(p.pk)),
            received_on=p.received_on.strftime("%d/%m/%Y"),
            unit=unit_name_by_id(p.unit_id),
            place=p.place,
            topic=topic_name(p.topic_id) or "—",
            summary=summary(p.text),
            state=labels.get(p.state, p.state),
        )
        for p in petitions
    ]
