"""Role × state matrix of the follow-up policies; a denied case changes nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied

from doithoai.dialogues.models import Directive
from doithoai.followup import services
from doithoai.followup.models import Answer, Assignment, ExtensionRequest
from doithoai.followup.tests.conftest import RESOLVED_NOTE, ROLES

ALLOWED = {
    "assign": {"vanphong"},
    "draft": {"chuyenvien", "truongphong"},
    "submit": {"chuyenvien", "truongphong"},
    "head_approve": {"truongphong"},
    "leader_approve": {"lanhdao"},
    "publish": {"vanphong"},
    "resolve": {"vanphong", "chuyenvien", "truongphong"},
    "close": {"vanphong"},
    "verify": {"mttq"},
    "progress": {"chuyenvien", "truongphong"},
    "extension_decide": {"lanhdao"},
    "remark": {"mttq"},
}


def _answer(issue, users, qldt, state):
    a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    approved = state in ("approved", "published")
    answer = Answer.objects.create(
        assignment=a,
        text="Trả lời đủ dài để duyệt.",
        state=state,
        approved_by=users["truongphong"] if approved else None,
    )
    return a, answer


def _snapshot(issue, answer=None):
    issue.refresh_from_db()
    state = [issue.state, Assignment.objects.filter(issue=issue).count()]
    if answer is not None:
        answer.refresh_from_db()
        state += [answer.state, Answer.objects.filter(assignment__issue=issue).count()]
    return state


def _directive(demo_round, qldt, state="open"):
    return Directive.objects.create(
        round=demo_round,
        text="Sửa đường tổ 5",
        assignee=qldt,
        deadline=datetime.date(2026, 12, 31),
        state=state,
    )


def _check(role, action, run, snapshot):
    before = snapshot()
    if role in ALLOWED[action]:
        run()
        assert snapshot() != before, f"{role} {action} changed nothing"
    else:
        with pytest.raises(PermissionDenied):
            run()
        assert snapshot() == before, f"{role} {action} was denied but changed something"


@pytest.mark.parametrize("role", ROLES)
def test_assign(role, issue, users, qldt):
    _check(
        role,
        "assign",
        lambda: services.issue_assign(actor=users[role], issue=issue, lead=qldt),
        lambda: _snapshot(issue),
    )


@pytest.mark.parametrize("role", ROLES)
def test_draft(role, issue, users, qldt):
    a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    _check(
        role,
        "draft",
        lambda: services.answer_draft(
            actor=users[role], assignment=a, text="Dự thảo trả lời đầy đủ."
        ),
        lambda: a.answers.count(),
    )


@pytest.mark.parametrize(
    ("action", "state", "call"),
    [
        ("submit", "draft", lambda u, ans: services.answer_submit(actor=u, answer=ans)),
        (
            "head_approve",
            "submitted",
            lambda u, ans: services.answer_decide(actor=u, answer=ans, approve=True),
        ),
        (
            "leader_approve",
            "head_approved",
            lambda u, ans: services.answer_decide(actor=u, answer=ans, approve=True),
        ),
        ("publish", "approved", lambda u, ans: services.answer_publish(actor=u, answer=ans)),
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_answer_moves(role, action, state, call, issue, users, qldt):
    _a, answer = _answer(issue, users, qldt, state)
    _check(role, action, lambda: call(users[role], answer), lambda: _snapshot(issue, answer))


@pytest.mark.parametrize("role", ROLES)
def test_nobody_publishes_an_unapproved_answer(role, issue, users, qldt):
    _a, answer = _answer(issue, users, qldt, "submitted")
    with pytest.raises(PermissionDenied):
        services.answer_publish(actor=users[role], answer=answer)
    answer.refresh_from_db()
    assert answer.state == "submitted"


@pytest.mark.parametrize("role", ROLES)
def test_resolve(role, issue, users, qldt):
    _a, answer = _answer(issue, users, qldt, "approved")
    services.answer_publish(actor=users["vanphong"], answer=answer)
    _check(
        role,
        "resolve",
        lambda: services.issue_resolve(actor=users[role], issue=issue, note=RESOLVED_NOTE),
        lambda: _snapshot(issue),
    )


@pytest.mark.parametrize("role", ROLES)
def test_verify(role, issue, users, qldt):
    _a, answer = _answer(issue, users, qldt, "approved")
    services.answer_publish(actor=users["vanphong"], answer=answer)
    services.issue_resolve(actor=users["vanphong"], issue=issue, note=RESOLVED_NOTE)
    _check(
        role,
        "verify",
        lambda: services.issue_verify(actor=users[role], issue=issue, agree=True),
        lambda: _snapshot(issue),
    )


@pytest.mark.parametrize("role", ROLES)
def test_directive_progress(role, users, demo_round, qldt):
    d = _directive(demo_round, qldt)

    def snap():
        d.refresh_from_db()
        return d.state, d.updates.count()

    _check(
        role,
        "progress",
        lambda: services.directive_progress_add(
            actor=users[role], directive=d, text="Đã khảo sát", percent=20
        ),
        snap,
    )


@pytest.mark.parametrize("role", ROLES)
def test_extension_decision(role, users, demo_round, qldt):
    d = _directive(demo_round, qldt)
    req = services.directive_extension_request(
        actor=users["chuyenvien"],
        directive=d,
        until=datetime.date(2027, 3, 31),
        reason="Mưa kéo dài",
    )

    def snap():
        d.refresh_from_db()
        return d.state, d.deadline, ExtensionRequest.objects.get(pk=req.pk).state

    _check(
        role,
        "extension_decide",
        lambda: services.directive_extension_decide(actor=users[role], request=req, approve=True),
        snap,
    )


@pytest.mark.parametrize("role", ROLES)
def test_supervision_remark(role, issue, users, qldt):
    services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    _check(
        role,
        "remark",
        lambda: services.supervision_remark_add(
            actor=users[role], issue=issue, text="Đề nghị đẩy nhanh"
        ),
        lambda: issue.remarks.count(),
    )
