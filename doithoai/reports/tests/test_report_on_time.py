"""On-time rate per department with frozen time: resolved by the due date (local date), late,
overdue (past due, not resolved) and pending (not due yet)."""

import datetime
import zoneinfo

import pytest
import time_machine

from doithoai.reports.selectors import petition_breakdown
from doithoai.reports.tests.factories import PERIOD, YEAR, department, petition

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def at(month, day, hour=10):
    return datetime.datetime(YEAR, month, day, hour, tzinfo=HCM)


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(YEAR, 3, 10, 9, tzinfo=HCM), tick=False)
def test_on_time_rate_per_department(demo_user):
    qldt, tnmt = department("qldt"), department("tnmt")
    due = datetime.date(YEAR, 2, 5)
    ward = qldt.unit.children.first()
    for resolved in (at(2, 1), at(2, 5, 23)):  # 23:00 local is 16:00 UTC: still the 5th
        petition(unit=ward, assigned_to=qldt, due_on=due, resolved_at=resolved)
    petition(unit=ward, assigned_to=qldt, due_on=due, resolved_at=at(2, 6, 6))  # late
    petition(unit=ward, assigned_to=qldt, due_on=datetime.date(YEAR, 3, 9))  # overdue
    petition(unit=ward, assigned_to=qldt, due_on=datetime.date(YEAR, 3, 10))  # due today
    petition(unit=ward, assigned_to=qldt)  # no due date
    petition(unit=ward, assigned_to=tnmt, due_on=due, resolved_at=at(1, 20))
    rows = {
        r.key: r
        for r in petition_breakdown(
            user=demo_user("vanphong"), filters=PERIOD, dimension="department"
        )
    }
    q = rows[qldt.pk]
    assert (q.total, q.with_due, q.resolved) == (6, 5, 3)
    assert (q.on_time, q.late, q.overdue, q.pending) == (2, 1, 1, 1)
    assert q.on_time_rate == 40.0
    assert rows[tnmt.pk].on_time_rate == 100.0
    with time_machine.travel(datetime.datetime(YEAR, 3, 11, 9, tzinfo=HCM), tick=False):
        later = petition_breakdown(
            user=demo_user("vanphong"), filters=PERIOD, dimension="department"
        )
        q = next(r for r in later if r.key == qldt.pk)
        assert (q.overdue, q.pending) == (2, 0)
