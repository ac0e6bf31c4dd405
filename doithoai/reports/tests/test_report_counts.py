"""Counts of each dashboard on a small known dataset, one GROUP BY per table."""

import datetime

import pytest
from django.urls import reverse

from doithoai.petitions.choices import Channel, LegalKind, PetitionState
from doithoai.reports.selectors import (
    DIMENSIONS,
    ReportFilters,
    directive_breakdown,
    issue_breakdown,
    petition_breakdown,
)
from doithoai.reports.tests.factories import (
    PERIOD,
    YEAR,
    city_round,
    department,
    issue_and_directive,
    known_dataset,
    petition,
)


def by_key(rows):
    return {r.key: r.total for r in rows}


@pytest.mark.django_db
def test_each_dimension_counts_the_known_dataset(demo_user):
    data = known_dataset()
    petition(unit=data["B"].unit, channel=Channel.MTTQ, received_on=datetime.date(YEAR, 8, 1))
    user = demo_user("vanphong")  # A, B and the extra one in the city
    get = lambda d: by_key(petition_breakdown(user=user, filters=PERIOD, dimension=d))  # noqa: E731
    assert get("channel") == {Channel.WEB: 1, Channel.MTTQ: 2}
    assert get("legal_kind") == {LegalKind.KIEN_NGHI: 2, LegalKind.PHAN_ANH: 1}
    assert get("state") == {PetitionState.ACCEPTED: 1, PetitionState.RECEIVED: 2}
    assert get("unit") == {data["A"].unit_id: 1, data["B"].unit_id: 2}
    assert get("department") == {department().pk: 1, None: 2}
    assert get("topic") == {data["A"].topic_id: 1, None: 2}
    assert get("year") == {YEAR: 3}
    assert get("round") == {None: 3}
    first_half = ReportFilters(datetime.date(YEAR, 1, 1), datetime.date(YEAR, 6, 30))
    rows = petition_breakdown(user=user, filters=first_half, dimension="channel")
    assert by_key(rows) == {Channel.WEB: 1, Channel.MTTQ: 1}
    labels = {
        r.key: r.label
        for r in petition_breakdown(user=user, filters=PERIOD, dimension="department")
    }
    assert labels == {department().pk: "Phòng Quản lý đô thị", None: "Chưa giao"}


@pytest.mark.django_db
def test_round_filter_and_trend_over_rounds(demo_user):
    round_ = city_round()
    petition(unit=department().unit.children.first(), round=round_)
    petition(unit=department().unit.children.first())
    user = demo_user("lanhdao")
    rows = petition_breakdown(user=user, filters=PERIOD, dimension="round")
    assert [(r.key, r.total) for r in rows] == [(round_.pk, 1), (None, 1)]
    assert rows[0].label == round_.title
    only = ReportFilters(PERIOD.date_from, PERIOD.date_to, round_id=round_.pk)
    assert by_key(petition_breakdown(user=user, filters=only, dimension="state")) == {
        PetitionState.RECEIVED: 1
    }


@pytest.mark.django_db
def test_one_group_by_per_table(demo_user, django_assert_num_queries):
    known_dataset()
    issue_and_directive()
    user = demo_user("quantri")
    petition_breakdown(user=user, filters=PERIOD, dimension="channel")  # warms the role cache
    with django_assert_num_queries(1):  # choices: no label look-up
        petition_breakdown(user=user, filters=PERIOD, dimension="channel")
    with django_assert_num_queries(2):  # the GROUP BY and the unit names
        petition_breakdown(user=user, filters=PERIOD, dimension="unit")
    with django_assert_num_queries(1):
        issue_breakdown(user=user, filters=PERIOD)
    with django_assert_num_queries(2):
        directive_breakdown(user=user, filters=PERIOD)


@pytest.mark.django_db
def test_issues_and_directives(demo_user):
    issue_and_directive()
    issue_and_directive(state="done", deadline=datetime.date(YEAR, 2, 1))
    user = demo_user("truongphong")
    issues = {r.key: r.total for r in issue_breakdown(user=user, filters=ReportFilters())}
    assert issues["assigned"] >= 2
    rows = directive_breakdown(user=user, filters=PERIOD)
    assert [(r.label, r.total, r.done) for r in rows] == [("Phòng Quản lý đô thị", 2, 1)]
    assert directive_breakdown(user=demo_user("baochi"), filters=PERIOD) == []


@pytest.mark.django_db
@pytest.mark.parametrize("dimension", DIMENSIONS)
def test_dashboard_page_shows_chart_and_table(client, demo_user, dimension):
    known_dataset()
    client.force_login(demo_user("vanphong"))
    response = client.get(
        reverse("reports-dashboard"), {"theo": dimension, "tu": "2031-01-01", "den": "2031-12-31"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="chart" role="img"' in html
    assert 'id="bang-chinh"' in html
    assert response.context["total"].total == 2


@pytest.mark.django_db
def test_bad_period_gives_a_message_not_an_error(client, demo_user):
    client.force_login(demo_user("vanphong"))
    response = client.get(reverse("reports-dashboard"), {"tu": "2031-05-01", "den": "2031-01-01"})
    assert response.status_code == 200
    assert "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc." in response.content.decode()
    response = client.get(reverse("reports-dashboard"), {"tu": "không phải ngày", "theo": "x"})
    assert response.status_code == 200
    response = client.get(reverse("reports-six-monthly"), {"nam": "abc", "ky": 3, "dang": "docx"})
    assert response.status_code == 400
