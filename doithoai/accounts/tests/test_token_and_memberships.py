"""API keys resolve to their user through one compiled query; memberships come with their
organisation and unit attached, as `select_related` gave them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

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


def test_a_key_reads_its_user_and_active_memberships_in_one_query(demo_user):
    user = demo_user("phuong")
    _token, key = api_token_create(actor=user, user=user, name="test")
    user_for_api_key(key)  # marks the token as used: a write this test does not count
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
    with CaptureQueriesContext(connection) as queries:
        found = user_for_api_key(key)
        memberships = active_memberships(found)
    assert len(queries.captured_queries) == 1
    assert [(m.pk, m.role, m.organisation.code, m.organisation.unit.code) for m in memberships] == [
        (m.pk, m.role, m.organisation.code, m.organisation.unit.code) for m in expected
    ]


def test_a_key_of_a_user_without_memberships_gives_the_user_with_none():
    user = User.objects.create_user(username="doitac", password="x")
    _token, key = api_token_create(actor=user, user=user, name="partner")
    found = user_for_api_key(key)
    assert found is not None and found.pk == user.pk
    with CaptureQueriesContext(connection) as queries:
        assert active_memberships(found) == []
    assert queries.captured_queries == []
