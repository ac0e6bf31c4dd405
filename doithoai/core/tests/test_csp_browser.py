"""The Content-Security-Policy in a real browser: the main public and staff pages raise no
violation, and what used to be inline script works from static files — htmx swaps in place,
"Chọn cả trang" ticks the page's issues, the print buttons print (docs/security.md)."""

import re

import pytest

from conftest import log_in
from doithoai.dialogues.models import Round
from doithoai.petitions.models import Petition
from doithoai.synthesis.tests.test_board_browser import synthesise

RECORD = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sourceFile || ""));
});
window.__printed = 0;
window.print = function () { window.__printed += 1; };
"""


def _watch(page):
    """Violations seen by the page (its event) and by the console (Chromium reports each one)."""
    console: list[str] = []
    page.add_init_script(RECORD)
    page.on(
        "console",
        lambda msg: (
            console.append(msg.text)
            if "Content Security Policy" in msg.text or "Content-Security-Policy" in msg.text
            else None
        ),
    )
    return console


def _visit(page, console, path):
    response = page.goto(path)
    assert response is not None and response.status < 500, path
    assert "script-src 'self'" in (response.header_value("content-security-policy") or ""), path
    page.wait_for_load_state("networkidle")
    violations = page.evaluate("window.__csp")
    assert violations == [] and console == [], (path, violations, console)


@pytest.mark.browser
def test_public_and_staff_pages_raise_no_violation_and_keep_working(page):
    console = _watch(page)
    round_ = Round.objects.get(unit__code="058")
    petition = Petition.objects.filter(round=round_).order_by("id").first()
    synthesise(round_)

    for path in [
        "/",
        "/gui-kien-nghi/",
        "/tra-cuu/",
        "/ket-qua/",
        f"/ket-qua/{round_.pk}/",
        f"/doi-thoai/{round_.pk}/",
        f"/doi-thoai/{round_.pk}/thong-bao/",
        f"/doi-thoai/{round_.pk}/man-hinh/",
        "/accounts/login/",
        "/khong-co-trang/",
    ]:
        _visit(page, console, path)

    log_in(page, "vanphong")
    for path in [
        "/staff/",
        f"/staff/kien-nghi/{petition.pk}/",
        "/staff/kien-nghi/moi/",
        "/staff/kien-nghi/nhap/",
        "/staff/bao-cao/",
        "/staff/theo-doi/",
        f"/staff/doi-thoai/{round_.pk}/",
        f"/staff/doi-thoai/{round_.pk}/hoi-nghi/",
        f"/staff/doi-thoai/{round_.pk}/chuong-trinh/",
    ]:
        _visit(page, console, path)

    # htmx: typing in the search box swaps the rows in place (no inline script, no eval).
    _visit(page, console, "/staff/kien-nghi/")
    before = page.locator("#rows").inner_text()
    with page.expect_response(lambda r: "/staff/kien-nghi/?" in r.url and "q=" in r.url) as swap:
        page.locator("#id_q").press_sequentially("ngập úng")
    assert swap.value.status == 200 and swap.value.request.headers.get("hx-request") == "true"
    page.wait_for_load_state("networkidle")
    assert page.locator("#rows").inner_text() != before and re.search(r"q=", page.url)
    assert page.evaluate("window.__csp") == [] and console == []

    # "Chọn cả trang" (was an onclick) ticks every issue of the page, on content htmx may swap.
    _visit(page, console, f"/staff/tong-hop/{round_.pk}/?view=issues")
    boxes = page.locator("input[form=bulk-form][name=issue]")
    assert boxes.count() >= 2
    page.get_by_role("button", name="Chọn cả trang").click()
    assert all(boxes.nth(i).is_checked() for i in range(boxes.count()))
    assert page.evaluate("window.__csp") == [] and console == []

    # Print buttons (were onclick="window.print()") print from site.js.
    _visit(page, console, f"/doi-thoai/{round_.pk}/thong-bao/")
    page.get_by_role("button", name="In").click()
    assert page.evaluate("window.__printed") == 1


@pytest.mark.browser
def test_the_admin_raises_no_violation(page):
    console = _watch(page)
    log_in(page, "quantri")
    for path in ["/admin/", "/admin/accounts/user/", "/admin/accounts/user/add/"]:
        _visit(page, console, path)
