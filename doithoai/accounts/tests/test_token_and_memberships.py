"""API keys resolve to their user and memberships (two queries, then kept by the process);
memberships come with their organisation and unit attached (`select_related`)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doithoai.accounts.access import ACCESS
from doithoai.accounts.models import ApiToken, Membership, User
from doithoai.accounts.policies import active_memberships, unit_ids_with_role
from doithoai.accounts.selectors import user_for_api_key
from doithoai.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


def test_a_valid_key_gives_its_user_as_a_loaded_instance(demo_user):
    user = demo_user("phuong")
    token, key = api_token_create(actor=user, user=user, name="test")
    found = user_for_api_key(key)
    assert isinstance(found, User) and found.pk == user.pk
    assert (found.username, found.full_name, found.is_active) == (
        user.username,
        user.full_name,
        True,
    )
    assert not found._state.adding and found.is_authenticated
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize("key", ["", "x" * 201, "not-a-key"])
def test_an_unknown_key_gives_nobody(key):
    assert user_for_api_key(key) is None


def test_a_revoked_key_or_an_inactive_user_gives_nobody(demo_user):
    user = demo_user("phuong")
    token, key = api_token_create(actor=user, user=user, name="test")
    ApiToken.objects.filter(pk=token.pk).update(revoked=True)
    assert user_for_api_key(key) is None
    _token, other = api_token_create(actor=user, user=user, name="second")
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert user_for_api_key(other) is None


def test_memberships_are_read_once_with_organisation_and_unit(demo_user):
    user = User.objects.get(pk=demo_user("phuong").pk)
    expected = list(
        Membership.objects.filter(user=user, active=True)
        .select_related("organisation__unit")
        .order_by("pk")
    )
    assert expected
    ACCESS.current()  # the shared version, read every few seconds
    with CaptureQueriesContext(connection) as queries:
        memberships = active_memberships(user)
        described = [
            (m.pk, m.role, m.organisation.name, m.organisation.unit.code) for m in memberships
        ]
        units = unit_ids_with_role(user, *{m.role for m in memberships})
    assert len(queries.captured_queries) == 1
    assert described == [
        (m.pk, m.role, m.organisation.name, m.organisation.unit.code) for m in expected
    ]
    assert units == {m.organisation.unit_id for m in expected}


def test_inactive_memberships_are_left_out(demo_user):
    user = User.objects.get(pk=demo_user("phuong").pk)
    Membership.objects.filter(user=user).update(active=False)
    assert active_memberships(user) == []


def test_a_key_reads_its_user_and_active_memberships_in_two_queries(demo_user):
    user = demo_user("phuong")
    _token, key = api_token_create(actor=user, user=user, name="test")
    # Used a minute ago: no write to count. Not read yet by this process.
    from django.utils import timezone

    ApiToken.objects.filter(user=user).update(last_used_at=timezone.now())
    Membership.objects.create(
        user=user,
        organisation=Membership.objects.filter(user=user).first().organisation,
        role="mttq_officer",
        active=False,
    )
    expected = list(
        Membership.objects.filter(user=user, active=True)
        .select_related("organisation__unit")
        .order_by("pk")
    )
    assert len(expected) >= 1
    from doithoai.accounts import access

    access.ACCESS.current()  # the shared version, read every few seconds
    with CaptureQueriesContext(connection) as queries:
        found = user_for_api_key(key)
        memberships = active_memberships(found)
    assert len(queries.captured_queries) == 2  # the token with its user; the memberships
    assert [(m.pk, m.role, m.organisation.code, m.organisation.unit.code) for m in memberships] == [
        (m.pk, m.role, m.organisation.code, m.organisation.unit.code) for m in expected
    ]


def test_a_key_of_a_user_without_memberships_gives_the_user_with_none():
    user = User.objects.create_user(username="doitac", password="x")
    _token, key = api_token_create(actor=user, user=user, name="partner")
    found = user_for_api_key(key)
    assert found is not None and found.pk == user.pk
    assert active_memberships(found) == []
    # Kept by the process like anyone's: the next request reads nothing.
    again = user_for_api_key(key)
    with CaptureQueriesContext(connection) as queries:
        assert active_memberships(again) == []
    assert queries.captured_queries == []


def _admin_post_data(response):
    """The POST data of an admin change page as rendered (its form and inline formsets)."""
    from django.forms import MultiWidget

    def fields_of(form):
        data = {}
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(field.widget, MultiWidget):
                parts = field.widget.decompress(value)
                for i, part in enumerate(parts):
                    data[f"{key}_{i}"] = "" if part is None else str(part)
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif value is not None:
                data[key] = str(value)
        return data

    data = fields_of(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data.update(fields_of(formset.management_form))
        for form in formset.forms:
            data.update(fields_of(form))
    return data


def test_a_token_is_read_once_then_kept(demo_user, django_assert_num_queries):
    user = demo_user("phuong")
    _token, key = api_token_create(actor=user, user=user, name="test")
    first = user_for_api_key(key)  # reads the token and records its first use
    assert active_memberships(first)  # and the user's roles
    with django_assert_num_queries(0):
        second = user_for_api_key(key)
        memberships = active_memberships(second)
    assert second.pk == first.pk and second is not first
    assert memberships and memberships is not active_memberships(first)
    assert [m.pk for m in memberships] == [m.pk for m in active_memberships(first)]


def test_unknown_keys_are_not_kept():
    from doithoai.accounts import access

    for n in range(20):
        assert user_for_api_key(f"khong-co-{n}") is None
    assert access.ACCESS.memo().get("tokens", {}) == {}


def test_a_revoked_token_is_refused_once_access_changes(demo_user, monkeypatch):
    from django.core.cache import caches

    from doithoai.accounts import access

    user = demo_user("phuong")
    token, key = api_token_create(actor=user, user=user, name="test")
    assert user_for_api_key(key) is not None
    ApiToken.objects.filter(pk=token.pk).update(revoked=True)
    assert user_for_api_key(key) is not None  # this process has not been told
    # Another process revoked it: the shared version changes, seen when this process reads it.
    caches["shared"].set(access.ACCESS.key, access.ACCESS.current() + 1, timeout=None)
    monkeypatch.setattr(access.ACCESS, "seconds", 0)
    assert user_for_api_key(key) is None


def test_a_kept_token_is_read_again_after_a_while_whatever_changed(demo_user, monkeypatch):
    from doithoai.accounts import access

    user = demo_user("phuong")
    token, key = api_token_create(actor=user, user=user, name="test")
    assert user_for_api_key(key) is not None
    ApiToken.objects.filter(pk=token.pk).update(revoked=True)  # outside any service
    monkeypatch.setattr(access, "KEPT_SECONDS", 0)
    assert user_for_api_key(key) is None


def test_deactivating_a_user_in_the_admin_refuses_their_token_at_once(
    demo_user, client, django_capture_on_commit_callbacks
):
    admin = User.objects.create_superuser(username="sieuquantri", password="x")
    user = demo_user("phuong")
    _token, key = api_token_create(actor=user, user=user, name="test")
    assert user_for_api_key(key) is not None
    client.force_login(admin)
    url = f"/admin/accounts/user/{user.pk}/change/"
    data = _admin_post_data(client.get(url))
    assert data.pop("is_active") == "on"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert not User.objects.get(pk=user.pk).is_active
    assert user_for_api_key(key) is None


def test_a_role_granted_or_revoked_reaches_a_kept_token_at_once(
    demo_user, django_capture_on_commit_callbacks
):
    from doithoai.accounts.services import membership_grant, membership_revoke

    admin = demo_user("quantri")
    user = demo_user("phuong")
    _token, key = api_token_create(actor=user, user=user, name="test")
    roles = {m.role for m in active_memberships(user_for_api_key(key))}
    assert "mttq_officer" not in roles
    organisation = Membership.objects.filter(user=user).first().organisation
    with django_capture_on_commit_callbacks(execute=True):
        granted = membership_grant(
            actor=admin, user=user, organisation=organisation, role="mttq_officer"
        )
    assert "mttq_officer" in {m.role for m in active_memberships(user_for_api_key(key))}
    with django_capture_on_commit_callbacks(execute=True):
        membership_revoke(actor=admin, membership=granted)
    assert {m.role for m in active_memberships(user_for_api_key(key))} == roles
