"""Staff sessions: "log out everywhere" (by the user, keeping their own session, or by an
administrator; nobody else), and the end of a session left unused."""

import datetime

import pytest
import time_machine
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.test import Client

from doithoai.accounts.events import AccountEvents
from doithoai.accounts.services_security import sessions_end_all
from doithoai.core.models import Event

pytestmark = pytest.mark.django_db

STAFF = "/staff/"
END_ALL = "/staff/tai-khoan/dang-xuat-moi-noi/"


def _signed_in_client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def test_log_out_everywhere_ends_the_other_sessions_and_keeps_this_one(demo_user):
    user = demo_user("phuong")
    here, elsewhere = _signed_in_client(user), _signed_in_client(user)
    assert elsewhere.get(STAFF).status_code == 200
    page = here.get("/staff/tai-khoan/").content.decode()
    assert "Đăng xuất khỏi mọi thiết bị khác" in page
    response = here.post(END_ALL, follow=True)
    assert "Đã đăng xuất tài khoản khỏi mọi thiết bị" in response.content.decode()
    assert here.get(STAFF).status_code == 200
    moved = elsewhere.get(STAFF)
    assert moved.status_code == 302 and moved["Location"].startswith("/accounts/login/")
    [event] = Event.objects.filter(action=AccountEvents.SESSIONS_ENDED)
    assert event.actor_id == user.pk and event.object_id == str(user.pk)
    # Another user's session is untouched.
    assert _signed_in_client(demo_user("vanphong")).get(STAFF).status_code == 200


def test_an_administrator_logs_a_user_out_everywhere(demo_user, client):
    user = demo_user("phuong")
    elsewhere = _signed_in_client(user)
    client.force_login(demo_user("quantri"))
    response = client.post(
        "/admin/accounts/user/", {"action": "end_sessions", "_selected_action": [user.pk]}
    )
    assert response.status_code == 302
    assert elsewhere.get(STAFF).status_code == 302
    user.refresh_from_db()
    assert user.session_generation == 1


@pytest.mark.parametrize("username", ["vanphong", "lanhdao", "mttq", "baochi"])
def test_nobody_else_logs_a_user_out(demo_user, username):
    user = demo_user("phuong")
    elsewhere = _signed_in_client(user)
    with pytest.raises(PermissionDenied):
        sessions_end_all(actor=demo_user(username), user=user)
    user.refresh_from_db()
    assert user.session_generation == 0
    assert elsewhere.get(STAFF).status_code == 200
    assert not Event.objects.filter(action=AccountEvents.SESSIONS_ENDED).exists()


def test_sessions_made_before_the_feature_stay_valid(demo_user):
    """Generation 0 gives Django's own hash; each "log out everywhere" another one."""
    user = demo_user("phuong")
    assert user.get_session_auth_hash() == AbstractBaseUser.get_session_auth_hash(user)
    sessions_end_all(actor=user, user=user)
    first = user.get_session_auth_hash()
    assert first != AbstractBaseUser.get_session_auth_hash(user)
    sessions_end_all(actor=user, user=user)
    assert user.get_session_auth_hash() not in (first, AbstractBaseUser.get_session_auth_hash(user))


def test_an_unused_session_ends(demo_user, settings):
    settings.DOITHOAI_SESSION_IDLE_MINUTES = 30
    start = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        client = _signed_in_client(demo_user("phuong"))
        clock.shift(datetime.timedelta(minutes=29))
        assert client.get(STAFF).status_code == 200
        clock.shift(datetime.timedelta(minutes=29))  # used 29 minutes ago: still open
        assert client.get(STAFF).status_code == 200
        clock.shift(datetime.timedelta(minutes=31))
        response = client.get(STAFF, follow=True)
        assert "_auth_user_id" not in client.session
    assert response.redirect_chain[0][0].startswith("/accounts/login/")
    assert "không hoạt động quá 30 phút" in response.content.decode()


def test_a_used_session_is_written_at_most_once_a_minute(demo_user, settings):
    settings.DOITHOAI_SESSION_IDLE_MINUTES = 30
    start = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        client = _signed_in_client(demo_user("phuong"))
        seen = client.session["doithoai_seen"]
        clock.shift(datetime.timedelta(seconds=30))
        client.get(STAFF)
        assert client.session["doithoai_seen"] == seen
        clock.shift(datetime.timedelta(seconds=40))
        client.get(STAFF)
        assert client.session["doithoai_seen"] == seen + 70


def test_off_a_session_is_not_ended(demo_user, settings):
    settings.DOITHOAI_SESSION_IDLE_MINUTES = 0
    start = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False) as clock:
        client = _signed_in_client(demo_user("phuong"))
        clock.shift(datetime.timedelta(hours=3))
        assert client.get(STAFF).status_code == 200
        # Read inside the travel: outside, the session may have expired in real time.
        assert "_auth_user_id" in client.session and "doithoai_seen" not in client.session
