import pytest

from doithoai.demo.people import DEMO_PASSWORD


@pytest.mark.browser
def test_demo_user_logs_in_sees_vietnamese_home_then_switches_to_english(page):
    page.goto("/")
    page.get_by_role("link", name="Đăng nhập cán bộ").click()
    page.get_by_label("Tên đăng nhập").fill("vanphong")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/staff/")
    assert page.locator("h1").inner_text() == "Trang làm việc"
    assert "Văn phòng (điều phối)" in page.content()
    assert page.locator("html").get_attribute("lang") == "vi"
    page.get_by_role("navigation", name="Ngôn ngữ").get_by_role("link", name="English").click()
    page.wait_for_url("**/staff/")
    assert page.locator("h1").inner_text() == "Workspace"
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Secretariat (coordinator)" in page.content()


def test_staff_home_needs_login(client):
    response = client.get("/staff/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
