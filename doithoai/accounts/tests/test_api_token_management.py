"""API keys without a shell: the staff page (create with the key shown once, list, revoke), the
`api-token` command, and who may do which."""

import re
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from doithoai.accounts.events import AccountEvents
from doithoai.accounts.models import ApiToken, User
from doithoai.accounts.selectors_tokens import api_tokens_for
from doithoai.accounts.services import api_token_create, api_token_revoke, hash_key
from doithoai.core.models import Event

pytestmark = pytest.mark.django_db

LIST = "/staff/khoa-api/"
API = "/api/v1/petitions"


def _revoke_url(token: ApiToken) -> str:
    return f"/staff/khoa-api/{token.pk}/thu-hoi/"


def _api_status(key: str) -> int:
    """The API's answer to `key` from a client with no session (the API also accepts one)."""
    return Client().get(API, HTTP_AUTHORIZATION=f"Bearer {key}").status_code


def _key_in(html: str) -> str:
    match = re.search(r'id="new-key" type="text" value="([^"]+)"', html)
    assert match, "the new key is not on the page"
    return match.group(1)


def _events(action: str) -> int:
    return Event.objects.filter(action=action).count()


def test_the_page_creates_a_key_shown_once_that_authenticates(client, demo_user):
    user = demo_user("tinh")
    client.force_login(user)
    response = client.post(LIST, {"name": "Cổng dịch vụ công"})
    assert response.status_code == 200
    html = response.content.decode()
    key = _key_in(html)
    token = ApiToken.objects.get(user=user)
    assert (token.name, token.prefix, token.key_hash) == (
        "Cổng dịch vụ công",
        key[:8],
        hash_key(key),
    )
    assert "Hãy sao chép khóa này ngay bây giờ" in html
    assert f'curl -H "Authorization: Bearer {key}" http://testserver/api/v1/petitions' in html
    assert "no-store" in response["Cache-Control"]
    assert key not in str(dict(client.session))
    assert _events(AccountEvents.API_TOKEN_CREATED) == 1
    assert _api_status(key) == 200
    # Shown once: the list shows the prefix, never the key or its hash.
    page = client.get(LIST).content.decode()
    assert f"{token.prefix}…" in page and "Cổng dịch vụ công" in page
    assert key not in page and token.key_hash not in page


def test_revoking_through_the_page_makes_the_key_answer_401(
    client, demo_user, django_capture_on_commit_callbacks
):
    user = demo_user("phuong")
    token, key = api_token_create(actor=user, user=user, name="phần mềm xã")
    assert _api_status(key) == 200  # the process now keeps the token it has read
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(_revoke_url(token), {"reason": "máy bị mất"})
    assert response.status_code == 302 and response["Location"] == LIST
    assert callbacks, "access_changed was not queued"
    token.refresh_from_db()
    assert token.revoked
    event = Event.objects.get(action=AccountEvents.API_TOKEN_REVOKED)
    assert (event.actor_id, event.object_id, event.reason) == (user.pk, str(user.pk), "máy bị mất")
    assert event.before == {"name": "phần mềm xã", "prefix": token.prefix}
    assert _api_status(key) == 401
    page = client.get(LIST).content.decode()
    assert "Đã thu hồi khóa phần mềm xã" in page and "Đã thu hồi" in page
    assert _revoke_url(token) not in page  # no revoke button on a revoked key


def test_revoking_again_changes_nothing(demo_user, django_capture_on_commit_callbacks):
    user = demo_user("phuong")
    token, _key = api_token_create(actor=user, user=user, name="x")
    api_token_revoke(actor=user, token=token)
    with django_capture_on_commit_callbacks() as callbacks:
        api_token_revoke(actor=user, token=ApiToken.objects.get(pk=token.pk))
    assert callbacks == []
    assert _events(AccountEvents.API_TOKEN_REVOKED) == 1


def test_another_users_key_is_404_for_a_non_administrator(client, demo_user):
    owner, other = demo_user("tinh"), demo_user("phuong")
    token, key = api_token_create(actor=owner, user=owner, name="văn phòng")
    client.force_login(other)
    assert client.post(_revoke_url(token)).status_code == 404
    page = client.get(LIST).content.decode()
    assert "văn phòng" not in page and token.prefix not in page
    token.refresh_from_db()
    assert not token.revoked and _events(AccountEvents.API_TOKEN_REVOKED) == 0
    assert _api_status(key) == 200
    with pytest.raises(PermissionDenied):
        api_token_revoke(actor=other, token=token)
    assert not ApiToken.objects.get(pk=token.pk).revoked


def test_an_administrator_creates_a_key_for_a_partner_and_revokes_any(
    client, demo_user, django_capture_on_commit_callbacks
):
    admin, tinh = demo_user("quantri"), demo_user("tinh")
    partner = User.objects.create_user(username="cong_dvc", password="x", full_name="Cổng DVC")
    theirs, their_key = api_token_create(actor=tinh, user=tinh, name="của văn phòng")
    client.force_login(admin)
    page = client.get(LIST).content.decode()
    assert "của văn phòng" in page and "tinh" in page  # every key, with its owner
    assert 'name="owner"' in page and "cong_dvc — Cổng DVC" in page
    response = client.post(LIST, {"name": "đối tác", "owner": partner.pk})
    assert response.status_code == 200
    key = _key_in(response.content.decode())
    created = ApiToken.objects.get(user=partner)
    assert created.key_hash == hash_key(key)
    event = Event.objects.get(action=AccountEvents.API_TOKEN_CREATED, object_id=str(partner.pk))
    assert event.actor_id == admin.pk
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(_revoke_url(theirs)).status_code == 302
    theirs.refresh_from_db()
    assert theirs.revoked
    assert Event.objects.get(action=AccountEvents.API_TOKEN_REVOKED).actor_id == admin.pk
    assert _api_status(their_key) == 401


def test_a_non_administrator_cannot_choose_the_owner(client, demo_user):
    user, other = demo_user("phuong"), demo_user("tinh")
    client.force_login(user)
    assert 'name="owner"' not in client.get(LIST).content.decode()
    response = client.post(LIST, {"name": "thử", "owner": other.pk})
    assert response.status_code == 200
    assert list(ApiToken.objects.values_list("user_id", flat=True)) == [user.pk]


def test_an_anonymous_visitor_is_sent_to_login(client, demo_user):
    token, _key = api_token_create(actor=None, user=demo_user("tinh"), name="x")
    for response in (client.get(LIST), client.post(LIST, {"name": "x"})):
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post(_revoke_url(token)).status_code == 302
    assert ApiToken.objects.count() == 1 and not ApiToken.objects.get().revoked


def test_a_user_without_a_role_is_refused(client, demo_user):
    user = User.objects.create_user(username="khong_vai_tro", password="x")
    token, _key = api_token_create(actor=None, user=user, name="x")
    client.force_login(user)
    assert client.get(LIST).status_code == 403
    assert client.post(LIST, {"name": "x"}).status_code == 403
    assert client.post(_revoke_url(token)).status_code == 403
    assert ApiToken.objects.count() == 1 and not ApiToken.objects.get().revoked


def test_press_is_staff_and_manages_its_own_keys(client, demo_user):
    client.force_login(demo_user("baochi"))
    assert client.get(LIST).status_code == 200
    assert "Khóa API" in client.get("/staff/").content.decode()


@pytest.mark.parametrize(
    ("username", "data", "message"),
    [
        ("tinh", {"name": ""}, "Trường này là bắt buộc."),
        ("tinh", {"name": "   "}, "Trường này là bắt buộc."),
        ("tinh", {}, "Trường này là bắt buộc."),
        ("tinh", {"name": "x" * 101}, "tối đa 100 kí tự (hiện có 101)"),
        ("quantri", {"name": "x", "owner": "999999"}, "Lựa chọn không hợp lệ"),
        ("quantri", {"name": "x", "owner": "abc"}, "Lựa chọn không hợp lệ"),
    ],
)
def test_bad_input_is_refused_with_a_vietnamese_message(client, demo_user, username, data, message):
    client.force_login(demo_user(username))
    response = client.post(LIST, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and 'id="new-key"' not in html
    assert ApiToken.objects.count() == 0 and _events(AccountEvents.API_TOKEN_CREATED) == 0


def test_an_administrator_without_choosing_gets_a_key_for_themself(client, demo_user):
    admin = demo_user("quantri")
    client.force_login(admin)
    response = client.post(LIST, {"name": "của tôi"})
    assert 'id="new-key"' in response.content.decode()
    assert list(ApiToken.objects.values_list("user_id", flat=True)) == [admin.pk]


def test_a_nul_character_is_refused_before_the_view(client, demo_user):
    client.force_login(demo_user("tinh"))
    assert client.post(LIST, {"name": "a\x00b"}).status_code == 400
    assert ApiToken.objects.count() == 0


def test_unknown_ids_and_get_on_revoke_are_4xx(client, demo_user):
    user = demo_user("tinh")
    token, _key = api_token_create(actor=user, user=user, name="x")
    client.force_login(user)
    assert client.post("/staff/khoa-api/999999/thu-hoi/").status_code == 404
    assert client.post("/staff/khoa-api/abc/thu-hoi/").status_code == 404
    assert client.get(_revoke_url(token)).status_code == 405
    response = client.post(_revoke_url(token), {"reason": "x" * 501})
    assert response.status_code == 302
    assert "Lý do quá dài" in client.get(LIST).content.decode()
    assert not ApiToken.objects.get(pk=token.pk).revoked
    assert client.put(LIST).status_code == 405


def test_the_selector_scopes_tokens(demo_user):
    admin, tinh, phuong = demo_user("quantri"), demo_user("tinh"), demo_user("phuong")
    a, _ = api_token_create(actor=None, user=tinh, name="a")
    b, _ = api_token_create(actor=None, user=phuong, name="b")
    assert list(api_tokens_for(user=tinh)) == [a]
    assert list(api_tokens_for(user=tinh, owner=phuong)) == []
    assert list(api_tokens_for(user=admin)) == [b, a]
    assert list(api_tokens_for(user=admin, owner=phuong)) == [b]


def _run(*args: str) -> str:
    out = StringIO()
    call_command("api_token", *args, stdout=out)
    return out.getvalue()


def test_the_command_creates_lists_and_revokes(demo_user, django_capture_on_commit_callbacks):
    out = _run("create", "tinh", "--name", "cổng tỉnh")
    key = out.strip().splitlines()[-1]
    token = ApiToken.objects.get(user=demo_user("tinh"))
    assert token.key_hash == hash_key(key) and token.name == "cổng tỉnh"
    assert _api_status(key) == 200
    listing = _run("list")
    assert token.prefix in listing and "cổng tỉnh" in listing and "tinh" in listing
    assert key not in listing and token.key_hash not in listing
    assert token.prefix in _run("list", "tinh") and token.prefix not in _run("list", "phuong")
    with django_capture_on_commit_callbacks(execute=True):
        assert "Đã thu hồi" in _run("revoke", token.prefix, "--reason", "hết hạn")
    token.refresh_from_db()
    assert token.revoked
    event = Event.objects.get(action=AccountEvents.API_TOKEN_REVOKED)
    assert (event.actor_id, event.reason) == (None, "hết hạn")
    assert _api_status(key) == 401
    assert "đã bị thu hồi trước đó" in _run("revoke", token.prefix)
    assert _events(AccountEvents.API_TOKEN_REVOKED) == 1


def test_the_command_refuses_unknown_and_ambiguous_input(demo_user):
    with pytest.raises(CommandError, match="Không có tài khoản"):
        _run("create", "khong_co", "--name", "x")
    with pytest.raises(CommandError, match="Không có tài khoản"):
        _run("list", "khong_co")
    with pytest.raises(CommandError, match="Tên khóa"):
        _run("create", "tinh", "--name", "x" * 101)
    with pytest.raises(CommandError, match="Không có khóa nào"):
        _run("revoke", "zzzzzzzz")
    with pytest.raises(CommandError, match="quá ngắn"):
        _run("revoke", "ab")
    user = demo_user("tinh")
    for name in ("một", "hai"):
        token, _key = api_token_create(actor=None, user=user, name=name)
        ApiToken.objects.filter(pk=token.pk).update(prefix="AAAA" + name[:1] + "xyz")
    with pytest.raises(CommandError, match="nhiều khóa"):
        _run("revoke", "AAAA")
    assert not ApiToken.objects.filter(revoked=True).exists()
    assert ApiToken.objects.count() == 2


def test_a_key_never_starts_with_a_dash_so_the_command_line_takes_its_prefix():
    # One plain random key in 64 starts with "-", which argparse reads as an option.
    from doithoai.accounts.services import _new_key

    keys = [_new_key() for _ in range(2000)]
    assert not [key for key in keys if key.startswith("-")]
    assert len(set(keys)) == len(keys) and min(len(key) for key in keys) >= 40
