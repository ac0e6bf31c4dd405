"""Each process keeps a user's roles (`accounts.access`): a staff page reads them once, and a
role granted or revoked, by a service, the admin or the ORM, reaches the pages at once in this
process, in another process once it reads the shared version, and after KEPT_SECONDS whatever
the path."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doithoai.accounts import access
from doithoai.accounts.models import Membership, User
from doithoai.accounts.services import membership_grant, membership_revoke

pytestmark = pytest.mark.django_db

PAGE = "/staff/khoa-api/"  # any staff member; nobody without a role


def _membership_reads(client) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        status = client.get(PAGE).status_code
    return status, sum('"accounts_membership"' in q["sql"] for q in queries.captured_queries)


@pytest.fixture
def officer(demo_user, client) -> User:  # type: ignore[no-untyped-def]
    user = demo_user("phuong")
    client.force_login(user)
    return user


def test_a_staff_page_reads_the_roles_once(officer, client):
    assert _membership_reads(client) == (200, 1)
    assert _membership_reads(client) == (200, 0)
    assert _membership_reads(client) == (200, 0)


def test_a_role_revoked_by_the_service_is_refused_at_once(officer, client, demo_user):
    assert _membership_reads(client) == (200, 1)
    admin = demo_user("quantri")
    for membership in Membership.objects.filter(user=officer, active=True):
        membership_revoke(actor=admin, membership=membership, reason="Chuyển công tác")
    assert _membership_reads(client) == (403, 1)


def test_a_role_granted_by_the_service_is_honoured_at_once(client, demo_user):
    newcomer = User.objects.create_user(username="moi-den", password="x")
    client.force_login(newcomer)
    assert client.get(PAGE).status_code == 403
    organisation = demo_user("phuong").memberships.first().organisation
    membership_grant(
        actor=demo_user("quantri"), user=newcomer, organisation=organisation, role="ward_officer"
    )
    assert client.get(PAGE).status_code == 200


def test_a_membership_written_through_the_orm_reaches_the_pages(officer, client):
    """The admin's inline and set-up commands save memberships without the services."""
    assert client.get(PAGE).status_code == 200
    for membership in Membership.objects.filter(user=officer):
        membership.active = False
        membership.save()
    assert client.get(PAGE).status_code == 403
    Membership.objects.filter(user=officer).first().delete()  # and a deletion, on an empty set
    assert client.get(PAGE).status_code == 403


def test_another_process_s_change_is_seen_when_the_version_is_read(officer, client, monkeypatch):
    assert client.get(PAGE).status_code == 200
    Membership.objects.filter(user=officer).update(active=False)  # no signal: as if elsewhere
    assert client.get(PAGE).status_code == 200  # this process has not been told
    # The other process bumped the shared version; this one reads it every few seconds.
    caches["shared"].set(access.ACCESS.key, access.ACCESS.current() + 1, timeout=None)
    monkeypatch.setattr(access.ACCESS, "seconds", 0)
    assert client.get(PAGE).status_code == 403


def test_kept_roles_are_read_again_after_a_while_whatever_changed(officer, client, monkeypatch):
    assert client.get(PAGE).status_code == 200
    Membership.objects.filter(user=officer).update(active=False)  # SQL by hand: no version
    assert client.get(PAGE).status_code == 200
    monkeypatch.setattr(access, "KEPT_SECONDS", 0)
    assert client.get(PAGE).status_code == 403


def test_each_caller_gets_its_own_copies(officer):
    first = access.memberships_kept(officer.pk)
    second = access.memberships_kept(officer.pk)
    assert [m.pk for m in first] == [m.pk for m in second] and first
    assert all(a is not b for a, b in zip(first, second, strict=True))
    first[0].role = "changed by a request"
    assert access.memberships_kept(officer.pk)[0].role != "changed by a request"
