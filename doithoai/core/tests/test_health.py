"""Liveness, readiness and the 503 answer during a database outage."""

import json

import pytest
from django.db import OperationalError, connection
from django.test import Client


@pytest.fixture
def anonymous():
    return Client(raise_request_exception=False)


def test_live_and_ready_answer_when_all_is_well(db, anonymous):
    live = anonymous.get("/healthz/live")
    assert live.status_code == 200 and live.json() == {"status": "ok"}
    assert "no-cache" in live["Cache-Control"]
    ready = anonymous.get("/healthz/ready")
    assert ready.status_code == 200 and ready.json()["database"] == "ok"


def test_ready_says_503_when_the_database_does_not_answer(db, anonymous, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    with monkeypatch.context() as patch:  # the database "goes away" for this request only
        patch.setattr(connection, "cursor", refuse)
        response = anonymous.get("/healthz/ready")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert response.json() == {"status": "unavailable", "database": "down"}
    assert anonymous.get("/healthz/live").status_code == 200


@pytest.mark.urls("doithoai.core.tests.outage_urls")
def test_an_outage_gives_people_a_maintenance_page_and_the_api_a_problem(anonymous):
    page = anonymous.get("/trang/")
    assert page.status_code == 503 and page["Retry-After"] == "30"
    assert page["Cache-Control"] == "no-store"
    assert "Hệ thống đang bảo trì" in page.content.decode()
    api = anonymous.get("/api/v1/kien-nghi/")
    assert api.status_code == 503 and api["Content-Type"] == "application/problem+json"
    body = json.loads(api.content)
    assert body["status"] == 503 and "server closed" not in api.content.decode()
    assert api["Retry-After"] == "30"


@pytest.mark.urls("doithoai.core.tests.outage_urls")
def test_a_bug_is_still_a_500(anonymous):
    response = anonymous.get("/loi/")
    assert response.status_code == 500 and "Retry-After" not in response
    assert "Hệ thống đang gặp lỗi" in response.content.decode()


def test_the_api_logs_an_outage_by_its_class_only(db, anonymous, monkeypatch, caplog):
    def gone(**kwargs):
        raise OperationalError('connection to server at "10.0.0.5", port 5432 failed: TRẦN VĂN A')

    monkeypatch.setattr("doithoai.petitions.api.petition_public_status", gone)
    with caplog.at_level("WARNING", logger="doithoai.api"):
        api = anonymous.get("/api/v1/public/petitions/AAA-BBB-CCCC")
    assert api.status_code == 503 and api["Retry-After"] == "30"
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "API unavailable" in logged and "OperationalError" in logged
    assert "10.0.0.5" not in logged and "TRẦN" not in logged and "10.0.0.5" not in api.text
