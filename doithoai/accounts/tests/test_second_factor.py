"""The second factor (django-otp): who must pass it when DOITHOAI_REQUIRE_OTP is on, enrolment with
a QR code and recovery codes shown once, verification (a wrong code refused, a code not replayed,
a recovery code working once, throttling), and resets by the user or an administrator."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from doithoai.accounts.events import AccountEvents
from doithoai.accounts.models import User
from doithoai.accounts.services_security import (
    recovery_codes_regenerate,
    second_factor_reset,
)
from doithoai.core.models import Event

pytestmark = pytest.mark.django_db

STAFF = "/staff/"
ENROL = "/staff/xac-thuc/dang-ky/"
VERIFY = "/staff/xac-thuc/"
CODES = "/staff/xac-thuc/ma-khoi-phuc/"
NEW_CODES = "/staff/xac-thuc/ma-khoi-phuc/tao-moi/"
RESET = "/staff/xac-thuc/dat-lai/"

REQUIRED = ["vanphong", "lanhdao", "mttq", "phuong", "chuyenvien", "truongphong", "quantri"]


@pytest.fixture
def otp_on(settings):  # type: ignore[no-untyped-def]
    settings.DOITHOAI_REQUIRE_OTP = True
    return settings


def _code(device: TOTPDevice, shift: int = 0) -> str:
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{(value + shift) % 1_000_000:06d}"


def _app(user: User) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="totp", confirmed=True)


def _events(action: str) -> list[Event]:
    return list(Event.objects.filter(action=action).order_by("id"))


def _verify(client: Client, code: str, next_url: str = ""):  # type: ignore[no-untyped-def]
    return client.post(VERIFY, {"code": code, "next": next_url})


def test_off_nobody_is_asked(client, demo_user):
    client.force_login(demo_user("phuong"))
    assert client.get(STAFF).status_code == 200


@pytest.mark.parametrize("username", REQUIRED)
def test_every_role_that_sees_personal_data_must_enrol_first(client, demo_user, otp_on, username):
    client.force_login(demo_user(username))
    response = client.get(STAFF)
    assert response.status_code == 302
    assert response["Location"] == f"{ENROL}?next=%2Fstaff%2F"
    assert client.get("/").status_code == 302  # no page at all before the second factor
    assert client.get("/admin/").status_code == 302


def test_the_press_is_not_asked(client, demo_user, otp_on):
    client.force_login(demo_user("baochi"))
    assert client.get(STAFF).status_code == 200


def test_enrolment_shows_a_qr_code_and_the_recovery_codes_once(client, demo_user, otp_on):
    user = demo_user("phuong")
    client.force_login(user)
    page = client.get(f"{ENROL}?next=/staff/kien-nghi/").content.decode()
    assert "<svg" in page and 'id="otp-secret"' in page
    assert "otpauth" not in page  # the QR code is drawn here, not an address for a service
    key = client.session["doithoai_otp_pending_key"]
    pending = TOTPDevice(user=user, key=key)

    wrong = client.post(ENROL, {"code": _code(pending, 1), "next": "/staff/kien-nghi/"})
    assert wrong.status_code == 200 and "Mã xác thực không đúng" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()

    done = client.post(ENROL, {"code": _code(pending), "next": "/staff/kien-nghi/"})
    assert done.status_code == 302 and done["Location"] == CODES
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and device.key == key
    page = client.get(CODES).content.decode()
    shown = re.findall(r"<code>([a-z2-7]{4} [a-z2-7]{4})</code>", page)
    assert len(shown) == 10
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert {code.replace(" ", "") for code in shown} == stored
    assert 'href="/staff/kien-nghi/"' in page
    # Shown once.
    again = client.get(CODES)
    assert again.status_code == 302 and again["Location"] == "/staff/tai-khoan/"
    # The session passed the second factor.
    assert client.get(STAFF).status_code == 200
    assert len(_events(AccountEvents.SECOND_FACTOR_ENROLLED)) == 1
    # A second app is not added over the first.
    assert client.get(ENROL).status_code == 302
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_a_wrong_code_is_refused_and_the_right_one_lets_in(client, demo_user, otp_on):
    otp_on.OTP_TOTP_THROTTLE_FACTOR = 0  # a wrong code, then at once the right one
    user = demo_user("vanphong")
    device = _app(user)
    client.force_login(user)
    response = client.get("/staff/kien-nghi/")
    assert response["Location"] == f"{VERIFY}?next=%2Fstaff%2Fkien-nghi%2F"

    wrong = _verify(client, _code(device, 7), "/staff/kien-nghi/")
    assert wrong.status_code == 200 and "Mã không đúng" in wrong.content.decode()
    assert client.get(STAFF).status_code == 302
    assert len(_events(AccountEvents.SECOND_FACTOR_FAILED)) == 1

    right = _verify(client, _code(device), "/staff/kien-nghi/")
    assert right.status_code == 302 and right["Location"] == "/staff/kien-nghi/"
    assert client.get(STAFF).status_code == 200

    # The same code is not accepted twice (another session replaying it).
    other = Client()
    other.force_login(user)
    assert _verify(other, _code(device)).status_code == 200
    assert other.get(STAFF).status_code == 302


def test_repeated_wrong_codes_make_the_user_wait(client, demo_user, otp_on):
    user = demo_user("lanhdao")
    device = _app(user)
    client.force_login(user)
    _verify(client, _code(device, 3))
    refused = _verify(client, _code(device))
    assert "Đã nhập sai nhiều lần" in refused.content.decode()
    assert client.get(STAFF).status_code == 302


def test_a_foreign_next_address_is_ignored(client, demo_user, otp_on):
    user = demo_user("mttq")
    device = _app(user)
    client.force_login(user)
    response = _verify(client, _code(device), "https://evil.example/")
    assert response["Location"] == STAFF


def test_a_recovery_code_works_once(client, demo_user, otp_on):
    otp_on.OTP_STATIC_THROTTLE_FACTOR = 0  # a used code, then at once another
    user = demo_user("truongphong")
    _app(user)
    codes = recovery_codes_regenerate(actor=user)
    client.force_login(user)
    typed = f"{codes[0][:4]} {codes[0][4:].upper()}"  # as shown, in capitals
    response = _verify(client, typed)
    assert response.status_code == 302 and client.get(STAFF).status_code == 200
    [event] = _events(AccountEvents.SECOND_FACTOR_RECOVERY_CODE_USED)
    assert event.after == {"left": 9}

    other = Client()
    other.force_login(user)
    again = _verify(other, codes[0])
    assert again.status_code == 200 and other.get(STAFF).status_code == 302
    assert _verify(other, codes[1]).status_code == 302


def test_new_recovery_codes_need_a_verified_session(client, demo_user):
    user = demo_user("chuyenvien")
    device = _app(user)
    old = recovery_codes_regenerate(actor=user)
    client.force_login(user)
    client.post(NEW_CODES)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(old)

    _verify(client, _code(device))
    response = client.post(NEW_CODES)
    assert response["Location"] == CODES
    shown = re.findall(
        r"<code>([a-z2-7]{4} [a-z2-7]{4})</code>", client.get(CODES).content.decode()
    )
    new = {code.replace(" ", "") for code in shown}
    assert len(new) == 10 and not new & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == new


def test_changing_phone_resets_and_asks_for_a_new_app(client, demo_user, otp_on):
    user = demo_user("phuong")
    device = _app(user)
    client.force_login(user)
    _verify(client, _code(device))
    response = client.post(RESET)
    assert response["Location"] == ENROL
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    # Still signed in, but sent to enrol a new app.
    assert client.get(STAFF)["Location"].startswith(ENROL)


def test_an_administrator_resets_a_lost_phone(demo_user):
    admin, user = demo_user("quantri"), demo_user("phuong")
    _app(user)
    recovery_codes_regenerate(actor=user)
    other = Client()
    other.force_login(user)
    second_factor_reset(actor=admin, user=user, reason="Mất điện thoại")
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticToken.objects.filter(device__user=user).exists()
    assert other.get(STAFF).status_code == 302  # every session of the user ended
    [event] = _events(AccountEvents.SECOND_FACTOR_RESET)
    assert event.actor_id == admin.pk and event.reason == "Mất điện thoại"


@pytest.mark.parametrize("username", ["vanphong", "lanhdao", "mttq", "baochi"])
def test_nobody_else_resets_anothers_second_factor(demo_user, username):
    user = demo_user("phuong")
    _app(user)
    with pytest.raises(PermissionDenied):
        second_factor_reset(actor=demo_user(username), user=user)
    assert TOTPDevice.objects.filter(user=user).count() == 1
    user.refresh_from_db()
    assert user.session_generation == 0
    assert _events(AccountEvents.SECOND_FACTOR_RESET) == []


def test_an_htmx_request_is_told_where_to_go(client, demo_user, otp_on):
    user = demo_user("vanphong")
    _app(user)
    client.force_login(user)
    response = client.get("/staff/kien-nghi/", HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == VERIFY


def test_the_account_page_tells_the_state(client, demo_user, otp_on):
    user = demo_user("baochi")  # not required: the page is reachable without the factor
    client.force_login(user)
    page = client.get("/staff/tai-khoan/").content.decode()
    assert "Chưa bật" in page and "Đăng ký ứng dụng xác thực" in page
    assert "bắt buộc" not in page
