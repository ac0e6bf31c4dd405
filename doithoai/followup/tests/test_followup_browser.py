"""One issue in a real browser: assigned, drafted, approved, published — then seen on the public
board and by the petitioner through the tracking code."""

import pytest

from conftest import log_in
from doithoai.accounts.models import User
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue, IssueMembership

pytestmark = pytest.mark.browser
ANSWER = "Phòng Quản lý đô thị đã vá xong mặt đường tổ 7 ngày 20/10/2016."


def test_issue_from_assignment_to_published_answer(page):
    from doithoai.dialogues.models import Round

    round_ = Round.objects.get(unit__code="058")
    petition = Petition.objects.filter(round=round_).exclude(legal_kind="to_cao").first()
    issue = Issue.objects.create(round=round_, title="Mặt đường tổ 7 bị sụt lún")
    IssueMembership.objects.create(petition=petition, issue=issue)
    assert User.objects.filter(username="vanphong").exists()

    log_in(page, "vanphong")
    page.goto("/staff/theo-doi/")
    page.click(f"[data-testid=assign-{issue.pk}]")
    page.select_option("select[name=lead]", label="Phòng Quản lý đô thị")
    page.click("[data-testid=assign-submit]")
    page.wait_for_selector("[data-testid=lead]")
    assert page.inner_text("[data-testid=lead]") == "Phòng Quản lý đô thị"
    assignment_url = page.url

    log_in(page, "chuyenvien")
    page.goto(assignment_url)
    page.fill("textarea[name=text]", ANSWER)
    page.click("[data-testid=save-draft]")
    page.click("[data-testid=submit-answer]")
    assert "Chờ lãnh đạo phòng duyệt" in page.inner_text("[data-testid=answer-state]")

    log_in(page, "truongphong")
    page.goto(assignment_url)
    page.click("[data-testid=approve]")
    assert "Đã duyệt" in page.inner_text("[data-testid=answer-state]")

    log_in(page, "vanphong")
    page.goto(assignment_url)
    page.click("[data-testid=publish]")
    assert "Đã gửi và công khai" in page.inner_text("[data-testid=answer-state]")

    page.context.clear_cookies()
    page.goto(f"/ket-qua/{round_.pk}/?q=mat duong to 7")
    row = page.locator(f"[data-testid=issue-{issue.pk}]")
    assert ANSWER in row.inner_text() and "Đã trả lời" in row.inner_text()
    assert petition.submitter_name not in page.content() or not petition.submitter_name

    page.goto("/tra-cuu/")
    page.fill("input[name=ma]", petition.code)
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-testid=code]")
    assert ANSWER in page.content()
