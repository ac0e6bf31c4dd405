"""In a real browser: an officer's first login registers an authenticator app (the code computed
from the key on the page), keeps the recovery codes, and the next login passes the second factor
with one of them; an account locked by wrong passwords, the right one refused, unlocked by an
administrator who was already signed in."""

import base64
import re

import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "mat-khau-dung-2026"


def _set_password(username: str) -> None:
    from doithoai.accounts.models import User

    user = User.objects.get(username=username)
    user.set_password(PASSWORD)
    user.save()


def _submit_login(page, username: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto("/accounts/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()


def test_a_staff_login_with_a_second_factor(page, settings):
    settings.DOITHOAI_REQUIRE_OTP = True
    _set_password("phuong")

    _submit_login(page, "phuong", PASSWORD)
    page.wait_for_url(re.compile(r"/staff/xac-thuc/dang-ky/"))
    assert page.locator(".qr svg").is_visible()
    secret = page.locator("#otp-secret").inner_text().replace(" ", "")
    key = base64.b32decode(secret)
    page.get_by_label("Mã xác thực").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Xác nhận và bật xác thực hai lớp").click()
    page.wait_for_url(re.compile(r"/staff/xac-thuc/ma-khoi-phuc/"))
    codes = [c.replace(" ", "") for c in page.locator("#recovery-codes code").all_inner_texts()]
    assert len(codes) == 10
    page.get_by_role("link", name="Tôi đã lưu các mã, tiếp tục").click()
    page.wait_for_url(re.compile(r"/staff/$"))

    # Log out, log in again: the password alone does not reach the staff pages.
    page.get_by_role("button", name=re.compile("Đăng xuất")).click()
    _submit_login(page, "phuong", PASSWORD)
    page.wait_for_url(re.compile(r"/staff/xac-thuc/\?next="))
    page.goto("/staff/kien-nghi/")
    assert "/staff/xac-thuc/" in page.url
    page.get_by_label("Mã xác thực").fill("000000" if totp(key) != 0 else "111111")
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_text("Mã không đúng", exact=False)).to_be_visible()
    page.get_by_label("Mã xác thực").fill(codes[0])
    page.get_by_role("button", name="Xác nhận").click()
    page.wait_for_url(re.compile(r"/staff/kien-nghi/"))
    assert page.get_by_text("Bạn vừa dùng một mã khôi phục", exact=False).is_visible()


def test_a_locked_account_is_unlocked_by_an_administrator(page, chromium, live_server):
    _set_password("phuong")
    _set_password("quantri")
    admin = chromium.new_context(locale="vi-VN", base_url=live_server.url).new_page()
    _submit_login(admin, "quantri", PASSWORD)
    admin.wait_for_url(re.compile(r"/staff/"))

    for _i in range(5):
        _submit_login(page, "phuong", "sai-mat-khau")
    _submit_login(page, "phuong", PASSWORD)
    assert page.get_by_role("heading", name="Tạm khóa đăng nhập").is_visible()
    assert page.get_by_text("kể cả khi mật khẩu đúng", exact=False).is_visible()

    admin.get_by_role("link", name="Khóa đăng nhập").click()
    row = admin.get_by_role("row", name=re.compile("phuong"))
    row.get_by_role("button", name="Mở khóa").click()
    assert admin.get_by_text("Đã mở khóa đăng nhập cho phuong", exact=False).is_visible()
    # The guesses were this account's: the address they came from is free again too.
    assert admin.get_by_text("Không có tài khoản nào bị khóa.").is_visible()
    assert admin.get_by_text("Không có địa chỉ nào bị khóa.").is_visible()
    assert admin.get_by_text("đã mở khóa đăng nhập", exact=False).first.is_visible()
    admin.context.close()

    _submit_login(page, "phuong", PASSWORD)
    page.wait_for_url(re.compile(r"/staff/$"))
