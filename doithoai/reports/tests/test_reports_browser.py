"""A leader opens the statistics, sees a chart and the table, and switches to departments."""

import pytest
from playwright.sync_api import expect

from conftest import log_in


@pytest.mark.browser
def test_leader_sees_chart_and_table(page):
    log_in(page, "lanhdao")
    page.get_by_role("link", name="Báo cáo, thống kê").click()
    # Waits for the page the click opens (a bare is_visible() races it on a busy machine).
    expect(page.get_by_role("heading", name="Báo cáo, thống kê", level=1)).to_be_visible()
    chart = page.get_by_role("img", name="Số kiến nghị theo lĩnh vực")
    expect(chart).to_be_visible()
    assert chart.locator("rect").count() >= 1
    table = page.locator("#bang-chinh")
    assert table.is_visible()
    total = int(table.locator("tfoot td").first.inner_text().replace(".", ""))
    assert total == 560  # the demo round
    page.get_by_role("link", name="Kênh tiếp nhận").click()
    channels = page.get_by_role("img", name="Số kiến nghị theo kênh tiếp nhận")
    assert channels.locator("rect").count() > 1
    assert page.locator("#bang-chinh tbody tr").count() >= 2
