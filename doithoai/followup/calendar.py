"""Working days: weekends and the Holiday table (Labour Code 2019 Art. 112) are not counted.

The table is loaded from `data/holidays_vn.csv` (2016-2027, with its sources) by the migration and
edited by administrators. A weekend day of kind `working_weekend` is a working day (làm bù).
"""

import csv
import datetime
from pathlib import Path

from doithoai.followup.choices import TRANSFER_KEY, HolidayKind
from doithoai.followup.models import Holiday, TimeLimit
from doithoai.petitions.choices import LegalKind

HOLIDAYS_CSV = Path(__file__).resolve().parent / "data" / "holidays_vn.csv"

# Default time limits in working days; [B] marks values to be confirmed (LEGAL.md).
DEFAULT_TIME_LIMITS: dict[str, tuple[int, str, bool]] = {
    LegalKind.PHAN_ANH: (10, "[B] Thông tư 05/2021/TT-TTCP: xử lý đơn 10 ngày làm việc", False),
    LegalKind.KIEN_NGHI: (10, "[B] Thông tư 05/2021/TT-TTCP: xử lý đơn 10 ngày làm việc", False),
    LegalKind.DE_XUAT: (10, "[B] Thông tư 05/2021/TT-TTCP: xử lý đơn 10 ngày làm việc", False),
    LegalKind.KHIEU_NAI: (30, "Luật Khiếu nại 2011: 30 ngày (45 nếu phức tạp)", True),
    LegalKind.TO_CAO: (30, "[B] Luật Tố cáo 2018: 30 ngày, gia hạn một lần ≤ 30 ngày", False),
    LegalKind.PAKN_TTHC: (10, "[B] Nghị định 20/2008, sửa đổi bởi Nghị định 92/2017", False),
    TRANSFER_KEY: (5, "Nghị định 20/2008 (sửa đổi 92/2017): chuyển trong 5 ngày làm việc", True),
}


def read_holiday_rows() -> list[dict[str, str]]:
    with HOLIDAYS_CSV.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _calendar() -> tuple[set[datetime.date], set[datetime.date]]:
    off: set[datetime.date] = set()
    on: set[datetime.date] = set()
    for day, kind in Holiday.objects.values_list("date", "kind"):
        (on if kind == HolidayKind.WORKING_WEEKEND else off).add(day)
    return off, on


def is_working_day(
    day: datetime.date, calendar: tuple[set[datetime.date], set[datetime.date]] | None = None
) -> bool:
    off, on = calendar or _calendar()
    if day in on:
        return True
    return day.weekday() < 5 and day not in off


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The `days`-th working day after `start` (the start day itself is not counted)."""
    calendar = _calendar()
    current, left = start, days
    while left > 0:
        current += datetime.timedelta(days=1)
        if is_working_day(current, calendar):
            left -= 1
    return current


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """Working days after `start` up to and including `end` (negative when `end` is earlier)."""
    if end == start:
        return 0
    calendar = _calendar()
    sign = 1 if end > start else -1
    low, high = (start, end) if sign == 1 else (end, start)
    count, current = 0, low
    while current < high:
        current += datetime.timedelta(days=1)
        if is_working_day(current, calendar):
            count += 1
    return sign * count


def time_limit_days(key: str) -> int:
    found = TimeLimit.objects.filter(key=key).values_list("working_days", flat=True).first()
    if found is not None:
        return int(found)
    return DEFAULT_TIME_LIMITS.get(key, DEFAULT_TIME_LIMITS[LegalKind.KIEN_NGHI])[0]
