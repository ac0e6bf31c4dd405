"""The OpenAPI document integrators read: unique schema names, every problem answer documented,
strict dates, and a bounded schemathesis run that finds no server error and no response outside
the document (run on both databases in CI)."""

import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.api import api
from config.wsgi import application
from doithoai.petitions.tests.factories import ward

SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_schema_names_are_unique_and_every_problem_is_documented():
    document = api.get_openapi_schema()
    names = set(document["components"]["schemas"])
    assert {"RoundOut", "PetitionRoundOut", "ResultsRoundOut", "Problem"} <= names
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = {int(code) for code in operation["responses"]}
            assert {500, 503} <= responses, (method, path)
            if operation.get("security"):
                assert {401, 403} <= responses, (method, path)
            if "{" in path:
                assert 404 in responses, (method, path)
            if operation.get("requestBody") or operation.get("parameters"):
                assert 422 in responses, (method, path)


@pytest.fixture
def staff_key(demo_user):
    from doithoai.accounts.services import api_token_create

    user = demo_user("vanphong")
    return api_token_create(actor=user, user=user, name="schemathesis")[1]


@pytest.mark.parametrize("value", [2.2e-311, 20161001, "2016-10", "01/10/2016", True])
def test_dates_are_only_written_yyyy_mm_dd(client, staff_key, value):
    body = {
        "text": "Đề nghị sửa đèn chiếu sáng tổ 3 bị hỏng lâu ngày.",
        "unit_id": ward().pk,
        "channel": "phuong_xa",
        "received_on": value,
    }
    response = client.post(
        "/api/v1/petitions",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {staff_key}",
    )
    assert response.status_code == 422, response.content
    fields = [e["field"] for e in response.json()["errors"]]
    assert "received_on" in fields


def test_a_well_written_date_is_accepted(client, staff_key):
    body = {
        "text": "Đề nghị sửa đèn chiếu sáng tổ 3 bị hỏng lâu ngày.",
        "unit_id": ward().pk,
        "channel": "phuong_xa",
        "received_on": "2016-09-05",
    }
    response = client.post(
        "/api/v1/petitions",
        json.dumps(body),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {staff_key}",
    )
    assert response.status_code == 201, response.content


@pytest.fixture
def keep_test_connection():
    """Requests go straight to the WSGI application, as Django's test client does: without the
    per-request connection clean-up, which would close the test transaction's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@SCHEMA.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_the_api_answers_as_its_document_says(case, db, staff_key, keep_test_connection):
    case.call_and_validate(headers={"Authorization": f"Bearer {staff_key}"}, checks=CHECKS)


def test_a_list_of_ids_beyond_64_bits_is_refused_not_a_500(client, staff_key):
    response = client.post(
        "/api/v1/followup/issues/assign-suggested",
        json.dumps({"issues": [1, 2**70]}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {staff_key}",
    )
    assert response.status_code == 422, response.content
