"""In a real browser: issues bulk-assigned from the unassigned list, drafted, approved by the head
and the leader, published through the guarded publish step (seen on the public board and by the
petitioner); then resolved, verified by the MTTQ and closed."""

import pytest

from conftest import log_in
from doithoai.dialogues.models import Round
from doithoai.followup import services
from doithoai.followup.tests.conftest import RESOLVED_NOTE, approve_all
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue, IssueMembership
from doithoai.units.models import Organisation

pytestmark = pytest.mark.browser
ANSWER = "Phòng Quản lý đô thị đã vá xong mặt đường tổ 7 ngày 20/10/2016."


def _issue(round_, title, petitions, department=None, confirmed=False):
    issue = Issue.objects.create(
        round=round_,
        unit=round_.unit,
        title=title,
        department=department,
        title_confirmed=confirmed,
    )
    for p in petitions:
        IssueMembership.objects.create(petition=p, issue=issue)
    return issue


def test_bulk_assign_draft_head_leader_publish(page):
    round_ = Round.objects.get(unit__code="058")
    qldt = Organisation.objects.get(unit=round_.unit, code="qldt")
    free = list(
        Petition.objects.filter(round=round_, issue_link__isnull=True)
        .exclude(legal_kind="to_cao")
        .order_by("id")[:3]
    )
    issue = _issue(round_, "Mặt đường tổ 7 bị sụt lún", free[:2], qldt)
    second = _issue(round_, "Cống thoát nước tổ 8 tắc", free[2:], qldt)

    log_in(page, "vanphong")
    page.goto("/staff/theo-doi/?ds=chua-giao&q=t%E1%BB%95")
    page.check(f"[data-testid=pick-{issue.pk}]")
    page.check(f"[data-testid=pick-{second.pk}]")
    page.click("[data-testid=bulk-selected]")
    assert "2 vấn đề sẽ được giao" in page.inner_text("[data-testid=bulk-total]")
    assert "Phòng Quản lý đô thị" in page.inner_text("[data-testid=bulk-groups]")
    page.click("[data-testid=bulk-confirm]")
    page.wait_for_selector("[data-testid=tabs]")
    assert "Đã giao 2 vấn đề" in page.content()
    assignment = issue.assignments.get()
    url = f"/staff/theo-doi/giao/{assignment.pk}/"

    log_in(page, "chuyenvien")
    page.goto(url)
    assert free[0].code in page.inner_text("[data-testid=petitions]")
    page.fill("textarea[name=text]", ANSWER)
    page.click("[data-testid=save-draft]")
    page.click("[data-testid=submit-answer]")
    assert "Chờ lãnh đạo phòng duyệt" in page.inner_text("[data-testid=answer-state]")

    log_in(page, "truongphong")
    page.goto("/staff/theo-doi/?ds=cho-duyet")
    page.click(f"text={issue.title}")
    page.click("[data-testid=approve]")
    assert "Chờ lãnh đạo UBND duyệt" in page.inner_text("[data-testid=answer-state]")

    log_in(page, "lanhdao")
    page.goto("/staff/theo-doi/?ds=lanh-dao-duyet")
    page.click(f"text={issue.title}")
    page.click("[data-testid=approve]")
    assert "Đã duyệt" in page.inner_text("[data-testid=answer-state]")

    log_in(page, "vanphong")
    page.goto("/staff/theo-doi/?ds=cong-khai")
    page.click(f"text={issue.title}")
    page.fill("[data-testid=publish-title-input]", "Mặt đường tổ 7 phường Đức Xuân sụt lún")
    page.check("[data-testid=publish-confirm]")
    page.click("[data-testid=publish-submit]")
    assert "Đã gửi và công khai" in page.inner_text("[data-testid=answer-state]")

    page.context.clear_cookies()
    page.goto(f"/ket-qua/{round_.pk}/?q=mat duong to 7")
    row = page.locator(f"[data-testid=issue-{issue.pk}]")
    assert ANSWER in row.inner_text() and "sụt lún" in row.inner_text()
    page.goto("/tra-cuu/")
    page.fill("input[name=ma]", free[0].code)
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-testid=code]")
    assert ANSWER in page.content()


def test_resolve_mttq_verifies_and_the_issue_closes(page):
    from doithoai.accounts.models import User

    round_ = Round.objects.get(unit__code="058")
    qldt = Organisation.objects.get(unit=round_.unit, code="qldt")
    users = {u.username: u for u in User.objects.all()}
    petition = Petition.objects.filter(round=round_, issue_link__isnull=True).first()
    issue = _issue(round_, "Đèn chiếu sáng ngõ 12 tổ 3 hỏng", [petition], confirmed=True)
    a = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    answer = services.answer_draft(actor=users["chuyenvien"], assignment=a, text=ANSWER)
    services.answer_submit(actor=users["chuyenvien"], answer=answer)
    approve_all(users, answer)
    services.answer_publish(actor=users["vanphong"], answer=answer)

    log_in(page, "chuyenvien")
    page.goto("/staff/theo-doi/?ds=ket-qua")
    page.click(f"text={issue.title}")
    page.fill("textarea[name=note]", RESOLVED_NOTE)
    page.click("[data-testid=resolve]")
    page.wait_for_selector("[data-testid=resolution]")
    assert "Đã giải quyết" in page.inner_text("[data-testid=issue-state]")

    log_in(page, "mttq")
    page.goto("/staff/theo-doi/?ds=xac-nhan")
    assert RESOLVED_NOTE in page.inner_text(f"[data-testid=verify-{issue.pk}]")
    page.fill(f"[data-testid=remark-{issue.pk}]", "Đã kiểm tra thực tế, đèn sáng.")
    page.click(f"[data-testid=verified-{issue.pk}]")
    page.wait_for_selector("[data-testid=tabs]")
    assert f"verify-{issue.pk}" not in page.content()
    issue.refresh_from_db()
    assert issue.state == "closed"

    log_in(page, "vanphong")
    page.goto(f"/staff/theo-doi/giao/{a.pk}/")
    assert "Đã kết thúc" in page.inner_text("[data-testid=issue-state]")
    assert "Đã xác nhận giải quyết" in page.inner_text("[data-testid=verification]")
