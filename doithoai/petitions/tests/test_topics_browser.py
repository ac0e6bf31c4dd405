"""The secretariat keeps the topic list in a real browser: adds a topic, is told a code is taken,
retires it; intake stops accepting it."""

import re

import pytest

from conftest import log_in
from doithoai.petitions import selectors

pytestmark = pytest.mark.browser


def test_secretariat_adds_then_retires_a_topic(page):
    log_in(page, "vanphong")
    page.get_by_role("link", name="Danh mục lĩnh vực").click()
    page.get_by_role("link", name="Thêm lĩnh vực").click()
    page.get_by_label("Mã lĩnh vực").fill("cay_xanh")
    page.get_by_label("Tên lĩnh vực").fill("Cây xanh, công viên")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r"/staff/linh-vuc/$"))
    row = page.get_by_role("row", name=re.compile("cay_xanh"))
    assert "Cây xanh, công viên" in row.inner_text() and "Đang dùng" in row.inner_text()
    assert selectors.active_topic("cay_xanh") is not None

    # The same code again: refused next to the field, in Vietnamese.
    page.get_by_role("link", name="Thêm lĩnh vực").click()
    page.get_by_label("Mã lĩnh vực").fill("cay_xanh")
    page.get_by_label("Tên lĩnh vực").fill("Trùng mã")
    page.get_by_role("button", name="Lưu").click()
    assert page.get_by_text("Mã lĩnh vực này đã có.").is_visible()

    page.goto("/staff/linh-vuc/")
    page.get_by_role("link", name="cay_xanh").click()
    page.get_by_label("Đang dùng (bỏ chọn để ngừng dùng)").uncheck()
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url(re.compile(r"/staff/linh-vuc/$"))
    assert "Ngừng dùng" in page.get_by_role("row", name=re.compile("cay_xanh")).inner_text()
    assert selectors.active_topic("cay_xanh") is None
