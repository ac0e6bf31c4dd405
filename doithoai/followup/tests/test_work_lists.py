"""Paged work lists: each role's queue holds exactly its work, filters run in the database, and
a page costs the same number of queries whatever the size of the round."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doithoai.followup import selectors, services
from doithoai.followup.models import Answer
from doithoai.followup.tests.conftest import RESOLVED_NOTE, approve_all
from doithoai.synthesis.models import Issue


def _queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(url)
    assert r.status_code == 200, url
    return len(ctx.captured_queries), r.content.decode()


def _submitted(issue, users, qldt, text="Dự thảo trả lời đủ dài để trình."):
    a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    answer = services.answer_draft(actor=users["chuyenvien"], assignment=a, text=text)
    services.answer_submit(actor=users["chuyenvien"], answer=answer)
    return answer


def test_each_queue_holds_its_roles_work(make_issue, users, qldt, tnmt):
    submitted = _submitted(make_issue(n=1, title="Chờ trưởng phòng"), users, qldt)
    at_leader = _submitted(make_issue(n=1, title="Chờ lãnh đạo"), users, qldt)
    services.answer_decide(actor=users["truongphong"], answer=at_leader, approve=True)
    to_publish = _submitted(make_issue(n=1, title="Chờ công khai"), users, qldt)
    approve_all(users, to_publish)
    done = _submitted(make_issue(n=1, title="Đã giải quyết"), users, qldt)
    approve_all(users, done)
    services.answer_publish(actor=users["vanphong"], answer=done)
    answered = done.assignment.issue
    answered.refresh_from_db()
    assert list(selectors.head_queue(user=users["truongphong"])) == [submitted]
    assert list(selectors.head_queue(user=users["chuyenvien"])) == []  # officers do not approve
    assert list(selectors.leader_queue(user=users["lanhdao"])) == [at_leader]
    assert list(selectors.leader_queue(user=users["vanphong"])) == []
    assert list(selectors.publish_queue(user=users["vanphong"])) == [to_publish]
    assert list(selectors.publish_queue(user=users["truongphong"])) == []
    assert list(selectors.resolvable_issues(user=users["chuyenvien"])) == [answered]
    assert list(selectors.verification_queue(user=users["mttq"])) == []
    services.issue_resolve(actor=users["chuyenvien"], issue=answered, note=RESOLVED_NOTE)
    queue = list(selectors.verification_queue(user=users["mttq"]))
    assert queue == [answered] and queue[0].resolution_note == RESOLVED_NOTE
    assert list(selectors.verification_queue(user=users["vanphong"])) == [answered]
    assert list(selectors.verification_queue(user=users["chuyenvien"])) == []
    assert list(selectors.unassigned_issues(user=users["truongphong"])) == []


def test_the_issue_lists_are_counted_together_as_each_alone(make_issue, users, qldt):
    from doithoai.accounts.models import Membership, User

    at_leader = _submitted(make_issue(n=1, title="Chờ lãnh đạo"), users, qldt)
    services.answer_decide(actor=users["truongphong"], answer=at_leader, approve=True)
    make_issue(n=1, title="Chưa giao")
    done = _submitted(make_issue(n=1, title="Đã giải quyết"), users, qldt)
    approve_all(users, done)
    services.answer_publish(actor=users["vanphong"], answer=done)
    answered = _submitted(make_issue(n=1, title="Đã trả lời"), users, qldt)
    approve_all(users, answered)
    services.answer_publish(actor=users["vanphong"], answer=answered)
    resolved = Issue.objects.get(pk=done.assignment.issue_id)
    services.issue_resolve(actor=users["chuyenvien"], issue=resolved, note=RESOLVED_NOTE)
    # The secretariat also in a department: the lists' scopes differ (the department's issues).
    Membership.objects.create(user=users["vanphong"], organisation=qldt, role="dept_officer")
    for name in users:
        user = User.objects.get(pk=users[name].pk)  # fresh: no cached memberships
        alone = {
            "unassigned": selectors.unassigned_issues(user=user).count(),
            "resolvable": selectors.resolvable_issues(user=user).count(),
            "verification": selectors.verification_queue(user=user).count(),
        }
        assert selectors.issue_list_counts(user=user) == alone, name
    counts = selectors.issue_list_counts(user=User.objects.get(pk=users["vanphong"].pk))
    assert counts["unassigned"] >= 1 and counts["resolvable"] >= 1 and counts["verification"] == 1


def test_unassigned_filters_run_in_the_database(make_issue, users, qldt, demo_round):
    from doithoai.petitions.models import Topic

    topic = Topic.objects.first()
    road = make_issue(n=1, title="Đường tổ 9 hỏng")
    road.topic, road.department = topic, qldt
    road.save()
    other = make_issue(n=1, title="Chợ tạm lấn chiếm")
    user = users["vanphong"]
    by_topic = selectors.unassigned_issues(
        user=user, filters=selectors.IssueFilters(round_id=demo_round.pk, topic_id=topic.pk)
    )
    assert list(by_topic) == [road]
    no_topic = selectors.unassigned_issues(user=user, filters=selectors.IssueFilters(topic_id=0))
    assert other in no_topic and road not in no_topic
    by_dept = selectors.unassigned_issues(
        user=user, filters=selectors.IssueFilters(department_id=qldt.pk)
    )
    assert list(by_dept) == [road]
    words = selectors.unassigned_issues(user=user, filters=selectors.IssueFilters(q="lấn chiếm"))
    assert list(words) == [other]
    assert "WHERE" in str(by_topic.query)  # a queryset, sliced by the page, not a Python list


QUERY_BUDGET = {
    "chua-giao": 13,  # with the filter form's four choice lists
    "viec": 9,
    "cong-khai": 9,
    "cho-duyet": 9,
    "lanh-dao-duyet": 8,
    "xac-nhan": 8,
    "ket-qua": 8,
}


@pytest.mark.parametrize(
    ("role", "tab"),
    [
        ("vanphong", "chua-giao"),
        ("vanphong", "viec"),
        ("vanphong", "cong-khai"),
        ("truongphong", "cho-duyet"),
        ("lanhdao", "lanh-dao-duyet"),
        ("mttq", "xac-nhan"),
        ("chuyenvien", "ket-qua"),
    ],
)
def test_a_page_costs_the_same_queries_at_any_size(role, tab, make_issue, users, qldt, client):
    def grow(n):
        for i in range(n):
            issue = make_issue(n=1, title=f"Vấn đề số {i} về đường tổ {i}")
            issue.department = qldt
            issue.save()
            if tab == "chua-giao":
                continue
            answer = _submitted(issue, users, qldt)
            if tab in ("lanh-dao-duyet", "cong-khai", "ket-qua", "xac-nhan"):
                services.answer_decide(actor=users["truongphong"], answer=answer, approve=True)
            if tab in ("cong-khai", "ket-qua", "xac-nhan"):
                services.answer_decide(actor=users["lanhdao"], answer=answer, approve=True)
            if tab in ("ket-qua", "xac-nhan"):
                services.answer_publish(actor=users["vanphong"], answer=answer)
            if tab == "xac-nhan":
                issue.refresh_from_db()
                services.issue_resolve(actor=users["vanphong"], issue=issue, note=RESOLVED_NOTE)

    client.force_login(users[role])
    url = f"/staff/theo-doi/?ds={tab}"
    grow(2)
    client.get(url)  # the first request of a session fills per-process caches
    small, html = _queries(client, url)
    assert "Vấn đề số 1" in html or "Vấn đề số 0" in html
    grow(30)
    # Growing may outlast the shared versions' ten seconds on a slow machine: warm up again so
    # that a version re-read is not counted as a cost of the larger page.
    client.get(url)
    large, html = _queries(client, url)
    assert large == small, f"{tab}: {small} queries with 2 items, {large} with 32"
    # The three issue lists' tabs are counted in one aggregate (`issue_list_counts`).
    assert small <= QUERY_BUDGET[tab], f"{tab}: {small} queries"
    assert 'data-testid="pager"' in html  # 32 rows: more than one page of 25
    second, html2 = _queries(client, url + "&trang=2")
    assert second == small and "Trang 2/2" in html2


def test_tabs_per_role(client, users):
    expected = {
        "vanphong": {"chua-giao", "cong-khai", "ket-qua", "xac-nhan"},
        "truongphong": {"cho-duyet", "ket-qua"},
        "lanhdao": {"lanh-dao-duyet"},
        "mttq": {"xac-nhan"},
    }
    for role, tabs in expected.items():
        client.force_login(users[role])
        html = client.get("/staff/theo-doi/").content.decode()
        for tab in ("chua-giao", "cho-duyet", "lanh-dao-duyet", "cong-khai", "ket-qua", "xac-nhan"):
            assert (f'data-testid="tab-{tab}"' in html) == (tab in tabs), (role, tab)
    client.force_login(users["vanphong"])
    bad = "/staff/theo-doi/?ds=chua-giao&trang=abc&round=x&topic=-1&area=99999999999999"
    assert client.get(bad).status_code == 200
    assert client.get("/staff/theo-doi/?ds=nothing").status_code == 200


def test_unknown_answer_or_issue_is_404(client, users):
    client.force_login(users["vanphong"])
    assert client.get("/staff/theo-doi/tra-loi/999999/cong-khai/").status_code == 404
    assert client.post("/staff/theo-doi/van-de/999999/xac-nhan/").status_code == 404
    assert Answer.objects.count() == 0 and Issue.objects.filter(pk=999999).count() == 0
