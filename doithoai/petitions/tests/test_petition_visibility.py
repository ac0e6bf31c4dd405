"""Per role: what it lists and opens; 404 alike for not-yours and missing; personal data."""

import pytest

from doithoai.petitions.selectors import PetitionFilters, petition_list_visible_to
from doithoai.petitions.tests.factories import PetitionFactory, ward
from doithoai.units.models import Organisation

# role, sees Đức Xuân, sees Sông Cầu, sees one assigned to QLĐT, sees Đức Xuân personal data
MATRIX = [
    ("vanphong", True, True, True, True),
    ("lanhdao", True, True, True, True),
    ("mttq", True, True, True, True),
    ("phuong", True, False, False, True),
    ("chuyenvien", False, False, True, False),
    ("truongphong", False, False, True, False),
    ("baochi", False, False, False, False),
    ("quantri", True, True, True, False),
    # Today's provincial office finds the 2016 petitions filed under Bắc Kạn city's wards.
    ("tinh", True, True, True, True),
]


@pytest.fixture
def three(db):
    qldt = Organisation.objects.get(unit__code="058", code="qldt")
    return (
        PetitionFactory(unit=ward("01840")),
        PetitionFactory(unit=ward("01837")),
        PetitionFactory(unit=ward("01852"), assigned_to=qldt),
    )


@pytest.mark.parametrize(("username", "own", "other", "assigned", "personal"), MATRIX)
def test_role_lists_and_opens_only_what_policy_allows(
    client, demo_user, three, username, own, other, assigned, personal
):
    user = demo_user(username)
    client.force_login(user)
    listed = {
        p.pk
        for p in petition_list_visible_to(user=user, filters=PetitionFilters(), limit=200).items
    }
    listed |= {
        p.pk
        for p in petition_list_visible_to(
            user=user, filters=PetitionFilters(oldest_first=True), limit=200
        ).items
    }
    missing = client.get("/staff/kien-nghi/999999999/")
    for petition, allowed in zip(three, (own, other, assigned), strict=True):
        response = client.get(f"/staff/kien-nghi/{petition.pk}/")
        if allowed:
            assert response.status_code == 200
        else:
            assert response.status_code == missing.status_code == 404
            assert petition.pk not in listed
    detail = client.get(f"/staff/kien-nghi/{three[0].pk}/")
    if own:
        assert ("0912345678" in detail.content.decode()) is personal


def test_department_sees_contact_only_when_not_confidential(client, demo_user, db):
    qldt = Organisation.objects.get(unit__code="058", code="qldt")
    open_one = PetitionFactory(assigned_to=qldt)
    secret = PetitionFactory(assigned_to=qldt, confidential=True)
    client.force_login(demo_user("chuyenvien"))
    assert "0912345678" in client.get(f"/staff/kien-nghi/{open_one.pk}/").content.decode()
    assert "0912345678" not in client.get(f"/staff/kien-nghi/{secret.pk}/").content.decode()


def test_denouncer_identity_only_for_secretariat_and_leader(client, demo_user, db):
    denunciation = PetitionFactory(legal_kind="to_cao")
    for username, shown in [
        ("vanphong", True),
        ("lanhdao", True),
        ("mttq", False),
        ("phuong", False),
    ]:
        client.force_login(demo_user(username))
        body = client.get(f"/staff/kien-nghi/{denunciation.pk}/").content.decode()
        assert ("Trần Văn Bí Mật" in body) is shown, username


@pytest.mark.parametrize("query", ["", "?q=de+nghi"])
def test_list_page_query_count_does_not_grow_with_rows(
    client, demo_user, django_assert_max_num_queries, db, query
):
    """The page loads only the fields its rows show: a field left out would cost one query per
    row. Once the process holds its copies of the topics, units, rounds and the user's roles, a
    page is the session, the user and the rows."""
    client.force_login(demo_user("vanphong"))
    client.get(f"/staff/kien-nghi/{query}")
    with django_assert_max_num_queries(3):
        response = client.get(f"/staff/kien-nghi/{query}")
    assert (
        response.status_code == 200 and response.content.decode().count("/staff/kien-nghi/") >= 50
    )
