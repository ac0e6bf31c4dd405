"""Login lockout (django-axes): per account and per address, the right password refused during the
cool-off and without hashing, the Vietnamese lockout page, unlocking by an administrator (and by
nobody else), and the events of both."""

import datetime
from io import StringIO
from unittest import mock

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from doithoai.accounts.events import AccountEvents
from doithoai.accounts.models import User
from doithoai.accounts.services_security import login_unlock
from doithoai.core.models import Event

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
LOCKOUTS = "/staff/khoa-dang-nhap/"
UNLOCK = "/staff/khoa-dang-nhap/mo-khoa/"
PASSWORD = "mat-khau-dung-2026"
LIMIT = 5


@pytest.fixture
def officer(demo_user) -> User:  # type: ignore[no-untyped-def]
    user = demo_user("phuong")
    user.set_password(PASSWORD)
    user.save()
    return user


def _login(client: Client, username: str, password: str, address: str = "10.0.0.1"):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def _fail(client: Client, username: str, times: int = LIMIT, address: str = "10.0.0.1") -> None:
    for _i in range(times):
        response = _login(client, username, "sai-mat-khau", address)
        assert response.status_code in (200, 429)


def _events(action: str) -> list[Event]:
    return list(Event.objects.filter(action=action).order_by("id"))


def test_the_right_password_logs_in_below_the_limit(client, officer):
    _fail(client, "phuong", LIMIT - 1)
    response = _login(client, "phuong", PASSWORD)
    assert response.status_code == 302 and _signed_in(client)
    assert _events(AccountEvents.LOGIN_LOCKED_OUT) == []


def test_an_account_is_locked_the_right_password_refused_without_hashing(client, officer):
    _fail(client, "phuong")
    with mock.patch.object(
        ModelBackend, "authenticate", autospec=True, side_effect=ModelBackend.authenticate
    ) as backend:
        for _i in range(3):
            response = _login(client, "phuong", PASSWORD)
            assert response.status_code == 429
        # From another address too: the account is locked wherever the guesses came from.
        assert _login(Client(), "phuong", PASSWORD, address="10.9.9.9").status_code == 429
        assert backend.call_count == 0  # refused before any password was hashed
        # (An account that is not locked does reach the password check.)
        assert _login(Client(), "vanphong", "sai", address="10.5.5.5").status_code == 200
        assert backend.call_count == 1
    assert not _signed_in(client)
    page = response.content.decode()
    assert "Tạm khóa đăng nhập" in page and "15 phút" in page
    assert "Account locked" not in page
    # One event for the lockout, none for each refused try; on the account, with the address.
    [event] = _events(AccountEvents.LOGIN_LOCKED_OUT)
    assert event.object_id == str(officer.pk)
    assert event.after == {"username": "phuong", "ip_address": "10.0.0.1", "failures": LIMIT}
    # Refused tries wrote nothing: the cool-off runs from the last real failure.
    attempts = AccessAttempt.objects.filter(username="phuong")
    assert sum(attempts.values_list("failures_since_start", flat=True)) == LIMIT


def test_an_address_is_locked_for_every_account(client, officer):
    for n in range(LIMIT):
        _login(client, f"khong-co-{n}", "sai", address="10.0.0.7")
    assert _login(Client(), "phuong", PASSWORD, address="10.0.0.7").status_code == 429
    # The same account from another address is not locked.
    other = Client()
    assert _login(other, "phuong", PASSWORD, address="10.0.0.8").status_code == 302
    assert _signed_in(other)
    [event] = _events(AccountEvents.LOGIN_LOCKED_OUT)
    assert event.after["ip_address"] == "10.0.0.7"
    assert event.object_id != str(officer.pk)  # recorded on the attempt (no such account)


def test_the_lock_ends_after_the_cool_off(client, officer):
    start = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        _fail(client, "phuong")
        clock.shift(datetime.timedelta(minutes=14))
        assert _login(client, "phuong", PASSWORD).status_code == 429
        clock.shift(datetime.timedelta(minutes=2))
        assert _login(client, "phuong", PASSWORD).status_code == 302
        # Read inside the travel: outside, the session (12 hours) may have expired in real time.
        assert _signed_in(client)


def test_an_administrator_sees_and_unlocks_an_account(client, officer, demo_user):
    _fail(Client(), "phuong")
    admin = demo_user("quantri")
    client.force_login(admin)
    page = client.get(LOCKOUTS).content.decode()
    assert "phuong" in page and "10.0.0.1" in page
    response = client.post(UNLOCK, {"username": "phuong", "reason": "Gọi điện xác minh"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="phuong").exists()
    [event] = _events(AccountEvents.LOGIN_UNLOCKED)
    assert event.actor_id == admin.pk and event.object_id == str(officer.pk)
    assert event.reason == "Gọi điện xác minh" and event.before["failures"] == LIMIT
    # The user logs in at once, and the page lists both events.
    assert _login(Client(), "phuong", PASSWORD).status_code == 302
    page = client.get(LOCKOUTS).content.decode()
    assert "Đăng nhập bị tạm khóa sau 5 lần nhập sai mật khẩu" in page
    assert "đã mở khóa đăng nhập" in page


def test_an_administrator_unlocks_an_address(client, officer, demo_user):
    for n in range(LIMIT):
        _login(Client(), f"ai-do-{n}", "sai", address="10.0.0.9")
    client.force_login(demo_user("quantri"))
    client.post(UNLOCK, {"ip_address": "10.0.0.9"})
    assert not AccessAttempt.objects.filter(ip_address="10.0.0.9").exists()
    assert _login(Client(), "phuong", PASSWORD, address="10.0.0.9").status_code == 302
    assert _events(AccountEvents.LOGIN_UNLOCKED)[0].before["ip_address"] == "10.0.0.9"


@pytest.mark.parametrize("username", ["vanphong", "lanhdao", "mttq", "phuong", "baochi"])
def test_nobody_else_sees_or_unlocks(client, officer, demo_user, username):
    _fail(Client(), "phuong")
    client.force_login(demo_user(username))
    assert client.get(LOCKOUTS).status_code == 403
    assert client.post(UNLOCK, {"username": "phuong"}).status_code == 403
    with pytest.raises(PermissionDenied):
        login_unlock(actor=demo_user(username), username="phuong")
    assert AccessAttempt.objects.filter(username="phuong").count() == 1
    assert _events(AccountEvents.LOGIN_UNLOCKED) == []
    assert _login(Client(), "phuong", PASSWORD).status_code == 429


def test_unlocking_what_is_not_locked_is_refused(demo_user):
    admin = demo_user("quantri")
    with pytest.raises(ValidationError):
        login_unlock(actor=admin, username="phuong")
    with pytest.raises(ValidationError):
        login_unlock(actor=admin)
    assert _events(AccountEvents.LOGIN_UNLOCKED) == []


def test_a_bad_address_on_the_unlock_form_is_a_message(client, demo_user):
    client.force_login(demo_user("quantri"))
    response = client.post(UNLOCK, {"ip_address": "không phải địa chỉ"}, follow=True)
    assert response.status_code == 200
    errors = [m for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1
    assert _events(AccountEvents.LOGIN_UNLOCKED) == []


def test_the_test_clients_login_still_works(client, officer):
    """Authentication without a request (a shell, Client.login) is not refused by the lockout."""
    assert client.login(username="phuong", password=PASSWORD)
    assert client.get("/staff/").status_code == 200


def test_the_command_unlocks_and_records(officer):
    _fail(Client(), "phuong")
    out = StringIO()
    call_command("login_unlock", "--username", "phuong", "--reason", "Điện thoại", stdout=out)
    assert "unlocked" in out.getvalue()
    assert _login(Client(), "phuong", PASSWORD).status_code == 302
    [event] = _events(AccountEvents.LOGIN_UNLOCKED)
    assert event.actor_id is None and event.reason == "Điện thoại"
    with pytest.raises(CommandError):
        call_command("login_unlock", "--ip", "10.0.0.1", stdout=out)
