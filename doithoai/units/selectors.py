"""Reads of units: the tree below a unit, and what a unit covers across the 2025 reform."""

import hashlib
from collections.abc import Iterable

from django.core.cache import cache
from django.db.models import QuerySet

from doithoai.core.text import fold
from doithoai.core.versions import SharedVersion
from doithoai.units.models import Unit, UnitSuccession

# Changes when units are loaded, added or edited (`tree_changed`); every process's cached areas,
# choices and units go with it within TREE.seconds.
TREE = SharedVersion("units:tree-version")


def tree_version() -> int:
    return TREE.current()


def unit_by_id(pk: int) -> Unit | None:
    """The unit with that id, kept in this process until the unit tree changes (every intake
    names one; the tree holds a few thousand units). The instance is shared: do not modify it."""
    units = TREE.memo().setdefault("units_by_id", {})
    unit = units.get(pk)
    if unit is None:
        unit = Unit.objects.filter(pk=pk).first()
        if unit is not None:
            units[pk] = unit
    return unit


def unit_name_by_id(pk: int) -> str:
    """The name of any unit, from this process's table of every unit's name (one query for the
    few thousand units), read again when the tree changes or a unit is not in it yet."""
    names = TREE.table("names", pk, lambda: dict(Unit.objects.values_list("id", "name")))
    return names.get(pk, "")


def unit_covered_ids(unit_ids: Iterable[int]) -> set[int]:
    """The units themselves, everything below them, and every predecessor unit (with its tree)
    whose territory passed to them: a record filed under a 2016 ward is found under today's ward."""
    found: set[int] = set()
    frontier = set(unit_ids)
    while frontier:
        found |= frontier
        children = set(Unit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        predecessors = set(
            UnitSuccession.objects.filter(successor_id__in=frontier).values_list(
                "predecessor_id", flat=True
            )
        )
        frontier = (children | predecessors) - found
    return found


def unit_covered_ids_cached(unit_ids: frozenset[int]) -> set[int]:
    """`unit_covered_ids`, kept in this process until the unit tree changes (units loaded, added
    or edited bump `TREE`): every staff request asks it for the user's area."""
    covered: dict[frozenset[int], frozenset[int]] = TREE.memo().setdefault("covered", {})
    found = covered.get(unit_ids)
    if found is None:
        found = covered[unit_ids] = frozenset(unit_covered_ids(unit_ids))
    return set(found)


def _digest(unit_ids: Iterable[int]) -> str:
    joined = ",".join(map(str, sorted(unit_ids)))
    return hashlib.sha1(joined.encode(), usedforsecurity=False).hexdigest()


def tree_changed() -> None:
    TREE.bump()


def unit_current_successors(unit: Unit) -> QuerySet[Unit]:
    """Today's units that took over `unit` (itself if it is still in force)."""
    if unit.valid_to is None:
        return Unit.objects.filter(pk=unit.pk)
    ids = UnitSuccession.objects.filter(predecessor=unit).values_list("successor_id", flat=True)
    return Unit.objects.filter(pk__in=ids)


def unit_search(*, query: str, limit: int = 20) -> QuerySet[Unit]:
    return Unit.objects.filter(name_folded__contains=fold(query)).order_by("scheme", "code")[:limit]


COMMUNE_LEVEL = ("ward", "commune", "township", "special_zone")


def participating_units() -> QuerySet[Unit]:
    """Communes and wards that run doithoai (they have a People's Committee organisation)."""
    return (
        Unit.objects.filter(kind__in=COMMUNE_LEVEL, organisations__kind="ubnd")
        .distinct()
        .order_by("name")
    )


def participating_units_within(unit_ids: set[int]) -> QuerySet[Unit]:
    return participating_units().filter(pk__any_of=unit_ids)


CHOICES_SECONDS = 600


def participating_unit_choices(unit_ids: set[int] | None) -> list[tuple[int, str]]:
    """(id, name) of the participating units among `unit_ids` (all of them for None), for filter
    forms shown on every request. Cached for ten minutes and until the unit tree changes, so a
    ward's new People's Committee appears in the filters within that time."""
    digest = _digest(unit_ids) if unit_ids is not None else "all"
    key = f"units:choices:{tree_version()}:{digest}"
    found = cache.get(key)
    if found is None:
        units = participating_units() if unit_ids is None else participating_units_within(unit_ids)
        found = list(units.values_list("pk", "name"))
        cache.set(key, found, timeout=CHOICES_SECONDS)
    return list(found)
