"""Deadlines in working days across weekends and the holidays table, with frozen time."""

import datetime

import time_machine

from doithoai.followup.calendar import add_working_days, is_working_day, working_days_between
from doithoai.followup.models import Holiday, TimeLimit
from doithoai.followup.services import issue_assign

D = datetime.date
HCM = datetime.timezone(datetime.timedelta(hours=7))


def test_holidays_table_is_loaded_with_sources(db):
    assert Holiday.objects.filter(date__year__gte=2016, date__year__lte=2027).count() > 150
    for year in range(2016, 2028):
        names = set(Holiday.objects.filter(date__year=year).values_list("name", flat=True))
        assert {"Tết Dương lịch", "Tết Nguyên đán", "Quốc khánh", "Ngày Chiến thắng"} <= names
    tet = Holiday.objects.get(date=D(2026, 2, 17))
    assert "Điều 112" in tet.source
    assert Holiday.objects.filter(date=D(2024, 9, 3), name__contains="liền kề").exists()
    assert TimeLimit.objects.get(key="khieu_nai").working_days == 30


def test_weekend_and_holidays_are_skipped(db):
    # Friday 13/2/2026 + 10 working days: Tết 14-22/2 and two weekends are skipped.
    assert add_working_days(D(2026, 2, 13), 10) == D(2026, 3, 6)
    # 30/4 and 1/5/2026 (Thu, Fri) then a weekend.
    assert add_working_days(D(2026, 4, 29), 2) == D(2026, 5, 5)
    # Quốc khánh 2024: Mon 2/9 and Tue 3/9.
    assert add_working_days(D(2024, 8, 30), 1) == D(2024, 9, 4)
    assert not is_working_day(D(2026, 2, 18)) and is_working_day(D(2026, 2, 23))
    assert working_days_between(D(2026, 2, 13), D(2026, 3, 6)) == 10
    assert working_days_between(D(2026, 3, 6), D(2026, 2, 13)) == -10


def test_a_made_up_working_saturday_counts(db):
    # 4/5/2024 (Saturday) was a working day in exchange for 29/4.
    assert is_working_day(D(2024, 5, 4))
    assert not is_working_day(D(2024, 4, 29))


def test_an_administrator_adds_a_holiday_and_the_deadline_moves(db):
    before = add_working_days(D(2026, 11, 20), 3)
    Holiday.objects.create(date=D(2026, 11, 24), name="Ngày Văn hóa Việt Nam", confirmed=False)
    assert add_working_days(D(2026, 11, 20), 3) == before + datetime.timedelta(days=1)


def test_assignment_deadline_uses_the_time_limit_of_the_legal_kind(issue, users, qldt):
    TimeLimit.objects.filter(key="kien_nghi").update(working_days=10)
    with time_machine.travel(datetime.datetime(2026, 2, 13, 9, 0, tzinfo=HCM), tick=False):
        assignment = issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    assert assignment.due_on == D(2026, 3, 6)
    petitions = issue.memberships.values_list("petition__due_on", "petition__assigned_to")
    assert set(petitions) == {(D(2026, 3, 6), qldt.pk)}
