"""Reads the unit tree from the maintained `vietnam-provinces` data package.

Pre-2025 three levels: Decision 124/2004/QĐ-TTg codes, in `vietnam_provinces.legacy`.
Current two levels: Decision 19/2025/QĐ-TTg codes, in effect from 1 July 2025.
The legacy → current ward table is the package's conversion data (the Government's
official conversion list of 2025).
"""

import datetime
from collections.abc import Collection

from doithoai.units.models import REFORM_2025, Scheme, UnitKind
from doithoai.units.services import UnitRow

SOURCE = "vietnam-provinces (QĐ 124/2004/QĐ-TTg; QĐ 19/2025/QĐ-TTg)"
LAST_LEGACY_DAY = REFORM_2025 - datetime.timedelta(days=1)

_KINDS = {
    "tỉnh": UnitKind.PROVINCE,
    "thành phố trung ương": UnitKind.CENTRAL_CITY,
    "huyện": UnitKind.DISTRICT,
    "quận": UnitKind.URBAN_DISTRICT,
    "thành phố": UnitKind.PROVINCIAL_CITY,
    "thị xã": UnitKind.TOWN,
    "xã": UnitKind.COMMUNE,
    "thị trấn": UnitKind.TOWNSHIP,
    "phường": UnitKind.WARD,
    "đặc khu": UnitKind.SPECIAL_ZONE,
}


def _kind(division_type: str) -> str:
    return _KINDS[str(division_type)]


def legacy_rows(provinces: Collection[int] | None = None) -> list[UnitRow]:
    from vietnam_provinces.legacy import District, Province, Ward

    def row(code: str, kind: str, name: str, parent: str | None) -> UnitRow:
        return UnitRow(Scheme.LEGACY_2004, code, kind, name, parent, None, LAST_LEGACY_DAY)

    rows = []
    for p in Province.iter_all():
        if provinces and int(p.code) not in provinces:
            continue
        rows.append(row(f"{int(p.code):02d}", _kind(p.division_type), p.name, None))
        for d in District.iter_by_province(p.code):
            rows.append(
                row(f"{int(d.code):03d}", _kind(d.division_type), d.name, f"{int(p.code):02d}")
            )
            for w in Ward.iter_by_district(d.code):
                rows.append(
                    row(f"{int(w.code):05d}", _kind(w.division_type), w.name, f"{int(d.code):03d}")
                )
    return rows


def current_rows(provinces: Collection[int] | None = None) -> list[UnitRow]:
    from vietnam_provinces import Province, Ward

    rows = []
    for p in Province.iter_all():
        if provinces and int(p.code) not in provinces:
            continue
        pcode = f"{int(p.code):02d}"
        rows.append(
            UnitRow(
                Scheme.CURRENT_2025, pcode, _kind(p.division_type), p.name, None, REFORM_2025, None
            )
        )
        for w in Ward.iter_by_province(p.code):
            rows.append(
                UnitRow(
                    Scheme.CURRENT_2025,
                    f"{int(w.code):05d}",
                    _kind(w.division_type),
                    w.name,
                    pcode,
                    REFORM_2025,
                    None,
                )
            )
    return rows


def successions(legacy_codes: Collection[str]) -> list[tuple[str, str, bool]]:
    """(legacy code, current code, partly merged) for the given legacy provinces and wards.

    Provinces link to the province(s) they merged into, so a provincial office of today also
    reaches the old districts (a 2016 city's dialogue rounds); wards link to their successors."""
    from vietnam_provinces._province_conversion_2025 import find_new_provinces
    from vietnam_provinces._ward_conversion_2025 import find_new_wards

    pairs = []
    for code in (c for c in legacy_codes if len(c) == 2):
        found = find_new_provinces(int(code))
        for new_province in found.new_provinces if found else ():
            pairs.append((code, f"{new_province.code:02d}", len(found.new_provinces) > 1))  # type: ignore[union-attr]
    for code in (c for c in legacy_codes if len(c) == 5):
        entry = find_new_wards(int(code))
        if entry is None:
            continue
        for new in entry.new_wards:
            pairs.append((code, f"{new.code:05d}", bool(entry.old_ward.is_partly_merged)))
    return pairs
