"""In a browser: the plan page's two lists (focus topics, chairs) are added to, reordered,
edited and emptied through the one pair of list views."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from conftest import log_in
from doithoai.dialogues.tests.factories import RoundFactory
from doithoai.petitions.models import Topic


@pytest.mark.browser
def test_plan_lists_in_a_browser(page):
    round_ = RoundFactory(title="Đối thoại thử nghiệm", venue="Hội trường")
    gpmb = Topic.objects.get(code="gpmb")
    log_in(page, "vanphong")
    page.goto(reverse("dialogue-plan-edit", args=[round_.pk]))

    page.get_by_label("Lĩnh vực trọng tâm mới").select_option(label=gpmb.name)
    page.get_by_role("button", name="Thêm trọng tâm").click()
    expect(page.get_by_text("Đã thêm nội dung trọng tâm.")).to_be_visible()
    page.get_by_label("Tên gọi (để trống: dùng tên lĩnh vực)").fill("Thu gom rác")
    page.get_by_role("button", name="Thêm trọng tâm").click()
    focus = page.get_by_test_id("focus-topic")
    expect(focus).to_have_count(2)
    page.get_by_role("button", name="Đưa “Thu gom rác” lên").click()
    expect(page.get_by_text("Đã đổi thứ tự nội dung trọng tâm.")).to_be_visible()
    assert list(round_.focus_topics.values_list("label", flat=True)) == ["Thu gom rác", gpmb.name]

    for name in ("Hà Văn Trường", "Lý Thị Mai"):
        page.get_by_label("Họ và tên người chủ trì").fill(name)
        page.get_by_label("Chức vụ", exact=True).last.fill("Phó Chủ tịch")
        page.get_by_role("button", name="Thêm người chủ trì").click()
        expect(page.get_by_text("Đã thêm người chủ trì.")).to_be_visible()
    chairs = page.get_by_test_id("chair")
    expect(chairs).to_have_count(2)
    chairs.first.get_by_label("Chức vụ").fill("Chủ tịch UBND")
    chairs.first.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã sửa thông tin người chủ trì.")).to_be_visible()
    page.get_by_role("button", name="Bỏ Lý Thị Mai").click()
    expect(page.get_by_text("Đã bỏ người chủ trì: Lý Thị Mai")).to_be_visible()
    assert list(round_.chairs.values_list("name", "position_title")) == [
        ("Hà Văn Trường", "Chủ tịch UBND")
    ]
