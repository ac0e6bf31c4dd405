import re

import pytest

from doithoai.petitions.models import Petition


@pytest.mark.browser
def test_resident_submits_on_a_phone_gets_a_code_and_looks_it_up(
    chromium, live_server, transactional_db, django_db_serialized_rollback
):
    from conftest import load_reference_data

    load_reference_data()
    context = chromium.new_context(
        locale="vi-VN", base_url=live_server.url, viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.goto("/")
    page.get_by_role("link", name="Gửi kiến nghị, phản ánh").click()
    page.get_by_label("Phường, xã nơi xảy ra vụ việc").select_option(label="Phường Sông Cầu")
    page.get_by_label("Thôn, tổ dân phố").fill("Tổ 10")
    page.get_by_label("Nội dung kiến nghị, phản ánh").fill(
        "Cống thoát nước trước nhà số 15 tổ 10 bị vỡ, đề nghị sửa."
    )
    page.get_by_label("Họ và tên").fill("Đinh Thị Cư")
    page.get_by_label("Số điện thoại").fill("0977000111")
    page.get_by_label(re.compile("Tôi đồng ý")).check()
    page.get_by_role("button", name="Gửi kiến nghị").click()
    page.wait_for_url("**/da-gui/")
    code = page.get_by_test_id("code").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{4}", code)
    assert Petition.objects.get(code=code).submitter_name == "Đinh Thị Cư"
    page.goto("/tra-cuu/")
    page.get_by_label("Mã tra cứu").fill(code.replace("-", "").lower())
    page.get_by_role("button", name="Tra cứu").click()
    assert page.get_by_test_id("state").inner_text() == "Đã tiếp nhận"
    assert "Đinh Thị Cư" not in page.content() and "0977000111" not in page.content()
    context.close()
