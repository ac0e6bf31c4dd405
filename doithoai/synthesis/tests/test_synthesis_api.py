import json

import pytest

from doithoai.accounts.services import api_token_create
from doithoai.synthesis.models import Issue, IssueMembership


@pytest.fixture
def auth(demo_user):
    def header(username):
        user = demo_user(username)
        return {
            "HTTP_AUTHORIZATION": f"Bearer {api_token_create(actor=user, user=user, name='t')[1]}"
        }

    return header


def test_issues_listing_and_suggestion(client, synthesized, auth):
    headers = auth("mttq")
    page = client.get(f"/api/v1/synthesis/rounds/{synthesized.pk}/issues", **headers).json()
    assert (
        page["count"] == Issue.objects.filter(round=synthesized).count()
        and len(page["items"]) == 40
    )
    petition_id = page["items"][0]["petition_ids"][0]
    s = client.get(f"/api/v1/synthesis/petitions/{petition_id}/suggestion", **headers).json()
    assert s["topic"] and 0 < s["confidence"] <= 1 and s["model_version"]


def test_merge_and_move_through_the_api(client, synthesized, auth):
    headers = auth("vanphong")
    a, b, c = Issue.objects.filter(round=synthesized).order_by("id")[:3]
    merged = client.post(
        "/api/v1/synthesis/issues/merge",
        json.dumps({"target": a.pk, "sources": [b.pk]}),
        content_type="application/json",
        **headers,
    )
    assert merged.status_code == 200 and merged.json()["petitioners"] >= 2
    pid = IssueMembership.objects.filter(issue=c).values_list("petition_id", flat=True)[0]
    moved = client.post(
        f"/api/v1/synthesis/petitions/{pid}/move",
        json.dumps({"issue_id": a.pk}),
        content_type="application/json",
        **headers,
    )
    assert moved.status_code == 200 and pid in moved.json()["petition_ids"]


def test_ward_officer_gets_404_and_nothing_changes(client, synthesized, auth):
    headers = auth("phuong")
    a, b = Issue.objects.filter(round=synthesized).order_by("id")[:2]
    before = Issue.objects.count()
    response = client.post(
        "/api/v1/synthesis/issues/merge",
        json.dumps({"target": a.pk, "sources": [b.pk]}),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404 and Issue.objects.count() == before
