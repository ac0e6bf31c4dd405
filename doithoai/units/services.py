"""Writes to units: loading the national tree from the data package, and local units."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from doithoai.core.events import event_record
from doithoai.core.text import fold, nfc
from doithoai.core.types import AnyUser
from doithoai.units import policies
from doithoai.units.events import UnitEvents
from doithoai.units.models import (
    LOCAL_KINDS,
    REFORM_2025,
    Organisation,
    Scheme,
    Unit,
    UnitKind,
    UnitSuccession,
)
from doithoai.units.selectors import tree_changed


@dataclass(frozen=True)
class UnitRow:
    scheme: str
    code: str
    kind: str
    name: str
    parent_code: str | None
    valid_from: datetime.date | None
    valid_to: datetime.date | None


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    successions: int


def unit_name(name: str) -> str:
    """A unit's name as written in documents: the data package spells two provincial cities
    "Thành Phố …"; the kind is written in lower case after its first letter ("Thành phố")."""
    name = nfc(name)
    return "Thành phố " + name[len("Thành Phố ") :] if name.startswith("Thành Phố ") else name


@transaction.atomic
def units_load(
    *, rows: list[UnitRow], successions: list[tuple[str, str, bool]], source: str
) -> LoadResult:
    """Create or refresh units idempotently; `successions` are (legacy code, new code, partial)."""
    existing = {
        (u.scheme, u.code): u for u in Unit.objects.filter(scheme__in={r.scheme for r in rows})
    }
    created, changed = 0, 0
    pending = list(rows)
    # Parents are created before their children, one wave per level, so each child links at once.
    while pending:
        wave, later = [], []
        for row in pending:
            parent = existing.get((row.scheme, row.parent_code)) if row.parent_code else None
            if row.parent_code and (parent is None or parent.pk is None):
                later.append(row)
            else:
                wave.append((row, parent.pk if parent else None))
        if not wave:
            raise ValidationError(f"units without a parent in the data: {len(later)}")
        to_create, to_update = [], []
        for row, parent_id in wave:
            values = {
                "kind": row.kind,
                "name": unit_name(row.name),
                "name_folded": fold(row.name),
                "valid_from": row.valid_from,
                "valid_to": row.valid_to,
                "parent_id": parent_id,
            }
            unit = existing.get((row.scheme, row.code))
            if unit is None:
                unit = Unit(scheme=row.scheme, code=row.code, **values)
                existing[(row.scheme, row.code)] = unit
                to_create.append(unit)
            elif any(getattr(unit, k) != v for k, v in values.items()):
                for key, value in values.items():
                    setattr(unit, key, value)
                to_update.append(unit)
        Unit.objects.bulk_create(to_create, batch_size=2000)
        Unit.objects.bulk_update(
            to_update,
            ["kind", "name", "name_folded", "valid_from", "valid_to", "parent"],
            batch_size=500,
        )
        created += len(to_create)
        changed += len(to_update)
        pending = later
    result = LoadResult(created=created, updated=changed, successions=_link(successions, source))
    transaction.on_commit(tree_changed)
    return result


def _link(successions: list[tuple[str, str, bool]], source: str) -> int:
    legacy = dict(Unit.objects.filter(scheme=Scheme.LEGACY_2004).values_list("code", "pk"))
    current = dict(Unit.objects.filter(scheme=Scheme.CURRENT_2025).values_list("code", "pk"))
    known = set(UnitSuccession.objects.values_list("predecessor_id", "successor_id"))
    new = []
    for old_code, new_code, partial in successions:
        old_id, new_id = legacy.get(old_code), current.get(new_code)
        if old_id is None or new_id is None or (old_id, new_id) in known:
            continue
        known.add((old_id, new_id))
        new.append(
            UnitSuccession(
                predecessor_id=old_id,
                successor_id=new_id,
                effective=REFORM_2025,
                partial=partial,
                source=source,
            )
        )
    UnitSuccession.objects.bulk_create(new, batch_size=2000)
    return len(new)


@transaction.atomic
def unit_add_local(*, actor: AnyUser | None, parent: Unit, kind: str, name: str) -> Unit:
    """An officer adds a village or residential group (thôn, tổ dân phố, khóm, ấp)."""
    if not policies.can_add_local_unit(actor, parent):
        raise PermissionDenied(_("Bạn không có quyền thêm thôn, tổ dân phố cho đơn vị này."))
    clean = nfc(name).strip()
    if kind not in LOCAL_KINDS:
        raise ValidationError(_("Loại đơn vị không hợp lệ."))
    if parent.kind not in {
        UnitKind.WARD,
        UnitKind.COMMUNE,
        UnitKind.TOWNSHIP,
        UnitKind.SPECIAL_ZONE,
    }:
        raise ValidationError(
            _("Thôn, tổ dân phố chỉ được thêm vào phường, xã, thị trấn hoặc đặc khu.")
        )
    if not clean or len(clean) > 200:
        raise ValidationError(_("Tên đơn vị phải có từ 1 đến 200 ký tự."))
    if parent.children.filter(name_folded=fold(clean)).exists():
        raise ValidationError(_("Đơn vị này đã có trong danh sách."))
    sequence = parent.children.filter(scheme=Scheme.LOCAL).count() + 1
    unit = Unit.objects.create(
        scheme=Scheme.LOCAL,
        code=f"{parent.code}-{sequence:03d}",
        kind=kind,
        name=clean,
        name_folded=fold(clean),
        parent=parent,
        valid_from=parent.valid_from,
        valid_to=parent.valid_to,
    )
    event_record(
        actor=actor, obj=unit, action=UnitEvents.UNIT_CREATED, after={"name": clean, "kind": kind}
    )
    transaction.on_commit(tree_changed)
    return unit


def organisation_ensure(
    *,
    unit: Unit,
    kind: str,
    code: str,
    name: str,
    short_name: str = "",
    parent: Organisation | None = None,
) -> Organisation:
    """Create an organisation if missing (used by loaders and the demo); returns it either way."""
    org, _created = Organisation.objects.get_or_create(
        unit=unit,
        code=code,
        defaults={"kind": kind, "name": name, "short_name": short_name, "parent": parent},
    )
    return org
