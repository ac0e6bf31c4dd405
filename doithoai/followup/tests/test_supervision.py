"""MTTQ verification (agree, or reopen with a reason) and a petitioner's reopen (public page)."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from doithoai.followup import services
from doithoai.followup.models import Assignment, SupervisionRemark
from doithoai.followup.selectors import supervision_issues
from doithoai.followup.tests.conftest import RESOLVED_NOTE, approve_all
from doithoai.petitions.models import Petition


@pytest.fixture
def resolved(issue, users, qldt):
    a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    ans = services.answer_draft(actor=users["chuyenvien"], assignment=a, text="Đã sửa đường tổ 5.")
    services.answer_submit(actor=users["chuyenvien"], answer=ans)
    approve_all(users, ans)
    services.answer_publish(actor=users["vanphong"], answer=ans)
    services.issue_resolve(actor=users["vanphong"], issue=issue, note=RESOLVED_NOTE)
    issue.refresh_from_db()
    return issue


def test_mttq_agrees_and_the_issue_closes(resolved, users):
    services.issue_verify(actor=users["mttq"], issue=resolved, agree=True)
    resolved.refresh_from_db()
    assert resolved.state == "closed"
    assert SupervisionRemark.objects.get(issue=resolved).kind == "verified"


def test_mttq_reopens_with_a_reason(resolved, users):
    with pytest.raises(ValidationError):
        services.issue_verify(actor=users["mttq"], issue=resolved, agree=False, reason="  ")
    resolved.refresh_from_db()
    assert resolved.state == "resolved"
    services.issue_verify(
        actor=users["mttq"], issue=resolved, agree=False, reason="Đường vẫn ngập khi mưa"
    )
    resolved.refresh_from_db()
    assert resolved.state == "assigned"
    assignment = Assignment.objects.filter(issue=resolved).first()
    assert assignment.state == "active"
    assert not Petition.objects.filter(
        issue_link__issue=resolved, resolved_at__isnull=False
    ).exists()
    # the department can draft a new answer
    services.answer_draft(
        actor=users["chuyenvien"], assignment=assignment, text="Bổ sung cống thoát nước."
    )


def test_supervision_board_shows_lateness(resolved, users, client, issue):
    rows = list(supervision_issues(user=users["mttq"]))
    assert [r.pk for r in rows] == [resolved.pk] and not rows[0].late
    Assignment.objects.filter(issue=resolved).update(state="active", due_on="2016-01-04")
    late = supervision_issues(user=users["mttq"]).get()
    assert late.late and late.lead_name == "Phòng Quản lý đô thị"
    client.force_login(users["mttq"])
    page = client.get("/staff/giam-sat/")
    html = page.content.decode()
    assert page.status_code == 200 and resolved.title in html and "1 vấn đề quá hạn" in html
    client.force_login(users["chuyenvien"])
    assert client.get("/staff/giam-sat/").status_code == 404


def test_petitioner_reopens_from_the_public_page(resolved, client):
    cache.clear()
    petition = Petition.objects.filter(issue_link__issue=resolved).first()
    response = client.post("/tra-cuu/phan-hoi/", {"ma": petition.code, "reason": "ngắn"})
    assert response.status_code == 400
    resolved.refresh_from_db()
    assert resolved.state == "resolved"
    response = client.post(
        "/tra-cuu/phan-hoi/", {"ma": petition.code, "reason": "Đường vẫn hỏng, chưa ai đến sửa."}
    )
    assert response.status_code == 200 and "đã được mở lại" in response.content.decode()
    resolved.refresh_from_db()
    assert resolved.state == "assigned"
    remark = SupervisionRemark.objects.get(issue=resolved, kind="petitioner")
    assert remark.petition == petition and remark.author is None


def test_petitioner_cannot_reopen_an_unanswered_petition_and_is_rate_limited(issue, client):
    cache.clear()
    petition = Petition.objects.filter(issue_link__issue=issue).first()
    statuses = [
        client.post(
            "/tra-cuu/phan-hoi/", {"ma": petition.code, "reason": "Chưa được giải quyết gì cả."}
        ).status_code
        for _ in range(7)
    ]
    assert statuses[:5] == [400] * 5 and statuses[5:] == [429, 429]
    issue.refresh_from_db()
    assert issue.state == "open" and not SupervisionRemark.objects.exists()
