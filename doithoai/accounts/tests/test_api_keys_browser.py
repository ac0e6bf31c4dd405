"""A ward officer makes an API key in a real browser, a partner system uses it, the officer
revokes it and the key stops working."""

import json
import re
import urllib.error
import urllib.request

import pytest

from conftest import log_in

pytestmark = pytest.mark.browser


def _api_status(base: str, key: str) -> int:
    url = f"{base}/api/v1/petitions?limit=1"
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 - test server
            json.load(response)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_officer_creates_uses_and_revokes_an_api_key(page, live_server):
    log_in(page, "phuong")
    page.get_by_role("link", name="Khóa API").click()
    page.get_by_label("Tên khóa").fill("Cổng dịch vụ công")
    page.get_by_role("button", name="Tạo khóa").click()
    key = page.locator("#new-key").input_value()
    assert len(key) > 30
    assert page.get_by_text("Hãy sao chép khóa này ngay bây giờ.", exact=False).is_visible()
    assert _api_status(live_server.url, key) == 200

    # Shown once: the list, opened again, has the key's first characters only.
    page.goto("/staff/khoa-api/")
    assert key not in page.content() and f"{key[:8]}…" in page.content()
    row = page.get_by_role("row", name=re.compile("Cổng dịch vụ công"))
    row.get_by_text("Thu hồi…").click()
    row.get_by_role("button", name="Xác nhận thu hồi").click()
    page.wait_for_url(re.compile(r"/staff/khoa-api/$"))
    assert (
        "Đã thu hồi" in page.get_by_role("row", name=re.compile("Cổng dịch vụ công")).inner_text()
    )
    assert _api_status(live_server.url, key) == 401
