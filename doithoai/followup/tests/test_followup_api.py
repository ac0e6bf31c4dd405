"""The follow-up API: assign, draft, submit, decide, publish and directive progress by token."""

import datetime

from doithoai.accounts.services import api_token_create
from doithoai.dialogues.models import Directive


def _auth(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, user=user, name='t')[1]}"}


def test_flow_through_the_api(client, issue, users, qldt, demo_round):
    sec, officer, head = (
        _auth(users["vanphong"]),
        _auth(users["chuyenvien"]),
        _auth(users["truongphong"]),
    )
    url = f"/api/v1/followup/issues/{issue.pk}/assign"
    assert (
        client.post(url, {"lead": qldt.pk}, content_type="application/json", **officer).status_code
        == 404
    )
    leader = _auth(users["lanhdao"])
    denied = client.post(url, {"lead": qldt.pk}, content_type="application/json", **leader)
    assert denied.status_code == 403 and denied["Content-Type"].startswith(
        "application/problem+json"
    )
    assert "quyền" in str(denied.json())
    r = client.post(url, {"lead": qldt.pk}, content_type="application/json", **sec)
    assert r.status_code == 201 and r.json()["lead"] == qldt.name
    assignment = r.json()["id"]
    bad = client.post(
        f"/api/v1/followup/assignments/{assignment}/answers",
        {"text": "x"},
        content_type="application/json",
        **officer,
    )
    assert bad.status_code == 422
    r = client.post(
        f"/api/v1/followup/assignments/{assignment}/answers",
        {"text": "Đã sửa xong đường tổ 5."},
        content_type="application/json",
        **officer,
    )
    answer = r.json()["id"]
    assert (
        client.post(f"/api/v1/followup/answers/{answer}/submit", **officer).json()["state"]
        == "submitted"
    )
    r = client.post(
        f"/api/v1/followup/answers/{answer}/decide",
        {"approve": True},
        content_type="application/json",
        **head,
    )
    assert r.json()["state"] == "head_approved"  # published in the leader's name
    r = client.post(
        f"/api/v1/followup/answers/{answer}/decide",
        {"approve": True},
        content_type="application/json",
        **leader,
    )
    assert r.json()["state"] == "approved"
    assert (
        client.post(f"/api/v1/followup/answers/{answer}/publish", **sec).json()["state"]
        == "published"
    )
    listed = client.get("/api/v1/followup/assignments", **head).json()
    assert [a["id"] for a in listed] == [assignment]
    d = Directive.objects.create(
        round=demo_round, text="Sửa cống", assignee=qldt, deadline=datetime.date(2030, 1, 1)
    )
    r = client.post(
        f"/api/v1/followup/directives/{d.pk}/progress",
        {"text": "Đã khởi công", "percent": 40},
        content_type="application/json",
        **officer,
    )
    assert r.status_code == 201 and r.json() == {
        "directive": d.pk,
        "state": "in_progress",
        "percent": 40,
    }


def test_other_departments_get_404(client, issue, users, qldt, demo_user):
    from doithoai.followup.services import issue_assign

    a = issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    press = _auth(users["baochi"])
    assert client.get("/api/v1/followup/assignments", **press).json() == []
    r = client.post(
        f"/api/v1/followup/assignments/{a.pk}/answers",
        {"text": "Không phải việc của tôi."},
        content_type="application/json",
        **press,
    )
    assert r.status_code == 404


def test_bulk_assign_and_finish_through_the_api(client, make_issue, users, qldt, publish):
    sec, mttq = _auth(users["vanphong"]), _auth(users["mttq"])
    suggested = make_issue(n=1, title="Cống tổ 2 tắc")
    suggested.department = qldt
    suggested.save()
    bare = make_issue(n=1, title="Chưa có đề xuất")
    body = {"issues": [suggested.pk, bare.pk, 999999]}
    denied = client.post(
        "/api/v1/followup/issues/assign-suggested", body, content_type="application/json", **mttq
    )
    assert denied.status_code == 403 and not suggested.assignments.exists()
    r = client.post(
        "/api/v1/followup/issues/assign-suggested", body, content_type="application/json", **sec
    ).json()
    assert [a["issue"] for a in r["assigned"]] == [suggested.pk]
    assert {s["issue"] for s in r["skipped"]} == {bare.pk, 999999}
    issue = make_issue(n=1, title="Đèn đường tổ 4 hỏng")
    publish(issue)
    url = f"/api/v1/followup/issues/{issue.pk}"
    short = client.post(f"{url}/resolve", {"text": "xong"}, content_type="application/json", **sec)
    assert short.status_code == 422
    r = client.post(
        f"{url}/resolve",
        {"text": "Đã thay bóng đèn ngày 12/11/2016."},
        content_type="application/json",
        **sec,
    )
    assert r.json()["state"] == "resolved"
    r = client.post(f"{url}/verify", {"verified": True}, content_type="application/json", **mttq)
    assert r.json()["state"] == "closed"
