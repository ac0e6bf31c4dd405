import re

import pytest

from conftest import log_in
from doithoai.dialogues.models import Round


def count(page, issue_id):
    text = page.locator(f'[data-testid="issue-{issue_id}"] [data-testid="count"]').inner_text()
    return int(re.match(r"\d+", text).group())


@pytest.mark.browser
def test_secretariat_runs_synthesis_merges_and_moves(page):
    round_ = Round.objects.get(unit__code="058")
    log_in(page, "vanphong")
    page.get_by_role("link", name="Tổng hợp, phân loại: bảng vấn đề").click()
    page.get_by_role("link", name=re.compile("Tiếp xúc, đối thoại")).click()
    with page.expect_navigation(timeout=120_000):
        page.get_by_role("button", name="Chạy tổng hợp, phân loại").click()
    assert page.get_by_test_id("run-state").inner_text() == "Hoàn thành"
    cards = page.locator("article.issue")
    first, second = (cards.nth(i).get_attribute("data-testid").split("-")[1] for i in range(2))
    a, b = count(page, first), count(page, second)
    page.get_by_label(f"Chọn để gộp #{second}", exact=True).check()
    page.locator("#merge-target").select_option(first)
    page.get_by_role("button", name="Gộp", exact=True).click()
    page.wait_for_load_state()
    assert count(page, first) == a + b
    assert page.locator(f'[data-testid="issue-{second}"]').count() == 0
    third = page.locator("article.issue").nth(1).get_attribute("data-testid").split("-")[1]
    c = count(page, third)
    card = page.locator(f'[data-testid="issue-{third}"]')
    card.locator("summary").click()
    card.locator("input[name=issue]").first.fill(first)
    card.get_by_role("button", name="Chuyển").first.click()
    page.wait_for_load_state()
    assert count(page, first) == a + b + 1
    remaining = page.locator(f'[data-testid="issue-{third}"]')
    assert (remaining.count() == 0 and c == 1) or count(page, third) == c - 1
    assert round_.issues.count() > 0
