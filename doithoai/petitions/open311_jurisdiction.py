"""Open311's `jurisdiction_id`: any unit code of the installation's jurisdiction.

The installation serves the units that have an organisation in doithoai (a city, its wards) and
the same territory under every other name: the province above them, the units they became in the
2025 reform (whose code may be new or kept from one of the merged wards) and the units they came
from. A unit belongs to the jurisdiction when what it covers (`unit_covered_ids`: itself, its
tree, its predecessors' trees) meets what the installation serves. A code may name a unit of each
scheme (Đức Xuân is 01840 before and after the reform): it names all of them.

Anyone may read (GET) with any such code: the list of requests is then the requests filed in what
those units cover. A submission (POST) goes to the unit of that code that the api_key's holder may
enter petitions for, the unit in force today first.
"""

import datetime

from django.utils import timezone

from doithoai.accounts.types import Actor
from doithoai.petitions import policies
from doithoai.petitions.choices import Channel
from doithoai.units.models import Organisation, Scheme, Unit
from doithoai.units.selectors import unit_covered_ids_cached

CODE_MAX = 32  # Unit.code's length


def served_unit_ids() -> set[int]:
    """Every unit the installation serves: the units with an organisation, their trees and the
    units they came from (one small query, then the process's copy of the unit tree)."""
    roots = frozenset(Organisation.objects.values_list("unit_id", flat=True).distinct())
    return unit_covered_ids_cached(roots) if roots else set()


def jurisdiction_units(code: str) -> list[Unit]:
    """The units of that code within the installation's jurisdiction (none for a code unknown or
    outside it), the unit in force today first."""
    code = (code or "").strip()
    if not code or len(code) > CODE_MAX:
        return []
    units = list(Unit.objects.filter(code=code))
    if not units:
        return []
    served = served_unit_ids()
    if not served:  # no organisation yet: every unit is the installation's
        return sorted(units, key=_current_first)
    found = [u for u in units if unit_covered_ids_cached(frozenset({u.pk})) & served]
    return sorted(found, key=_current_first)


def _current_first(unit: Unit) -> tuple[bool, int]:
    today = timezone.localdate()
    order = {str(Scheme.CURRENT_2025): 0, str(Scheme.LEGACY_2004): 1}.get(unit.scheme, 2)
    return (not _in_force(unit, today), order)


def _in_force(unit: Unit, day: datetime.date) -> bool:
    return unit.valid_to is None or day <= unit.valid_to


def jurisdiction_area(units: list[Unit]) -> set[int]:
    """The unit ids whose requests a GET with this jurisdiction lists."""
    return unit_covered_ids_cached(frozenset(u.pk for u in units))


def unit_for_submission(user: Actor, units: list[Unit]) -> Unit | None:
    """The unit of the code that `user` may enter petitions for (today's unit first), or None."""
    return next((u for u in units if policies.can_enter_for(user, u, Channel.API)), None)
