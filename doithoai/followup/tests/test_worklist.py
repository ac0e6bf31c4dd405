"""The follow-up's lines of "Việc đang chờ bạn": each role counts exactly its work, as the work
list's tab shows it, and links to that tab; roles without such work get no line."""

import datetime

from doithoai.core.worklist import worklist_for
from doithoai.dialogues.models import Directive
from doithoai.followup import selectors, services
from doithoai.followup.tests.conftest import RESOLVED_NOTE, approve_all
from doithoai.followup.worklist import followup_work

TEXT = "Dự thảo trả lời đủ dài để trình lãnh đạo phòng."


def _lines(user):
    """{url: count} of the follow-up's lines with work."""
    return {item.url: item.count for item in followup_work(user) if item.count}


def _assign(issue, users, qldt):
    return services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)


def _submit(issue, users, qldt):
    answer = services.answer_draft(
        actor=users["chuyenvien"], assignment=_assign(issue, users, qldt), text=TEXT
    )
    return services.answer_submit(actor=users["chuyenvien"], answer=answer)


def test_department_officer_sees_undrafted_then_returned_work(make_issue, users, qldt):
    officer = users["chuyenvien"]
    assert _lines(officer) == {}
    assignment = _assign(make_issue(n=1), users, qldt)
    assert _lines(officer) == {"/staff/theo-doi/?ds=viec": 1}
    answer = services.answer_draft(actor=officer, assignment=assignment, text=TEXT)
    assert _lines(officer) == {}  # a draft exists: nothing waits
    services.answer_submit(actor=officer, answer=answer)
    services.answer_decide(
        actor=users["truongphong"], answer=answer, approve=False, remark="Bổ sung số liệu."
    )
    [returned] = [i for i in followup_work(officer) if i.count]
    assert returned.count == 1 and "trả lại" in str(returned.label)
    # the department's head does not draft: no officer's lines for them
    assert _lines(users["truongphong"]) == {}


def test_head_counts_the_head_queue(make_issue, users, qldt):
    _submit(make_issue(n=1, title="Một"), users, qldt)
    _submit(make_issue(n=1, title="Hai"), users, qldt)
    head = users["truongphong"]
    assert selectors.head_queue(user=head).count() == 2
    assert _lines(head) == {"/staff/theo-doi/?ds=cho-duyet": 2}
    assert "/staff/theo-doi/?ds=cho-duyet" not in _lines(users["chuyenvien"])
    assert "/staff/theo-doi/?ds=cho-duyet" not in _lines(users["lanhdao"])


def test_leader_counts_answers_and_extension_requests(make_issue, users, qldt, demo_round):
    leader = users["lanhdao"]
    answer = _submit(make_issue(n=1), users, qldt)
    services.answer_decide(actor=users["truongphong"], answer=answer, approve=True)
    assert _lines(leader) == {"/staff/theo-doi/?ds=lanh-dao-duyet": 1}
    directive = Directive.objects.create(
        round=demo_round, text="Sửa đường tổ 5", assignee=qldt, deadline=datetime.date(2026, 12, 31)
    )
    services.directive_extension_request(
        actor=users["chuyenvien"],
        directive=directive,
        until=datetime.date(2027, 2, 28),
        reason="Chờ vốn",
    )
    assert _lines(leader) == {
        "/staff/theo-doi/?ds=lanh-dao-duyet": 1,
        "/staff/theo-doi/?ds=chi-dao": 1,
    }
    assert _lines(users["mttq"]) == {}  # neither is the Front's to decide
    assert _lines(users["vanphong"]).get("/staff/theo-doi/?ds=lanh-dao-duyet") is None


def test_secretariat_counts_unassigned_publication_and_results(make_issue, users, qldt):
    secretariat = users["vanphong"]
    make_issue(n=1, title="Chưa giao")
    to_publish = _submit(make_issue(n=1, title="Chờ công khai"), users, qldt)
    approve_all(users, to_publish)
    unassigned = selectors.unassigned_issues(user=secretariat).count()
    assert unassigned >= 1
    assert _lines(secretariat) == {
        "/staff/theo-doi/?ds=cong-khai": 1,
        "/staff/theo-doi/?ds=chua-giao": unassigned,
    }
    services.answer_publish(actor=secretariat, answer=to_publish)
    lines = _lines(secretariat)
    assert "/staff/theo-doi/?ds=cong-khai" not in lines
    assert lines["/staff/theo-doi/?ds=ket-qua"] == 1
    for name in ("lanhdao", "mttq", "phuong", "baochi"):
        assert "/staff/theo-doi/?ds=chua-giao" not in _lines(users[name]), name


def test_mttq_counts_resolved_issues_and_done_directives(
    make_issue, users, qldt, demo_round, publish
):
    mttq = users["mttq"]
    answer = publish(make_issue(n=1))
    issue = answer.assignment.issue
    issue.refresh_from_db()
    services.issue_resolve(actor=users["chuyenvien"], issue=issue, note=RESOLVED_NOTE)
    directive = Directive.objects.create(
        round=demo_round, text="Lắp đèn tổ 3", assignee=qldt, deadline=datetime.date(2026, 12, 31)
    )
    services.directive_complete(
        actor=users["chuyenvien"], directive=directive, text="Đã lắp xong đèn chiếu sáng"
    )
    assert _lines(mttq) == {"/staff/theo-doi/?ds=xac-nhan": 1, "/staff/theo-doi/?ds=chi-dao": 1}
    services.issue_verify(actor=mttq, issue=issue, agree=True)
    assert _lines(mttq) == {"/staff/theo-doi/?ds=chi-dao": 1}
    assert _lines(users["lanhdao"]) == {}


def test_whole_list_keeps_only_lines_with_work(make_issue, users, qldt):
    _submit(make_issue(n=1), users, qldt)
    items = worklist_for(users["truongphong"])
    assert items and all(i.count > 0 for i in items)
    assert any(i.url == "/staff/theo-doi/?ds=cho-duyet" for i in items)
