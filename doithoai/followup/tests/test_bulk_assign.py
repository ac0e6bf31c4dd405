"""Bulk assignment to the suggested departments: the confirmation page (count per department,
working-day deadline), one transaction, skips reported, and every other role refused."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied

from doithoai.core.events import events_for
from doithoai.followup import services
from doithoai.followup.events import FollowupEvents
from doithoai.followup.models import Assignment, TimeLimit
from doithoai.followup.tests.conftest import ROLES
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue

HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
D = datetime.date
FRIDAY_BEFORE_TET = datetime.datetime(2026, 2, 13, 9, 0, tzinfo=HCM)


@pytest.fixture
def theme(make_issue, qldt, tnmt, demo_round):
    """Four open issues of one theme: two for qldt (one a complaint), one for tnmt, one with no
    suggestion; and an issue of the theme already assigned."""
    ward = Petition.objects.filter(round=demo_round).values_list("unit_id", flat=True).first()
    made = {
        "road": make_issue(title="Đường tổ 5 xuống cấp"),
        "complaint": make_issue(
            n=1, title="Khiếu nại bồi thường đường tổ 6", legal_kind="khieu_nai"
        ),
        "waste": make_issue(n=1, title="Rác thải chợ Đức Xuân"),
        "none": make_issue(n=1, title="Vấn đề chưa có cơ quan đề xuất"),
        "busy": make_issue(n=1, title="Chiếu sáng tổ 3"),
    }
    for key, org in (("road", qldt), ("complaint", qldt), ("waste", tnmt), ("busy", qldt)):
        made[key].department = org
    for issue in made.values():
        issue.area_id = ward
        issue.save()
    return made


def _assigned(issues):
    return {
        i.pk: list(Assignment.objects.filter(issue=i).values_list("lead_id", "due_on"))
        for i in issues
    }


def test_bulk_assign_gives_each_issue_its_suggestion_with_working_day_deadlines(
    theme, users, qldt, tnmt
):
    TimeLimit.objects.filter(key="kien_nghi").update(working_days=10)
    services.issue_assign(actor=users["vanphong"], issue=theme["busy"], lead=qldt)
    with time_machine.travel(FRIDAY_BEFORE_TET, tick=False):
        result = services.issues_assign_suggested(
            actor=users["vanphong"], issues=list(theme.values())
        )
    assert {a.issue_id for a in result.assigned} == {
        theme["road"].pk,
        theme["complaint"].pk,
        theme["waste"].pk,
    }
    skipped = {s.issue.pk: s.reason for s in result.skipped}
    assert skipped == {
        theme["none"].pk: "chưa có cơ quan tham mưu đề xuất",
        theme["busy"].pk: "đã giao giải quyết",
    }
    due = {a.issue_id: (a.lead_id, a.due_on) for a in result.assigned}
    # 10 working days after Friday 13/02/2026 skip the Tết holidays: 06/03/2026
    assert due[theme["road"].pk] == (qldt.pk, D(2026, 3, 6))
    assert due[theme["waste"].pk] == (tnmt.pk, D(2026, 3, 6))
    # a complaint has its own legal time limit (30 working days)
    assert due[theme["complaint"].pk][1] > D(2026, 3, 6)
    for key in ("road", "waste", "complaint"):
        theme[key].refresh_from_db()
        assert theme[key].state == "assigned"
        assert FollowupEvents.FOLLOWUP_ASSIGNED in [e.action for e in events_for(theme[key])]
    assert set(
        Petition.objects.filter(issue_link__issue=theme["road"]).values_list("due_on", flat=True)
    ) == {D(2026, 3, 6)}
    theme["none"].refresh_from_db()
    assert theme["none"].state == "open"


@pytest.mark.parametrize("role", [r for r in ROLES if r != "vanphong"])
def test_other_roles_are_refused_and_nothing_changes(role, theme, users):
    issues = list(theme.values())
    before = _assigned(issues)
    with pytest.raises(PermissionDenied):
        services.issues_assign_suggested(actor=users[role], issues=issues)
    assert _assigned(issues) == before
    assert set(
        Issue.objects.filter(pk__in=[i.pk for i in issues]).values_list("state", flat=True)
    ) == {"open"}


def test_confirmation_page_then_assign_a_whole_theme(theme, users, client, qldt, tnmt, demo_round):
    client.force_login(users["vanphong"])
    topic_less = {
        "round": demo_round.pk,
        "area": theme["road"].area_id,
        "next": "/staff/theo-doi/?ds=chua-giao",
    }
    with time_machine.travel(FRIDAY_BEFORE_TET, tick=False):
        page = client.post("/staff/theo-doi/giao-theo-de-xuat/", topic_less)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Xác nhận giao" in html and qldt.name in html and tnmt.name in html
    assert "06/03/2026" in html
    assert "Vấn đề chưa có cơ quan đề xuất" in html  # listed as skipped
    assert not Assignment.objects.filter(issue__in=theme.values()).exists()  # nothing yet
    with time_machine.travel(FRIDAY_BEFORE_TET, tick=False):
        done = client.post("/staff/theo-doi/giao-theo-de-xuat/", {**topic_less, "confirm": "1"})
    assert done.status_code == 302 and done["Location"] == "/staff/theo-doi/?ds=chua-giao"
    assert Assignment.objects.filter(issue__in=theme.values()).count() == 4
    messages = [str(m) for m in done.wsgi_request._messages]
    assert any("Đã giao 4 vấn đề; bỏ qua 1 vấn đề." in m for m in messages)


def test_selected_ids_and_bad_input(theme, users, client):
    client.force_login(users["vanphong"])
    url = "/staff/theo-doi/giao-theo-de-xuat/"
    r = client.post(url, {"issue": [theme["road"].pk, theme["waste"].pk], "confirm": "1"})
    assert r.status_code == 302
    assert Assignment.objects.filter(issue__in=[theme["road"], theme["waste"]]).count() == 2
    assert not Assignment.objects.filter(issue=theme["complaint"]).exists()
    for bad in ({"issue": "abc"}, {}, {"round": "x"}, {"issue": "\x00"}):
        r = client.post(url, {**bad, "confirm": "1"})
        assert r.status_code in (302, 400)
    assert Assignment.objects.count() == 2
    client.force_login(users["chuyenvien"])
    assert client.post(url, {"issue": theme["complaint"].pk}).status_code == 404
    assert client.get(url).status_code == 405


def test_other_units_issues_cannot_be_named(theme, users, client):
    from doithoai.accounts.policies import area_ids
    from doithoai.units.models import Unit

    outside = Unit.objects.exclude(pk__in=area_ids(users["vanphong"], "secretariat")).first()
    foreign = Issue.objects.create(
        unit=outside, title="Vấn đề nơi khác", department=theme["road"].department
    )
    client.force_login(users["vanphong"])
    client.post("/staff/theo-doi/giao-theo-de-xuat/", {"issue": foreign.pk, "confirm": "1"})
    assert not Assignment.objects.filter(issue=foreign).exists()
    with pytest.raises(PermissionDenied):
        services.issue_assign(actor=users["vanphong"], issue=foreign, lead=theme["road"].department)
    result = services.issues_assign_suggested(actor=users["vanphong"], issues=[foreign])
    assert result.assigned == [] and result.skipped[0].reason == "ngoài phạm vi bạn được giao việc"
