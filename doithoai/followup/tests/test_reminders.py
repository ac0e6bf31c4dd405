"""The worker sends a reminder before a deadline and an escalation after it, once each."""

import datetime

import time_machine
from django.core import mail

from doithoai.followup import services
from doithoai.followup.tasks import followup_tick_task, run_digest, run_reminders

HCM = datetime.timezone(datetime.timedelta(hours=7))


def _at(y, m, d):
    return time_machine.travel(datetime.datetime(y, m, d, 8, 0, tzinfo=HCM), tick=False)


def test_reminder_then_escalation(issue, users, qldt, django_capture_on_commit_callbacks):
    with _at(2026, 3, 2):
        a = services.issue_assign(
            actor=users["vanphong"], issue=issue, lead=qldt, due_on=datetime.date(2026, 3, 10)
        )
    mail.outbox = []
    with _at(2026, 3, 5), django_capture_on_commit_callbacks(execute=True):
        assert run_reminders() == {"reminders": 0, "escalations": 0}  # 3 working days left
    with _at(2026, 3, 6), django_capture_on_commit_callbacks(execute=True):
        assert run_reminders() == {"reminders": 1, "escalations": 0}
        assert run_reminders() == {"reminders": 0, "escalations": 0}  # never twice
    reminded = sorted(m.to[0] for m in mail.outbox)
    assert reminded == ["chuyenvien@demo.doithoai.local", "truongphong@demo.doithoai.local"]
    assert "Sắp đến hạn" in mail.outbox[0].subject
    mail.outbox = []
    with _at(2026, 3, 11), django_capture_on_commit_callbacks(execute=True):
        result = followup_tick_task.call()
    assert result["escalations"] == 1
    escalated = {m.to[0] for m in mail.outbox if m.subject.startswith("Quá hạn")}
    assert {
        "truongphong@demo.doithoai.local",
        "lanhdao@demo.doithoai.local",
        "vanphong@demo.doithoai.local",
    } <= escalated
    assert "chuyenvien@demo.doithoai.local" not in escalated
    assert a.pk


def test_daily_digest_to_department_heads(issue, users, qldt, django_capture_on_commit_callbacks):
    services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        assert run_digest() == 1
        assert run_digest() == 0
    digest = [m for m in mail.outbox if m.subject.startswith("Tổng hợp")]
    assert [m.to for m in digest] == [["truongphong@demo.doithoai.local"]]
    assert issue.title in digest[0].body
