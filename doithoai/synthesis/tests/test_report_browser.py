"""The Front's report page in a real browser: the MTTQ officer drafts it from the synthesis,
edits the opening and a theme's summary (saved in place), approves it (locked), un-approves it;
the secretariat reads it."""

import re

import pytest
from playwright.sync_api import expect

from conftest import log_in
from doithoai.accounts.models import User
from doithoai.dialogues.models import Round
from doithoai.synthesis.models import ReportState, SynthesisReport, SynthesisRun
from doithoai.synthesis.runs import synthesis_run_execute


@pytest.mark.browser
def test_front_drafts_edits_approves_and_reopens_the_report(page):
    round_ = Round.objects.get(unit__code="058")
    run = SynthesisRun.objects.create(
        round=round_, unit=round_.unit, started_by=User.objects.get(username="vanphong")
    )
    assert synthesis_run_execute(run_id=run.pk).state == "done"

    log_in(page, "mttq")
    page.goto(f"/staff/tong-hop/{round_.pk}/")
    page.get_by_test_id("synthesis-report-link").click()
    page.get_by_test_id("report-draft").click()
    expect(page.get_by_test_id("report-state")).to_have_text("Dự thảo")
    assert "560 ý kiến, kiến nghị" in page.get_by_test_id("report-figures").inner_text()
    themes = page.locator("article.report-theme")
    assert 1 <= themes.count() <= 20  # paged

    page.get_by_label("Đoạn mở đầu").fill("Ban Thường trực báo cáo kết quả tổng hợp như sau:")
    page.get_by_label("Họ tên người ký").fill("Hà Văn Quang")
    page.get_by_test_id("report-save").click()
    page.get_by_text("Đã lưu nội dung báo cáo.").wait_for()

    first = themes.first
    key = first.get_attribute("id").removeprefix("theme-")
    url = page.url
    first.locator("textarea").fill("Cử tri phản ánh nhiều về chiếu sáng và vệ sinh môi trường.")
    first.get_by_role("button", name="Lưu tóm tắt").click()
    page.locator(f"#theme-{key}").get_by_text("Đã lưu phần tóm tắt.").wait_for()
    assert page.url == url  # saved in place
    refused = page.locator(f"#theme-{key} textarea")
    refused.fill("Liên hệ ông Trần Văn Bình số 0912345678.")
    page.locator(f"#theme-{key}").get_by_role("button", name="Lưu tóm tắt").click()
    page.locator(f"#theme-{key}").get_by_text(re.compile("thông tin cá nhân")).wait_for()

    page.get_by_test_id("report-approve").click()
    expect(page.get_by_test_id("report-state")).to_have_text("Đã duyệt")
    assert page.get_by_test_id("report-form").count() == 0
    assert page.locator("article.report-theme textarea").count() == 0
    report = SynthesisReport.objects.get(round=round_)
    assert report.state == ReportState.APPROVED
    assert report.opening == "Ban Thường trực báo cáo kết quả tổng hợp như sau:"
    assert report.themes.get(key=key).summary.startswith("Cử tri phản ánh nhiều")

    page.get_by_label("Lý do bỏ duyệt").fill("Bổ sung số liệu")
    page.get_by_test_id("report-unapprove").click()
    expect(page.get_by_test_id("report-state")).to_have_text("Dự thảo")
    assert "bỏ duyệt báo cáo tổng hợp" in page.get_by_test_id("report-history").inner_text()

    log_in(page, "vanphong")
    page.goto(f"/staff/doi-thoai/{round_.pk}/")
    page.get_by_test_id("synthesis-report-link").click()
    expect(page.get_by_test_id("report-state")).to_have_text("Dự thảo")
    assert page.get_by_test_id("report-form").count() == 0
    with page.expect_download() as download:
        page.get_by_test_id("report-pdf").click()
    assert download.value.suggested_filename == f"bao-cao-tong-hop-{round_.pk}.pdf"
