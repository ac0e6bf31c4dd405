"""Open311's jurisdiction_id: every unit code of the installation's jurisdiction (ward, city,
province, before and after the 2025 reform) is accepted, for reading by anyone and for a POST
by an api_key whose memberships cover the unit; any other code is a 404 in the spec's form."""

import pytest

from doithoai.accounts.services import api_token_create
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import PetitionFactory, ward
from doithoai.units.models import Unit

URL = "/open311/v2/requests.json"
TEXT = "Đường tổ 3 xuống cấp, ổ gà lớn gây mất an toàn giao thông."


def _ids(client, jurisdiction, **query):
    response = client.get(URL, {"jurisdiction_id": jurisdiction, **query})
    assert response.status_code == 200, response.content
    return {r["service_request_id"] for r in response.json()}


@pytest.fixture
def two_wards(db):
    """A petition in Huyền Tụng (01846, merged into today's Đức Xuân 01840) and one in Sông Cầu
    (01837, merged into today's Phường Bắc Kạn 01843)."""
    return PetitionFactory(unit=ward("01846")), PetitionFactory(unit=ward("01837"))


@pytest.mark.parametrize(
    ("code", "huyen_tung", "song_cau"),
    [
        ("01846", True, False),  # the old ward itself (no unit of today has its code)
        ("01840", True, False),  # today's Đức Xuân (and old Đức Xuân): Huyền Tụng merged into it
        ("01843", False, True),  # today's Phường Bắc Kạn took Sông Cầu (and old Phùng Chí Kiên)
        ("01837", False, True),  # the old ward
        ("058", True, True),  # the old city
        ("06", True, True),  # the old province of Bắc Kạn
        ("19", True, True),  # today's Thái Nguyên, which Bắc Kạn merged into
    ],
)
def test_every_unit_code_of_the_jurisdiction_reads_what_it_covers(
    client, two_wards, code, huyen_tung, song_cau
):
    in_huyen_tung, in_song_cau = two_wards
    found = _ids(client, code)
    assert (in_huyen_tung.public_id in found) == huyen_tung
    assert (in_song_cau.public_id in found) == song_cau
    services = client.get("/open311/v2/services.json", {"jurisdiction_id": code})
    assert services.status_code == 200 and len(services.json()) == 14
    one = client.get(
        f"/open311/v2/requests/{in_huyen_tung.public_id}.json", {"jurisdiction_id": code}
    )
    assert one.status_code == (200 if huyen_tung else 404)


def _outside_unit() -> Unit:
    """A unit of another province (the tests load only Bắc Kạn and Thái Nguyên, where the
    demo's organisations are: all of it is the installation's)."""
    hanoi = Unit.objects.create(scheme="2025", code="01", kind="central_city", name="Hà Nội")
    return Unit.objects.create(
        scheme="2025", code="00004", kind="ward", name="Phường Ba Đình", parent=hanoi
    )


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_code_outside_the_jurisdiction_is_a_404_in_the_spec_form(client, db, fmt):
    outside = _outside_unit()
    assert outside is not None
    for code in ("99999", outside.code, "x" * 40):
        for path in ("requests", "services", "discovery", "services/dat_dai"):
            response = client.get(f"/open311/v2/{path}.{fmt}", {"jurisdiction_id": code})
            assert response.status_code == 404, (path, code)
            assert b"404" in response.content and b"jurisdiction_id" in response.content


def _post(client, username, demo_user, code):
    user = demo_user(username)
    key = api_token_create(actor=user, user=user, name="open311")[1]
    return client.post(URL, {"api_key": key, "jurisdiction_id": code, "description": TEXT})


@pytest.mark.parametrize(
    ("username", "code", "scheme"),
    [
        ("mttq", "01840", "2004"),  # the old city's Front: old Đức Xuân (not today's, outside)
        ("mttq", "01846", "2004"),
        ("mttq", "058", "2004"),
        ("phuong", "01840", "2004"),  # the old Đức Xuân's officer: their own ward
        ("tinh", "01840", "2025"),  # today's province: today's Đức Xuân first
        ("tinh", "01846", "2004"),  # and the old wards it covers
        ("tinh", "19", "2025"),
    ],
)
def test_post_goes_to_the_unit_of_the_code_the_key_may_enter_for(
    client, demo_user, db, username, code, scheme
):
    response = _post(client, username, demo_user, code)
    assert response.status_code == 201, response.content
    petition = Petition.objects.get(public_id=response.json()[0]["service_request_id"])
    assert (petition.unit.code, petition.unit.scheme) == (code, scheme)


@pytest.mark.parametrize(
    ("username", "code", "status"),
    [
        ("phuong", "01846", 403),  # another ward
        ("phuong", "058", 403),  # the city above
        ("mttq", "19", 403),  # the old city's Front: not today's province
        ("baochi", "01840", 403),  # the press enters no petitions
        ("mttq", "99999", 404),
        ("tinh", "outside", 404),
    ],
)
def test_post_outside_the_key_s_rights_is_refused_and_writes_nothing(
    client, demo_user, db, username, code, status
):
    if code == "outside":
        code = _outside_unit().code
    before = Petition.objects.count()
    response = _post(client, username, demo_user, code)
    assert response.status_code == status, response.content
    assert response.json()[0]["code"] == status
    assert Petition.objects.count() == before
