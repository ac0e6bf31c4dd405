"""The conference in a browser: check-in, the agenda, a speaker answered with a directive, the
projector; the desk and the projector at 390 px wide."""

import re

import pytest
from playwright.sync_api import expect

from conftest import log_in
from doithoai.dialogues.models import Directive, Round, Statement
from doithoai.petitions.models import Topic
from doithoai.synthesis.models import Issue
from doithoai.units.models import Organisation


@pytest.mark.browser
def test_conference_checkin_speaker_answer_directive_and_live_projector(page):
    round_ = Round.objects.get(unit__code="058", title__startswith="Tiếp xúc")
    gpmb = Issue.objects.create(
        round=round_,
        title="Chậm chi trả bồi thường GPMB đường Trường Chinh",
        topic=Topic.objects.get(code="gpmb"),
    )
    Issue.objects.create(
        round=round_, title="Lấn chiếm vỉa hè chợ Đức Xuân", topic=Topic.objects.get(code="do_thi")
    )

    projector = page.context.new_page()
    projector.goto(f"/doi-thoai/{round_.pk}/man-hinh/")
    expect(projector.get_by_test_id("projector-issue")).to_have_text("Hội nghị sắp bắt đầu")

    log_in(page, "vanphong")
    desk = page.context.new_page()  # a second desk screen that is never reloaded
    desk.goto(f"/staff/doi-thoai/{round_.pk}/hoi-nghi/")
    expect(desk.get_by_test_id("present-business")).to_have_text("0")

    page.goto(f"/staff/doi-thoai/{round_.pk}/hoi-nghi/")
    for name in ("Nông Thị Huệ", "Bế Văn Lợi"):
        page.get_by_label("Tìm đại biểu theo tên").fill(
            name.split()[0].lower()
        )  # typed without care
        page.get_by_role("button", name="Tìm", exact=True).click()
        page.locator("#checkin li", has_text=name).get_by_role("button", name="Có mặt").click()
        expect(page.locator(".messages")).to_contain_text(name)
    expect(page.get_by_test_id("present-business")).to_have_text("1")
    expect(page.get_by_test_id("present-village_head")).to_have_text("1")
    expect(desk.get_by_test_id("present-business")).to_have_text("1", timeout=10_000)
    expect(desk.get_by_test_id("present-village_head")).to_have_text("1", timeout=10_000)

    page.get_by_role("link", name="Lập chương trình").click()
    page.get_by_role("button", name="Lập chương trình đề xuất").click()
    expect(page.get_by_test_id("agenda-item").nth(2)).to_contain_text(gpmb.title)
    page.goto(f"/staff/doi-thoai/{round_.pk}/hoi-nghi/")
    page.locator("#agenda li", has_text=gpmb.title).get_by_role("button", name="Thảo luận").click()
    expect(projector.get_by_test_id("projector-issue")).to_have_text(gpmb.title, timeout=10_000)

    page.get_by_label("Người đăng ký phát biểu").fill("Bế Văn Lợi")
    page.get_by_role("button", name="Thêm", exact=True).click()
    page.locator("#speakers").get_by_role("button", name="Bắt đầu").click()
    expect(page.get_by_test_id("speaker").first).to_contain_text("Đang phát biểu")
    page.locator("#st-speaker").select_option(label="Bế Văn Lợi")
    expect(page.locator("#st-issue")).to_have_value(str(gpmb.pk))  # the item under discussion
    expect(page.locator("#st-speaker")).to_have_value(str(round_.speakers.get().pk))
    page.get_by_label("Nội dung phát biểu").fill(
        "Đề nghị chi trả tiền bồi thường cho 12 hộ dân thôn Nà Pam."
    )
    page.get_by_label("Trả lời tại hội nghị").fill("Thành phố sẽ chi trả trước ngày 15/10/2016.")
    page.locator("#st-answered-by").select_option(label="Ban Bồi thường, giải phóng mặt bằng")
    page.locator("#st-directive").fill("Giao Ban GPMB hoàn thành chi trả cho các hộ.")
    page.locator("#st-assignee").select_option(label="Ban Bồi thường, giải phóng mặt bằng")
    page.locator("#st-deadline").fill("2016-10-15")
    page.get_by_role("button", name="Ghi nhận").click()
    statement = page.get_by_test_id("statement").first
    expect(statement).to_contain_text("Bế Văn Lợi")
    expect(statement).to_contain_text(re.compile("Chỉ đạo: Giao Ban GPMB .* 15/10/2016"))
    page.locator("#speakers").get_by_role("button", name="Kết thúc").click()
    expect(page.locator("#speakers")).to_contain_text("1 người đã phát biểu")
    assert "Bế Văn Lợi" not in projector.content()  # no personal data on the projector

    # On a phone: the desk fits 390 px without sideways scrolling, and so does the projector.
    for screen, url in (
        (page, f"/staff/doi-thoai/{round_.pk}/hoi-nghi/"),
        (projector, f"/doi-thoai/{round_.pk}/man-hinh/"),
    ):
        screen.set_viewport_size({"width": 390, "height": 844})
        screen.goto(url)
        width = screen.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{url} is {width} px wide at 390"
    expect(projector.locator("header h1")).to_be_visible()
    expect(projector.locator("main")).to_contain_text(gpmb.title)

    # The database is read last, once no page polls: on SQLite the live server's threads and the
    # test share one in-memory connection, which two threads must not use at once.
    for screen in page.context.pages:
        screen.goto("about:blank")
    st = Statement.objects.get(round=round_)
    assert st.answer.startswith("Thành phố sẽ chi trả") and st.issue_id == gpmb.pk
    directive = Directive.objects.get(pk=st.directive_id)
    assert directive.assignee == Organisation.objects.get(unit=round_.unit, code="gpmb")
    assert str(directive.deadline) == "2016-10-15"
