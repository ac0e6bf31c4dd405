"""The issues board at the demo's size in a real browser: themes, a filter, a selection confirmed
in place (the page stays where the reader was), a merge, petitions opened on demand."""

import re

import pytest

from conftest import log_in
from doithoai.accounts.models import User
from doithoai.dialogues.models import Round
from doithoai.synthesis.models import Issue, SynthesisRun
from doithoai.synthesis.runs import synthesis_run_execute


def synthesise(round_):
    run = SynthesisRun.objects.create(
        round=round_, unit=round_.unit, started_by=User.objects.get(username="vanphong")
    )
    assert synthesis_run_execute(run_id=run.pk).state == "done"


@pytest.mark.browser
def test_board_at_real_size_filter_select_confirm_in_place(page):
    round_ = Round.objects.get(unit__code="058")
    synthesise(round_)
    log_in(page, "vanphong")
    page.get_by_role("link", name="Tổng hợp, phân loại: bảng vấn đề").click()
    page.get_by_role("link", name=re.compile("Tiếp xúc, đối thoại")).click()
    assert page.get_by_test_id("run-state").inner_text() == "Hoàn thành"
    themes = page.locator("table.themes tbody tr")
    assert 1 <= themes.count() <= 25
    assert page.evaluate("document.body.scrollHeight") < 9000  # not 11,000 px of issues

    page.locator("#f-topic").select_option("do_thi")
    page.locator("#f-view").select_option("issues")
    page.get_by_role("button", name="Lọc", exact=True).click()
    page.wait_for_url(re.compile(r"topic=do_thi"))
    rows = page.locator("article.issue")
    assert 2 <= rows.count() <= 25
    url = page.url
    ids = [rows.nth(i).get_attribute("data-testid").split("-")[1] for i in range(rows.count())]
    assert all(
        t == "Quản lý đô thị"
        for t in page.locator('article.issue [data-testid="topic"]').all_inner_texts()
    )

    chosen = ids[-3:] if len(ids) >= 3 else ids
    for pk in chosen:
        page.get_by_label(f"Chọn vấn đề #{pk}", exact=True).check()
    page.locator(f'[data-testid="issue-{chosen[-1]}"]').scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    assert before > 0
    page.get_by_role("button", name="Xác nhận lĩnh vực gợi ý").click()
    page.get_by_text(f"Đã xác nhận lĩnh vực của {len(chosen)} vấn đề.").wait_for()
    for pk in chosen:
        assert (
            page.locator(f'[data-testid="issue-{pk}"] [data-testid="topic-confirmed"]').count() == 1
        )
    assert page.url == url  # no reload
    assert page.evaluate("window.scrollY") > before / 2  # still where the reader was
    assert Issue.objects.filter(pk__in=chosen, topic_confirmed=True).count() == len(chosen)

    first, second = ids[0], ids[1]
    page.get_by_label(f"Chọn vấn đề #{first}", exact=True).check()
    page.get_by_label(f"Chọn vấn đề #{second}", exact=True).check()
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Gộp làm một").click()
    page.get_by_text("Đã gộp 2 vấn đề làm một.").wait_for()
    assert Issue.objects.filter(pk__in=[first, second]).count() == 1

    card = page.locator("article.issue").first
    card.locator("summary").click()
    card.locator('[data-testid^="petition-"]').first.wait_for()
    assert card.locator('[data-testid^="petition-"]').count() >= 1
