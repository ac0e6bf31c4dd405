"""No public page or public API response carries a petitioner's personal data."""

import json

import pytest

from doithoai.petitions.tests.factories import PetitionFactory
from doithoai.petitions.views_public import RECEIPT_CODE

SECRETS = [
    "Trần Văn Bí Mật",
    "0912345678",
    "bimat@example.vn",
    "Số 7 ngõ Kín",
    "4700123456",
    "Hộ Kín Đáo",
]


@pytest.mark.parametrize(
    "variant",
    [
        {},
        {"anonymous": True},
        {"confidential": True},
        {"legal_kind": "to_cao", "confidential": True},
        {"submitter_type": "ho_kinh_doanh", "business_name": "Hộ Kín Đáo"},
    ],
)
def test_public_pages_and_api_never_show_personal_data(client, db, variant):
    petition = PetitionFactory(**variant)
    session = client.session
    session[RECEIPT_CODE] = petition.code
    session.save()
    responses = [
        client.get("/kien-nghi/da-gui/"),
        client.post("/tra-cuu/", {"ma": petition.code.lower()}),
        client.get(f"/api/v1/public/petitions/{petition.code}"),
        client.post("/api/v1/public/petitions/lookup", {"code": petition.code}, "application/json"),
    ]
    for response in responses:
        assert response.status_code == 200
        body = response.content.decode()
        assert petition.code in body
        for secret in SECRETS:
            assert secret not in body and json.dumps(secret)[1:-1] not in body


def test_lookup_forgives_dashes_case_and_confusable_letters(client, db):
    PetitionFactory(code="K7M-4P0-QX1C")
    response = client.post("/tra-cuu/", {"ma": "k7m4po qxlc"})
    assert response.status_code == 200 and "K7M-4P0-QX1C" in response.content.decode()


def test_unknown_code_is_a_clear_404(client, db):
    response = client.post("/tra-cuu/", {"ma": "AAA-BBB-CCCC"})
    assert response.status_code == 404 and "Không tìm thấy" in response.content.decode()
    api = client.get("/api/v1/public/petitions/AAA-BBB-CCCC")
    assert api.status_code == 404 and api["Content-Type"] == "application/problem+json"
    posted = client.post(
        "/api/v1/public/petitions/lookup", {"code": "AAA-BBB-CCCC"}, "application/json"
    )
    assert posted.status_code == 404 and posted["Content-Type"] == "application/problem+json"


def test_the_api_lookup_by_body_forgives_like_the_page_and_checks_its_input(client, db):
    PetitionFactory(code="K7M-4P0-QX1C")
    found = client.post(
        "/api/v1/public/petitions/lookup", {"code": "k7m4po qxlc"}, "application/json"
    )
    assert found.status_code == 200 and found.json()["code"] == "K7M-4P0-QX1C"
    for bad in ({}, {"code": 12}, {"code": "x" * 40}):
        answer = client.post("/api/v1/public/petitions/lookup", bad, "application/json")
        assert answer.status_code == 422 and answer["Content-Type"] == "application/problem+json"


def test_a_code_in_a_url_is_never_looked_up(client, db):
    """Codes travel in POST bodies only: a URL ends up in server and proxy logs."""
    petition = PetitionFactory()
    lookup = client.get(f"/tra-cuu/?ma={petition.code}")
    assert lookup.status_code == 200 and petition.code not in lookup.content.decode()
    assert client.get(f"/kien-nghi/{petition.code}/da-gui/").status_code == 404
    # without a petition just sent from this browser, the receipt sends the visitor to the lookup
    receipt = client.get("/kien-nghi/da-gui/")
    assert receipt.status_code == 302 and receipt["Location"] == "/tra-cuu/"


def test_lookups_are_rate_limited_per_client(client, db, settings):
    settings.DOITHOAI_LOOKUP_RATE_PER_HOUR = 2
    petition = PetitionFactory()
    assert client.post("/tra-cuu/", {"ma": "AAA-BBB-CCC1"}).status_code == 404
    assert client.post("/tra-cuu/", {"ma": "AAA-BBB-CCC2"}).status_code == 404
    refused = client.post("/tra-cuu/", {"ma": petition.code})
    assert refused.status_code == 429 and "quá nhiều lần" in refused.content.decode()
    assert 'data-testid="state"' not in refused.content.decode()
    assert client.get(f"/api/v1/public/petitions/{petition.code}").status_code == 429


def test_the_lookup_names_unit_and_topic_from_the_process_copies(db, django_assert_num_queries):
    """One query for the petition; the unit's and the topic's names (a retired topic's too)
    come from the lists the process keeps."""
    from doithoai.petitions.models import Topic
    from doithoai.petitions.selectors import petition_public_status, topics_changed

    first = PetitionFactory(topic=Topic.objects.get(code="dat_dai"))
    second = PetitionFactory(topic=Topic.objects.get(code="an_ninh"))
    assert petition_public_status(code=first.code).topic == "Đất đai"
    Topic.objects.filter(code="an_ninh").update(active=False, name="Chủ đề đã thôi dùng")
    topics_changed()
    petition_public_status(code=first.code)  # the topic list is read again once
    with django_assert_num_queries(1):
        status = petition_public_status(code=second.code)
    assert status.unit == second.unit.name and status.topic == "Chủ đề đã thôi dùng"
