"""The conclusion notice page in a browser: the secretariat edits the chair's texts, the leader
approves (the form disappears) and withdraws the approval; readable at 390 px."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from conftest import log_in
from doithoai.dialogues.models import ConclusionNotice, Round, RoundState
from doithoai.dialogues.services import statement_record
from doithoai.petitions.models import Topic
from doithoai.synthesis.models import Issue
from doithoai.units.models import Organisation


@pytest.mark.browser
def test_secretariat_edits_leader_approves_and_unapproves(page):
    from doithoai.accounts.models import User

    round_ = Round.objects.get(unit__code="058", title__startswith="Tiếp xúc")
    issue = Issue.objects.create(
        round=round_,
        title="Lấn chiếm vỉa hè chợ Đức Xuân",
        topic=Topic.objects.get(code="do_thi"),
    )
    qldt = Organisation.objects.get(unit=round_.unit, code="qldt")
    statement_record(
        actor=User.objects.get(username="lanhdao"),
        round_=round_,
        speaker_name="Bế Văn Lợi",
        issue=issue,
        text="Đề nghị xử lý lấn chiếm vỉa hè.",
        answer="Thành phố sẽ ra quân.",
        answered_by=qldt,
        directive_text="Lập lại trật tự vỉa hè.",
        directive_assignee=qldt,
        directive_deadline=datetime.date(2016, 10, 30),
    )
    Round.objects.filter(pk=round_.pk).update(state=RoundState.HELD)

    log_in(page, "vanphong")
    page.goto(f"/staff/doi-thoai/{round_.pk}/")
    page.get_by_test_id("conclusion-notice-link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thông báo kết luận")
    opening = page.get_by_label("Đoạn mở đầu")
    expect(opening).to_have_value(re.compile(r"kết luận như sau:$"))
    opening.fill("Ngày 23 tháng 9 năm 2016, đồng chí Chủ tịch chủ trì hội nghị.")
    page.get_by_label(f"1. {issue.title}").fill("Kiên quyết lập lại trật tự vỉa hè.")
    page.get_by_role("button", name="Lưu thông báo kết luận").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu thông báo kết luận.")
    expect(page.get_by_test_id("notice-preview")).to_contain_text(
        "Kiên quyết lập lại trật tự vỉa hè."
    )
    expect(page.get_by_test_id("notice-problem")).to_contain_text("Lãnh đạo chưa duyệt")
    expect(page.get_by_role("button", name="Duyệt thông báo kết luận")).to_have_count(0)

    log_in(page, "lanhdao")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/staff/doi-thoai/{round_.pk}/thong-bao-ket-luan/")
    page.get_by_role("button", name="Duyệt thông báo kết luận").click()
    expect(page.locator(".messages")).to_contain_text("Đã duyệt thông báo kết luận")
    expect(page.get_by_test_id("notice-state")).to_contain_text("Lãnh đạo đã duyệt")
    expect(page.get_by_role("button", name="Lưu thông báo kết luận")).to_have_count(0)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert ConclusionNotice.objects.get(round=round_).approved

    page.get_by_label("Lý do hủy duyệt").fill("Bổ sung chỉ đạo chung.")
    page.get_by_role("button", name="Hủy duyệt để sửa").click()
    expect(page.locator(".messages")).to_contain_text("Đã hủy duyệt")
    expect(page.get_by_role("button", name="Lưu thông báo kết luận")).to_be_visible()
    assert not ConclusionNotice.objects.get(round=round_).approved
