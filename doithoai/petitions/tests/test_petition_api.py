"""The typed API: create with Idempotency-Key, read, list, transitions; problem+json errors."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from doithoai.accounts.services import api_token_create
from doithoai.petitions.models import IdempotencyKey, Petition
from doithoai.petitions.tests.factories import ward

PROBLEM = "application/problem+json"


@pytest.fixture
def token(demo_user):
    def make(username):
        user = demo_user(username)
        return api_token_create(actor=user, user=user, name="test")[1]

    return make


@pytest.fixture
def body(db):
    return {
        "text": "Đề nghị nạo vét rãnh thoát nước tổ 7 phường Đức Xuân.",
        "unit_id": ward().pk,
        "channel": "phuong_xa",
        "submitter_name": "Vi Văn Rãnh",
        "phone": "0911222333",
    }


def post(client, url, data, key, **headers):
    return client.post(
        url,
        json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
        **headers,
    )


def test_create_then_retry_with_the_same_key_returns_the_same_petition(client, token, body, counts):
    key = token("phuong")
    before = counts()
    first = post(client, "/api/v1/petitions", body, key, HTTP_IDEMPOTENCY_KEY="abc-1")
    assert first.status_code == 201
    again = post(client, "/api/v1/petitions", body, key, HTTP_IDEMPOTENCY_KEY="abc-1")
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert counts()[:2] == (before[0] + 1, before[1] + 1)
    assert first.json()["submitter"]["name"] == "Vi Văn Rãnh"


def test_create_writes_the_petition_its_event_and_its_key_together(client, token, body, counts):
    key = token("phuong")
    before = counts()
    with CaptureQueriesContext(connection) as queries:
        response = post(client, "/api/v1/petitions", body, key, HTTP_IDEMPOTENCY_KEY="one-go")
    assert response.status_code == 201
    assert counts()[:2] == (before[0] + 1, before[1] + 1)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if "INSERT" in q["sql"] and "doithoai_shared_cache" not in q["sql"]
    ]
    tables = ["petitions_petition", "core_event", "petitions_idempotencykey"]
    assert len(writes) == 3 and all(table in sql for table, sql in zip(tables, writes, strict=True))
    petition = Petition.objects.get(pk=response.json()["id"])
    assert IdempotencyKey.objects.get(petition=petition).key == "one-go"


def test_a_request_writes_its_rows_in_one_transaction(
    committed_reference_data, client, token, body, counts
):
    """With no transaction open (a request), the create's three INSERTs run in one transaction
    of their own, and nothing is read: the collecting rounds are kept like the rest."""
    from doithoai.accounts.selectors import user_for_api_key

    key = token("phuong")
    user_for_api_key(key)  # its first use is recorded: a write a later request does not repeat

    def create(idempotency_key):
        with_topic = {**body, "topic": "moi_truong"}
        return post(
            client, "/api/v1/petitions", with_topic, key, HTTP_IDEMPOTENCY_KEY=idempotency_key
        )

    # The first request also computes the officer's area and reads the topic list, kept for
    # the next ones.
    assert create("warm").status_code == 201
    before = counts()
    seen, statements = [], []

    def spy(execute, sql, params, many, context):
        if not sql.startswith("BEGIN"):  # SQLite's BEGIN IMMEDIATE; psycopg's is not seen here
            statements.append(sql)
        if sql.lstrip().upper().startswith(("INSERT", "WITH")):
            seen.append((sql, connection.get_autocommit(), connection.in_atomic_block))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(spy):
        response = create("alone")
    assert response.status_code == 201 and response.json()["topic"] == "moi_truong"
    assert counts()[:2] == (before[0] + 1, before[1] + 1)
    assert [(autocommit, atomic) for _sql, autocommit, atomic in seen] == [(False, True)] * 3
    # Only the writes: the token with its memberships, the unit and its ancestors, the topic
    # and the collecting rounds come from what the process keeps (read by the first request).
    assert len(statements) == 3, [sql[:90] for sql in statements]
    assert all(sql.lstrip().startswith("INSERT") for sql in statements)
    again = create("alone")
    assert again.status_code == 200 and again.json()["id"] == response.json()["id"]
    assert counts()[:2] == (before[0] + 1, before[1] + 1)


def test_same_key_with_another_body_is_a_conflict(client, token, body, counts):
    key = token("phuong")
    post(client, "/api/v1/petitions", body, key, HTTP_IDEMPOTENCY_KEY="abc-2")
    before = counts()
    response = post(
        client,
        "/api/v1/petitions",
        {**body, "text": body["text"] + " Gấp."},
        key,
        HTTP_IDEMPOTENCY_KEY="abc-2",
    )
    assert response.status_code == 409 and response["Content-Type"] == PROBLEM
    assert counts() == before


@pytest.mark.parametrize(
    ("change", "status", "field"),
    [
        ({"unit_id": "abc"}, 422, "unit_id"),
        ({"text": 12345}, 422, "text"),
        ({"unit_id": 987654321}, 422, "unit"),
        ({"unit_id": 2**70}, 422, "unit"),
        ({"topic": "khong_co"}, 422, "topic"),
        ({"text": "x" * 6000}, 422, "text"),
        ({"channel": "web"}, 422, "channel"),
        ({"email": "a@"}, 422, "email"),
        ({"text": "Đề nghị sửa\x00 đường tổ 7 phường Đức Xuân."}, 422, "text"),
        ({"submitter_name": "Vi\x00Văn"}, 422, "submitter_name"),
    ],
)
def test_bad_input_is_a_problem_with_vietnamese_message_and_writes_nothing(
    client, token, body, counts, change, status, field
):
    key = token("phuong")
    before = counts()
    response = post(client, "/api/v1/petitions", {**body, **change}, key)
    assert response.status_code == status and response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status and problem["title"] == "Dữ liệu gửi lên không hợp lệ."
    assert any(e["field"].startswith(field) for e in problem["errors"])
    assert counts() == before


def test_malformed_json_is_a_problem_not_a_500(client, token, counts):
    key = token("phuong")
    before = counts()
    response = client.post(
        "/api/v1/petitions",
        "{not json",
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert response.status_code in (400, 422) and response["Content-Type"] == PROBLEM
    assert counts() == before


def test_without_a_token_the_api_answers_401(client, body):
    response = client.post("/api/v1/petitions", json.dumps(body), content_type="application/json")
    assert response.status_code == 401 and response["Content-Type"] == PROBLEM


def test_list_read_and_transition(client, token, body):
    key = token("vanphong")
    created = post(client, "/api/v1/petitions", body, key).json()
    listing = client.get(
        "/api/v1/petitions?q=nao vet ranh", HTTP_AUTHORIZATION=f"Bearer {key}"
    ).json()
    assert created["id"] in [p["id"] for p in listing["items"]]
    read = client.get(f"/api/v1/petitions/{created['id']}", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert read.json()["code"] == created["code"]
    moved = post(
        client,
        f"/api/v1/petitions/{created['id']}/transitions",
        {"to_state": "not_accepted", "reason_code": "out_of_remit", "forwarded_to": "Sở Xây dựng"},
        key,
    )
    assert moved.status_code == 200 and moved.json()["state"] == "not_accepted"
    assert Petition.objects.get(pk=created["id"]).forwarded_to == "Sở Xây dựng"
    refused = post(
        client, f"/api/v1/petitions/{created['id']}/transitions", {"to_state": "grouped"}, key
    )
    assert refused.status_code in (403, 422)


def test_openapi_document_is_served_and_lists_the_endpoints(client):
    document = client.get("/api/v1/openapi.json").json()
    assert {
        "/api/v1/petitions",
        "/api/v1/petitions/{petition_id}",
        "/api/v1/public/petitions/{code}",
    } <= set(document["paths"])
    public = json.dumps(document["components"]["schemas"]["PublicPetitionOut"])
    for personal in ("submitter", "phone", "email", "name", "tax_code"):
        assert f'"{personal}"' not in public
