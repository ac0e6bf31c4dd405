"""Open311 GeoReport v2: services, requests, create with an api_key; no personal data in GET."""

import pytest

from doithoai.accounts.services import api_token_create
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import PetitionFactory

SECRETS = ["Trần Văn Bí Mật", "0912345678", "bimat@example.vn", "Số 7 ngõ Kín", "4700123456"]


def test_services_are_the_topics(client, db):
    services = client.get("/open311/v2/services.json").json()
    assert {"service_code": "dat_dai", "service_name": "Đất đai"}.items() <= services[
        0
    ].items() or any(
        s["service_code"] == "dat_dai" and s["service_name"] == "Đất đai" for s in services
    )
    assert len(services) == 14


@pytest.mark.parametrize(
    "variant", [{}, {"anonymous": True}, {"confidential": True}, {"legal_kind": "to_cao"}]
)
def test_get_requests_carry_no_personal_data(client, db, variant):
    petition = PetitionFactory(
        **variant, text="Tôi là Trần Văn Bí Mật, số 0912345678, đề nghị sửa đường."
    )
    listing = client.get("/open311/v2/requests.json").content.decode()
    one = client.get(f"/open311/v2/requests/{petition.public_id}.json")
    assert one.status_code == 200 and one.json()[0]["service_request_id"] == str(petition.public_id)
    assert str(petition.public_id) in listing
    for body in (listing, one.content.decode()):
        for secret in [*SECRETS, petition.code]:  # the tracking code is a secret too
            assert secret not in body


def test_post_creates_through_the_intake_service(client, demo_user, db):
    user = demo_user("mttq")
    key = api_token_create(actor=user, user=user, name="open311")[1]
    before = Petition.objects.count()
    response = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": key,
            "jurisdiction_id": "01846",
            "service_code": "moi_truong",
            "description": "Bãi rác tự phát cạnh suối tổ 4 Huyền Tụng gây ô nhiễm.",
            "first_name": "Hà",
            "last_name": "Văn Suối",
        },
    )
    assert response.status_code == 201
    answer = response.json()[0]
    petition = Petition.objects.get(public_id=answer["service_request_id"])
    # the client that sent it hands the petitioner their tracking code
    assert answer["tracking_code"] == petition.code
    assert (
        petition.channel == "api"
        and petition.topic.code == "moi_truong"
        and petition.submitter_name == "Hà Văn Suối"
    )
    assert Petition.objects.count() == before + 1


def test_a_request_is_found_by_its_public_id_never_by_its_tracking_code(client, db):
    petition = PetitionFactory()
    assert len(petition.public_id) == 32 and petition.public_id.isalpha()  # no digits to misread
    assert client.get(f"/open311/v2/requests/{petition.public_id}.json").status_code == 200
    upper = client.get(f"/open311/v2/requests/{petition.public_id.upper()}.json")
    assert upper.json()[0]["service_request_id"] == petition.public_id
    by_code = client.get(f"/open311/v2/requests/{petition.code}.json")
    assert by_code.status_code == 404 and by_code.json()[0]["code"] == 404
    assert petition.code not in by_code.content.decode()
    listing = client.get("/open311/v2/requests.json", {"service_request_id": petition.code})
    assert listing.status_code == 200 and listing.json() == []
    assert client.get("/open311/v2/requests/not-a-uuid.json").status_code == 404


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"api_key": "wrong"}, 403),
        ({"description": "ngắn"}, 400),
        ({"service_code": "khong_co"}, 400),
        ({"jurisdiction_id": "99999"}, 404),
        ({"jurisdiction_id": ""}, 400),
        ({"description": "Nội dung đủ dài\x00 để hợp lệ ở đây."}, 400),
    ],
)
def test_post_bad_input_is_an_open311_error_and_writes_nothing(client, demo_user, db, data, status):
    user = demo_user("mttq")
    key = api_token_create(actor=user, user=user, name="open311")[1]
    base = {
        "api_key": key,
        "jurisdiction_id": "01846",
        "description": "Nội dung đủ dài để hợp lệ ở đây.",
    }
    before = Petition.objects.count()
    response = client.post("/open311/v2/requests.json", {**base, **data})
    assert response.status_code == status
    assert response.json()[0]["code"] == status and response.json()[0]["description"]
    assert Petition.objects.count() == before


@pytest.mark.parametrize(
    "url",
    [
        "/open311/v2/requests.json?service_request_id=AB%00C",
        "/open311/v2/requests.json?service_code=%00",
        "/open311/v2/requests/AB%00C.json",
    ],
)
def test_a_nul_character_in_a_parameter_is_an_open311_error(client, db, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.json()[0]["code"] == 400 and "NUL" in response.json()[0]["description"]
