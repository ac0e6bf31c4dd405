"""In a browser: a resident's petition joins the round collecting it and the receipt names it; the
secretariat moves it out of every round from the detail page."""

import re

import pytest

from doithoai.petitions.models import Petition
from doithoai.petitions.tests.round_helpers import close_every_round, make_round


@pytest.mark.browser
def test_the_receipt_names_the_round_and_the_secretariat_moves_it_out(page):
    from conftest import log_in

    close_every_round()
    round_ = make_round(title="Đối thoại với Nhân dân thành phố cuối năm")
    page.goto("/gui-kien-nghi/")
    page.get_by_label("Phường, xã nơi xảy ra vụ việc").select_option(label="Phường Đức Xuân")
    page.get_by_label("Nội dung kiến nghị, phản ánh").fill(
        "Rãnh thoát nước tổ 6 bị tắc, mưa to nước tràn vào đường, đề nghị nạo vét."
    )
    page.get_by_label("Họ và tên").fill("Đinh Thị Cư")
    page.get_by_label(re.compile("Tôi đồng ý")).check()
    page.get_by_role("button", name="Gửi kiến nghị").click()
    page.wait_for_url("**/da-gui/")
    assert page.get_by_test_id("round").inner_text().strip() == round_.title
    assert round_.title in page.get_by_test_id("round-note").inner_text()
    code = page.get_by_test_id("code").inner_text().strip()
    petition = Petition.objects.get(code=code)
    assert petition.round_id == round_.pk

    log_in(page, "vanphong")
    page.goto(f"/staff/kien-nghi/{petition.pk}/")
    assert page.get_by_test_id("round").inner_text().strip() == round_.title
    form = page.get_by_test_id("round-form")
    form.get_by_label("Chuyển sang").select_option(label="Ngoài kỳ đối thoại (xử lý thường xuyên)")
    form.get_by_role("button", name="Chuyển").click()
    page.wait_for_load_state()
    assert "Ngoài kỳ đối thoại" in page.get_by_test_id("round").inner_text()
    assert Petition.objects.get(pk=petition.pk).round_id is None
