"""Role × scope matrix of the statistics: who sees which petitions counted, who may export and
who may make the six-monthly report. A denied request changes nothing."""

import pytest
from django.urls import reverse

from doithoai.core.models import Event
from doithoai.reports import policies
from doithoai.reports.selectors import petition_breakdown, totals
from doithoai.reports.tests.factories import PERIOD, known_dataset

# username → (petitions of the known dataset counted, may make the six-monthly report)
MATRIX = {
    "quantri": ({"A", "B", "C"}, True),
    "tinh": ({"A", "B", "C"}, True),
    "vanphong": ({"A", "B"}, True),
    "lanhdao": ({"A", "B"}, True),
    "mttq": ({"A", "B"}, False),
    "phuong": ({"A"}, False),
    "chuyenvien": ({"A"}, False),
    "truongphong": ({"A"}, False),
    "baochi": (set(), False),
}


@pytest.mark.django_db
@pytest.mark.parametrize("username", MATRIX)
def test_scope_counts_only_the_users_rows(demo_user, username):
    known_dataset()
    expected, _upward = MATRIX[username]
    user = demo_user(username)
    for dimension in ("topic", "unit", "department", "channel", "state"):
        rows = petition_breakdown(user=user, filters=PERIOD, dimension=dimension)
        assert totals(rows).total == len(expected), (username, dimension)
    assert policies.can_view_reports(user) is bool(expected)


@pytest.mark.django_db
@pytest.mark.parametrize("username", MATRIX)
def test_pages_per_role(client, demo_user, username):
    known_dataset()
    expected, upward = MATRIX[username]
    client.force_login(demo_user(username))
    events = Event.objects.count()
    page = client.get(reverse("reports-dashboard"), {"tu": "2031-01-01", "den": "2031-12-31"})
    export = client.get(reverse("reports-export"), {"bang": "channel"})
    if expected:
        assert page.status_code == 200
        assert page.context["total"].total == len(expected)
        assert export.status_code == 200
        assert Event.objects.count() == events + 1
    else:
        assert page.status_code == 403
        assert export.status_code == 403
        assert Event.objects.count() == events  # nothing recorded for a denied export
    events = Event.objects.count()
    report = client.get(reverse("reports-six-monthly"), {"nam": 2031, "ky": 1, "dang": "docx"})
    if upward:
        assert report.status_code == 200
        assert report["Content-Type"].endswith("wordprocessingml.document")
        assert Event.objects.count() == events + 1
    else:
        assert report.status_code == 403
        assert Event.objects.count() == events


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("reports-dashboard"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


@pytest.mark.django_db
def test_navigation_link_follows_the_policy(client, demo_user):
    client.force_login(demo_user("lanhdao"))
    assert reverse("reports-dashboard") in client.get(reverse("staff-home")).content.decode()
    client.force_login(demo_user("baochi"))
    assert reverse("reports-dashboard") not in client.get(reverse("staff-home")).content.decode()
