"""No public page or public API response carries a petitioner's personal data."""

import json

import pytest

from doithoai.petitions.tests.factories import PetitionFactory

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
    responses = [
        client.get(f"/kien-nghi/{petition.code}/da-gui/"),
        client.get(f"/tra-cuu/?ma={petition.code.lower()}"),
        client.get(f"/api/v1/public/petitions/{petition.code}"),
    ]
    for response in responses:
        assert response.status_code == 200
        body = response.content.decode()
        assert petition.code in body
        for secret in SECRETS:
            assert secret not in body and json.dumps(secret)[1:-1] not in body


def test_lookup_forgives_dashes_case_and_confusable_letters(client, db):
    PetitionFactory(code="K7M-4P0-QX1C")
    response = client.get("/tra-cuu/?ma=k7m4po qxlc")
    assert response.status_code == 200 and "K7M-4P0-QX1C" in response.content.decode()


def test_unknown_code_is_a_clear_404(client, db):
    response = client.get("/tra-cuu/?ma=AAA-BBB-CCCC")
    assert response.status_code == 404 and "Không tìm thấy" in response.content.decode()
    api = client.get("/api/v1/public/petitions/AAA-BBB-CCCC")
    assert api.status_code == 404 and api["Content-Type"] == "application/problem+json"
