"""In a browser, as each demo role: no link on the role's home or on the pages its navigation
opens first answers an error (a link the role may not follow is a dead end; /tmp/walk/walk.py
found the rounds list offering "new round" to every role, a 404 for all but the secretariat)."""

from urllib.parse import urljoin, urlsplit

import pytest

from conftest import log_in

ROLES = ["phuong", "mttq", "chuyenvien", "truongphong", "lanhdao", "baochi", "vanphong"]
PAGES = ["/staff/", "/staff/doi-thoai/"]


def _links(page, base: str) -> set[str]:  # type: ignore[no-untyped-def]
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.getAttribute('href'))")
    out = set()
    for href in hrefs:
        if not href or href.startswith(("#", "mailto:", "tel:")):
            continue
        full = urljoin(base, href)
        if urlsplit(full).netloc == urlsplit(base).netloc:
            out.add(full)
    return out


@pytest.mark.browser
def test_no_link_of_a_role_s_first_pages_is_a_dead_end(page):
    broken = []
    for username in ROLES:
        log_in(page, username)
        for path in PAGES:
            response = page.goto(path)
            assert response is not None and response.status == 200, (username, path)
            for url in sorted(_links(page, page.url)):
                status = page.request.get(url, max_redirects=5).status
                if status >= 400:
                    broken.append(f"{username}: {path} -> {url}: {status}")
    assert broken == []


@pytest.mark.browser
def test_only_the_secretariat_is_offered_a_new_round(page):
    log_in(page, "phuong")
    page.goto("/staff/doi-thoai/")
    assert page.get_by_role("link", name="Tạo kỳ đối thoại mới").count() == 0
    log_in(page, "vanphong")
    page.goto("/staff/doi-thoai/")
    page.get_by_role("link", name="Tạo kỳ đối thoại mới").click()
    assert page.get_by_role("heading", level=1).count() == 1
    assert "/staff/doi-thoai/moi/" in page.url


EMPTY_HEADERS = """() => Array.from(document.querySelectorAll('main th'))
  .filter(th => !th.textContent.trim() && !th.getAttribute('aria-label'))
  .map(th => th.closest('table').outerHTML.slice(0, 80))"""


@pytest.mark.browser
def test_every_table_header_names_its_column(page):
    """A screen reader reads each cell with its column's name: no header cell is blank (the
    actions columns of the invitees, the issued documents and the unassigned issues were)."""
    from doithoai.dialogues.models import Invitee, Round
    from doithoai.synthesis.models import Issue

    round_ = Round.objects.get(unit__code="058")
    Issue.objects.create(round=round_, unit=round_.unit, title="Mặt đường tổ 7 bị sụt lún")
    Invitee.objects.create(round=round_, name="Hoàng Văn Thụ", group="group_head", title="Tổ 7")
    log_in(page, "vanphong")
    blank = {}
    for path in [f"/staff/doi-thoai/{round_.pk}/", "/staff/theo-doi/?ds=chua-giao"]:
        page.goto(path)
        assert page.locator("main th").count() > 3, path
        blank[path] = page.evaluate(EMPTY_HEADERS)
    assert blank == {path: [] for path in blank}


@pytest.mark.browser
def test_the_administrator_is_not_offered_petition_entry_it_may_not_do(page):
    """The administrator lists every petition but enters none: its petitions list offered
    "Nhập kiến nghị" (a form refused on saving) and "Nhập từ bảng tính" (403)."""
    log_in(page, "quantri")
    page.goto("/staff/kien-nghi/")
    assert page.get_by_role("link", name="Nhập kiến nghị").count() == 0
    assert page.get_by_role("link", name="Nhập từ bảng tính").count() == 0
    broken = []
    for url in sorted(_links(page, page.url)):
        status = page.request.get(url, max_redirects=5).status
        if status >= 400:
            broken.append(f"{url}: {status}")
    assert broken == []
    log_in(page, "phuong")
    page.goto("/staff/kien-nghi/")
    page.get_by_role("link", name="Nhập từ bảng tính").click()
    assert page.get_by_role("heading", level=1).count() == 1
