"""In a browser: the data-protection officer records a request, finds the person's petitions,
erases their data, and reads the log of who viewed contact details."""

import pytest

from doithoai.dataprotection.models import Anonymisation, DataSubjectRequest


@pytest.mark.browser
def test_the_officer_handles_an_erasure_request(page):
    from conftest import log_in
    from doithoai.petitions.tests.factories import PetitionFactory

    petition = PetitionFactory(
        submitter_name="Bàn Thị Xóa", phone="0911222333", email="xoa@example.vn"
    )
    # A secretariat officer opens the petition: the view is logged.
    log_in(page, "vanphong")
    page.goto(f"/staff/kien-nghi/{petition.pk}/")
    assert "0911222333" in page.content()

    log_in(page, "baove")
    page.goto("/staff/")
    page.get_by_role("link", name="Bảo vệ dữ liệu cá nhân").click()
    page.get_by_role("link", name="Ghi nhận yêu cầu mới").click()
    page.get_by_label("Loại yêu cầu").select_option(label="Xóa dữ liệu")
    page.get_by_label("Họ và tên người yêu cầu").fill("Bàn Thị Xóa")
    page.get_by_label("Điện thoại").fill("0911 222 333")
    page.get_by_label("Cách xác minh người yêu cầu").select_option(
        label="Trực tiếp, xem giấy tờ tùy thân"
    )
    page.get_by_role("button", name="Ghi nhận").click()
    page.wait_for_url("**/yeu-cau/*/")
    dsr = DataSubjectRequest.objects.get(requester_name="Bàn Thị Xóa")
    assert page.get_by_test_id("due-on").inner_text().strip() == dsr.due_on.strftime("%d/%m/%Y")
    matches = page.get_by_test_id("match")
    assert matches.count() == 1
    assert page.get_by_label(f"Chọn kiến nghị số {petition.pk}").is_checked()
    page.get_by_role("button", name="Xóa dữ liệu cá nhân (ẩn danh hóa)").click()
    page.wait_for_load_state()
    assert "Đã xóa (ẩn danh hóa)" in page.get_by_test_id("matches").inner_text()
    assert Anonymisation.objects.filter(petition=petition, request=dsr).exists()

    form = page.get_by_test_id("close-form")
    form.get_by_label("Kết quả").select_option(label="Đã thực hiện")
    form.get_by_label("Đã làm gì (hoặc lý do từ chối)").fill("Đã xóa dữ liệu của 1 kiến nghị.")
    form.get_by_role("button", name="Kết thúc yêu cầu").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("state").inner_text().startswith("Đã thực hiện")

    page.get_by_role("link", name="Nhật ký xem thông tin liên hệ").click()
    rows = page.get_by_test_id("log-row")
    assert rows.count() == 1 and "vanphong" in rows.first.inner_text()
    page.get_by_role("link", name="Thời hạn lưu giữ").click()
    assert page.get_by_test_id("retention-rules").is_visible()
