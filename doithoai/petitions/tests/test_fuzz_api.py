"""Property-based tests of the API's inputs: arbitrary JSON, arbitrary values in every field,
arbitrary bytes as a body, arbitrary Open311 parameters. The answer is a result or a clear
refusal (4xx), never a 500, and a refusal writes nothing; on SQLite and PostgreSQL
(docs/security.md, "Inputs")."""

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from doithoai.accounts.services import api_token_create
from doithoai.core.tests.fuzz import ANY_TEXT, FUZZ, JSON
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import ward

VALUE = st.one_of(
    ANY_TEXT,
    st.integers(min_value=-(2**80), max_value=2**80),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(ANY_TEXT, max_size=2),
    st.sampled_from(["2016-02-30", "0001-01-01", "9999-12-31", "kien_nghi", "to_cao", "api"]),
)
PUBLIC_FIELDS = [
    "text",
    "unit_id",
    "legal_kind",
    "place",
    "address",
    "anonymous",
    "confidential",
    "submitter_name",
    "phone",
    "email",
    "consent",
    "notify_email",
    "notify_sms",
]
STAFF_FIELDS = [
    *PUBLIC_FIELDS,
    "channel",
    "topic",
    "latitude",
    "longitude",
    "round_id",
    "submitter_type",
    "submitter_address",
    "business_name",
    "tax_code",
    "on_behalf_of",
    "received_on",
]
GOOD_TEXT = "Đường tổ 5 phường Đức Xuân xuống cấp, đề nghị sửa chữa sớm."


def _body(fields: list[str]) -> st.SearchStrategy[dict[str, object]]:
    """A mostly valid petition with some fields replaced by anything."""
    return st.fixed_dictionaries(
        {}, optional={name: VALUE for name in fields} | {"text": st.just(GOOD_TEXT) | ANY_TEXT}
    )


@pytest.fixture
def open_rate(settings):
    settings.DOITHOAI_PUBLIC_RATE_PER_HOUR = 100_000


def _valid_or_refused(response, before: int) -> None:
    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        assert Petition.objects.count() == before
        assert response["Content-Type"].startswith("application/")


@FUZZ
@given(body=_body(PUBLIC_FIELDS) | JSON, with_unit=st.booleans())
@example(body={"text": GOOD_TEXT, "unit_id": 2**70, "consent": True}, with_unit=False)
@example(body={"text": GOOD_TEXT + "\x00", "consent": True}, with_unit=True)
@example(body={"text": "🙂" * 20, "consent": True, "email": "a@🙂.vn"}, with_unit=True)
@example(body=[], with_unit=False)
def test_public_submission_never_fails(client, db, open_rate, body, with_unit):
    if with_unit and isinstance(body, dict):
        body = {**body, "unit_id": ward().pk}
    before = Petition.objects.count()
    response = client.post("/api/v1/public/petitions", body, content_type="application/json")
    _valid_or_refused(response, before)


@FUZZ
@given(data=st.binary(max_size=200) | ANY_TEXT.map(lambda s: s.encode("utf-8", "surrogatepass")))
@example(data=b'{"text": "\\ud800"}')
@example(data=b'{"text": 1e999}')
@example(data=b"\xff\xfe")
def test_a_body_that_is_no_json_is_refused(client, db, open_rate, data):
    before = Petition.objects.count()
    response = client.post("/api/v1/public/petitions", data, content_type="application/json")
    _valid_or_refused(response, before)


@pytest.fixture
def token(demo_user):
    user = demo_user("vanphong")
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, user=user, name='f')[1]}"}


@FUZZ
@given(body=_body(STAFF_FIELDS), idempotency=ANY_TEXT)
@example(body={"text": GOOD_TEXT, "latitude": 1e308, "longitude": -1e308}, idempotency="")
@example(body={"text": GOOD_TEXT, "round_id": 2**70, "received_on": "0001-01-01"}, idempotency="")
@example(body={"text": GOOD_TEXT, "topic": "🙂", "tax_code": "("}, idempotency="🙂" * 200)
def test_staff_submission_never_fails(client, token, body, idempotency):
    body = {**body, "unit_id": ward().pk} if "unit_id" not in body else body
    before = Petition.objects.count()
    response = client.post(
        "/api/v1/petitions",
        json.dumps(body),
        content_type="application/json",
        HTTP_IDEMPOTENCY_KEY=idempotency.replace("\x00", "").encode("utf-8").decode("latin-1"),
        **token,
    )
    _valid_or_refused(response, before)


OPEN311_PARAMS = st.dictionaries(
    st.sampled_from(
        [
            "service_request_id",
            "service_code",
            "status",
            "start_date",
            "end_date",
            "page",
            "page_size",
        ]
    ),
    ANY_TEXT | st.integers().map(str) | st.datetimes().map(lambda d: d.isoformat()),
    max_size=4,
)


@FUZZ
@given(params=OPEN311_PARAMS)
@example(params={"start_date": "0001-01-01", "end_date": "0001-01-02"})
@example(params={"end_date": "9999-12-31T23:59:59"})
@example(params={"page": str(10**30), "page_size": "1"})
@example(params={"service_request_id": "🙂,(,!"})
def test_the_open311_list_never_fails(client, db, params):
    response = client.get("/open311/v2/requests.json", params)
    assert response.status_code in (200, 400, 404), (response.status_code, params)


@FUZZ
@given(
    data=st.dictionaries(
        st.sampled_from(
            [
                "description",
                "jurisdiction_id",
                "unit_code",
                "service_code",
                "address_string",
                "lat",
                "long",
                "first_name",
                "last_name",
                "phone",
                "email",
            ]
        ),
        ANY_TEXT.map(lambda s: s.replace("\x00", ""))
        | st.sampled_from(["nan", "inf", "-inf", "1e999", "91", "-181"]),
        max_size=6,
    )
)
@example(data={"description": GOOD_TEXT, "lat": "nan", "long": "inf"})
@example(data={"description": GOOD_TEXT, "lat": "1e999", "long": "-1e999"})
def test_open311_submission_never_fails(client, demo_user, data):
    user = demo_user("vanphong")
    key = api_token_create(actor=user, user=user, name="o")[1]
    form = {"api_key": key, "jurisdiction_id": ward().code, "description": GOOD_TEXT, **data}
    before = Petition.objects.count()
    response = client.post("/open311/v2/requests.json", form)
    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        assert Petition.objects.count() == before
