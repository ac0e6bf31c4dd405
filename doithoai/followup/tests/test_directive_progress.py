"""Directives to resolution: progress with evidence, extension, completion, MTTQ verification."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from doithoai.core.events import events_for
from doithoai.dialogues.models import Directive
from doithoai.followup import services
from doithoai.followup.events import FollowupEvents
from doithoai.followup.selectors import directive_overdue
from doithoai.followup.tests.conftest import approve_all
from doithoai.petitions.attachments import CheckedFile


@pytest.fixture
def directive(demo_round, qldt, issue):
    return Directive.objects.create(
        round=demo_round,
        issue=issue,
        text="Sửa đường tổ 5",
        assignee=qldt,
        deadline=datetime.date(2026, 12, 31),
    )


def test_progress_extension_completion_and_verification(directive, users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    officer, leader, mttq = users["chuyenvien"], users["lanhdao"], users["mttq"]
    photo = CheckedFile(
        name="hien-truong.jpg", content_type="image/jpeg", data=b"\xff\xd8\xff fake"
    )
    update = services.directive_progress_add(
        actor=officer,
        directive=directive,
        text="Đã khảo sát, lập dự toán",
        percent=30,
        evidence=photo,
    )
    directive.refresh_from_db()
    assert directive.state == "in_progress" and update.evidence_name == "hien-truong.jpg"
    with pytest.raises(ValidationError):
        services.directive_extension_request(
            actor=officer, directive=directive, until=datetime.date(2026, 1, 1), reason="x"
        )
    req = services.directive_extension_request(
        actor=officer, directive=directive, until=datetime.date(2027, 2, 28), reason="Chờ vốn"
    )
    services.directive_extension_decide(actor=leader, request=req, approve=True, note="Đồng ý")
    directive.refresh_from_db()
    assert directive.deadline == datetime.date(2027, 2, 28) and directive.state == "in_progress"
    req2 = services.directive_extension_request(
        actor=officer, directive=directive, until=datetime.date(2027, 6, 30), reason="Lần hai"
    )
    services.directive_extension_decide(actor=leader, request=req2, approve=False)
    directive.refresh_from_db()
    assert directive.deadline == datetime.date(2027, 2, 28)
    services.directive_complete(actor=officer, directive=directive, text="Đã thảm lại mặt đường")
    directive.refresh_from_db()
    assert directive.state == "done" and directive.completed_at
    with pytest.raises(ValidationError):
        services.directive_verify(actor=mttq, directive=directive, agree=False, reason="")
    services.directive_verify(actor=mttq, directive=directive, agree=False, reason="Còn ổ gà")
    directive.refresh_from_db()
    assert directive.state == "reopened" and directive.completed_at is None
    services.directive_complete(actor=officer, directive=directive, text="Đã vá ổ gà")
    services.directive_verify(actor=mttq, directive=directive, agree=True)
    directive.refresh_from_db()
    assert directive.state == "verified"
    states = [
        e.after.get("state")
        for e in events_for(directive)
        if e.action == FollowupEvents.DIRECTIVE_STATE
    ]
    assert states == [
        "in_progress",
        "extension_requested",
        "in_progress",
        "extension_requested",
        "in_progress",
        "done",
        "reopened",
        "done",
        "verified",
    ]


def test_overdue_is_derived(directive):
    assert directive_overdue(directive, on=datetime.date(2027, 1, 1))
    assert not directive_overdue(directive, on=datetime.date(2026, 12, 31))
    directive.state = "done"
    assert not directive_overdue(directive, on=datetime.date(2027, 1, 1))


def test_progress_on_an_answered_issue_moves_it_in_progress(directive, issue, users, qldt):
    a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    ans = services.answer_draft(
        actor=users["chuyenvien"], assignment=a, text="Sẽ sửa trong quý IV."
    )
    services.answer_submit(actor=users["chuyenvien"], answer=ans)
    approve_all(users, ans)
    services.answer_publish(actor=users["vanphong"], answer=ans)
    services.directive_progress_add(
        actor=users["chuyenvien"], directive=directive, text="Khởi công", percent=10
    )
    issue.refresh_from_db()
    assert issue.state == "in_progress"
