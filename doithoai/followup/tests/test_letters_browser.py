"""In a real browser: the ward officer opens the letters page from the staff menu, issues the
ward's answer letters, downloads the PDF to print and records a delivery."""

import pytest

from conftest import log_in
from doithoai.dialogues.models import Round
from doithoai.followup import services
from doithoai.followup.models import AnswerLetter
from doithoai.followup.tests.conftest import approve_all
from doithoai.petitions.models import Petition
from doithoai.synthesis.models import Issue, IssueMembership
from doithoai.units.models import Organisation

pytestmark = pytest.mark.browser
ANSWER = "Phòng Quản lý đô thị đã vá xong mặt đường tổ 7 ngày 20/10/2016."


def _answered_issue_of_duc_xuan() -> list[Petition]:
    from doithoai.accounts.models import User

    users = {u.username: u for u in User.objects.all()}
    round_ = Round.objects.get(unit__code="058")
    qldt = Organisation.objects.get(unit=round_.unit, code="qldt")
    petitions = list(
        Petition.objects.filter(
            round=round_, unit__code="01840", issue_link__isnull=True, email="", anonymous=False
        )
        .exclude(legal_kind="to_cao")
        .exclude(submitter_name="")
        .order_by("id")[:2]
    )
    issue = Issue.objects.create(
        round=round_, unit=round_.unit, title="Mặt đường tổ 7 bị sụt lún", title_confirmed=True
    )
    for p in petitions:
        IssueMembership.objects.create(petition=p, issue=issue)
    assignment = services.issue_assign(actor=users["vanphong"], issue=issue, lead=qldt)
    answer = services.answer_draft(actor=users["chuyenvien"], assignment=assignment, text=ANSWER)
    services.answer_submit(actor=users["chuyenvien"], answer=answer)
    approve_all(users, answer)
    services.answer_publish(actor=users["vanphong"], answer=answer)
    return petitions


def test_the_ward_officer_issues_prints_and_records_a_delivery(page):  # type: ignore[no-untyped-def]
    petitions = _answered_issue_of_duc_xuan()
    assert len(petitions) == 2
    # Generous waits: the CI machine is shared; the assertions below are what the test checks.
    page.set_default_timeout(60000)
    page.set_default_navigation_timeout(60000)
    log_in(page, "phuong")
    page.get_by_role("link", name="Thư trả lời cần chuyển đến người gửi").first.click()
    page.get_by_role("link", name="Phường Đức Xuân").click()
    assert page.get_by_test_id("count-to-issue").inner_text() == "2"
    page.get_by_test_id("issue-letters").click()
    assert page.get_by_test_id("count-pending").inner_text() == "2"
    for petition in petitions:
        assert page.get_by_text(petition.submitter_name).first.is_visible()
    with page.expect_download() as download:
        page.get_by_test_id("print-letters").click()
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    letter = AnswerLetter.objects.order_by("seq").first()
    assert letter is not None
    row = page.get_by_test_id(f"letter-{letter.pk}")
    row.get_by_label("Hình thức chuyển").select_option(label="Trao tận tay")
    row.get_by_role("button", name="Ghi nhận").click()
    assert page.get_by_test_id("count-delivered").inner_text() == "1"
    assert page.get_by_test_id(f"letter-{letter.pk}").get_by_text("Trao tận tay").is_visible()
    letter.refresh_from_db()
    assert (letter.state, letter.method) == ("delivered", "handed")
