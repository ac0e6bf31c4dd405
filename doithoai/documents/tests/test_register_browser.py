"""In a browser: the secretariat issues the plan from the round page, downloads the frozen PDF,
then reissues it; the leader sees the register."""

import hashlib

import pytest
from playwright.sync_api import expect

from conftest import log_in
from doithoai.documents.models import IssuedDocument

from .conftest import new_round


@pytest.mark.browser
def test_secretariat_issues_and_reissues_the_plan_from_the_round_page(page):
    round_ = new_round("Đối thoại với Nhân dân phường Đức Xuân")
    log_in(page, "vanphong")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/staff/doi-thoai/{round_.pk}/")
    section = page.locator("#van-ban-ban-hanh")
    table = section.get_by_test_id("issued-documents")
    expect(table).to_be_visible()  # loaded into the page by htmx
    plan = table.locator('tr[data-kind="plan"]')
    plan.get_by_text("Ban hành…").click()
    plan.get_by_role("button", name="Cấp số và ban hành: Kế hoạch").click()

    expect(page.locator(".messages")).to_contain_text("Đã cấp số và ban hành văn bản.")
    issued = IssuedDocument.objects.get(round=round_, kind="plan")
    row = page.locator('#van-ban-ban-hanh tr[data-kind="plan"][data-version="1"]')
    expect(row.get_by_test_id("symbol")).to_have_text(issued.symbol)
    pdf = issued.files.get(format="pdf")
    expect(row).to_contain_text(f"PDF {pdf.sha256[:12]}")
    expect(row).to_contain_text("Nguyễn Thị Hoa")  # who issued it
    with page.expect_download() as download:
        row.get_by_role("link", name="PDF").click()
    data = open(download.value.path(), "rb").read()  # noqa: SIM115 - Playwright's temporary file
    assert data.startswith(b"%PDF-") and hashlib.sha256(data).hexdigest() == pdf.sha256
    assert download.value.suggested_filename.startswith("ke-hoach-so-")

    row.get_by_text("Ban hành lại…").click()
    row.get_by_label("Lý do ban hành lại").fill("Sửa địa điểm hội nghị")
    row.get_by_role("button", name=f"Ban hành lại số {issued.symbol}").click()
    expect(page.locator(".messages")).to_contain_text("bản cũ vẫn được lưu")
    expect(page.locator('#van-ban-ban-hanh tr[data-kind="plan"]')).to_have_count(2)
    newest = page.locator('#van-ban-ban-hanh tr[data-kind="plan"][data-version="2"]')
    expect(newest.get_by_test_id("symbol")).to_have_text(issued.symbol)
    expect(newest).to_contain_text("Sửa địa điểm hội nghị")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    log_in(page, "lanhdao")
    page.goto("/staff/van-ban/")
    expect(page.get_by_test_id("register")).to_contain_text(issued.symbol)
    expect(page.get_by_test_id("register").locator("tbody tr")).to_have_count(2)
