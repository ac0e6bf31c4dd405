"""What waits for a staff member ("Việc đang chờ bạn" on the staff home), filled by higher apps:
core never imports them (layers in STYLE.md). An app registers a provider in its
`AppConfig.ready()`; a provider takes the user and returns lines of work — a count, what it counts,
and the list that shows that work — each counted with at most one query, and nothing at all for a
user whose roles give it no such work. The page shows the lines with a count above zero, in the
providers' order."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from doithoai.core.types import AnyUser


@dataclass(frozen=True)
class WorkItem:
    label: str | Promise
    count: int
    url: str


WorkProvider = Callable[[Any], Iterable[WorkItem]]


@dataclass(frozen=True)
class WorkSource:
    key: str
    provider: WorkProvider
    order: int = 100


_SOURCES: dict[str, WorkSource] = {}


def worklist_register(key: str, provider: WorkProvider, order: int = 100) -> None:
    """Register (or replace) the provider named `key`; lower `order` comes first."""
    _SOURCES[key] = WorkSource(key, provider, order)


def worklist_for(user: AnyUser) -> list[WorkItem]:
    """The user's lines of waiting work with a count above zero."""
    if not getattr(user, "is_authenticated", False):
        return []
    items: list[WorkItem] = []
    for source in sorted(_SOURCES.values(), key=lambda s: (s.order, s.key)):
        items.extend(item for item in source.provider(user) if item.count > 0)
    return items
