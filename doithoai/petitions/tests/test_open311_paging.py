"""Open311 list of requests: newest first, paged (`page_size` default 50, at most 200; `page`),
the spec's 90-day window by default; a bad parameter is a 400 with a message, never a 500."""

import datetime

import pytest
from django.utils import timezone

from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.tests.factories import PetitionFactory

URL = "/open311/v2/requests.json"


def _codes(response):
    return [r["service_request_id"] for r in response.json()]


def test_the_list_is_newest_first_and_paged_with_a_next_link(client, db):
    made = [PetitionFactory() for _ in range(3)]
    now = timezone.now()
    for age, petition in enumerate(made):  # made[0] is the newest
        Petition.objects.filter(pk=petition.pk).update(
            created_at=now - datetime.timedelta(hours=age + 1)
        )
    only = ",".join(str(p.public_id) for p in made)
    first = client.get(URL, {"service_request_id": only, "page_size": 2})
    assert first.status_code == 200
    assert _codes(first) == [str(made[0].public_id), str(made[1].public_id)]
    link = first["Link"]
    assert link.endswith('; rel="next"') and "page=2" in link and "page_size=2" in link
    second = client.get(link[1 : link.index(">")])
    assert _codes(second) == [str(made[2].public_id)]
    assert "Link" not in second
    assert client.get(URL, {"service_request_id": only, "page": 3, "page_size": 2}).json() == []


def test_the_default_page_is_at_most_fifty_and_the_maximum_two_hundred(client, db):
    PetitionFactory.create_batch(3)
    in_window = Petition.objects.filter(
        created_at__gte=timezone.now() - datetime.timedelta(days=90)
    ).count()
    default = client.get(URL)
    assert default.status_code == 200
    assert len(default.json()) == min(in_window, 50)
    assert ("Link" in default) == (in_window > 50)
    assert len(client.get(URL, {"page_size": 200}).json()) == min(in_window, 200)


def test_the_default_window_is_the_last_ninety_days(client, db):
    topic = Topic.objects.create(code="thu_cua_so", name="Thử cửa sổ ngày", active=True)
    old, recent = PetitionFactory(topic=topic), PetitionFactory(topic=topic)
    Petition.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=100)
    )
    mine = {"service_code": topic.code}
    assert _codes(client.get(URL, mine)) == [str(recent.public_id)]
    since = (timezone.now() - datetime.timedelta(days=120)).date().isoformat()
    assert _codes(client.get(URL, {**mine, "start_date": since})) == [
        str(recent.public_id),
        str(old.public_id),
    ]
    # service_request_id overrides the other filters (the spec's rule): the window too
    by_id = client.get(URL, {**mine, "service_request_id": old.public_id, "status": "closed"})
    assert _codes(by_id) == [str(old.public_id)]


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"page_size": "201"}, "200"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "nhiều"}, "page_size"),
        ({"page": "-1"}, "page"),
        ({"page": "2.5"}, "page"),
        ({"page": "99999999999"}, "page"),
        ({"status": "đang xử lý"}, "status"),
        ({"start_date": "hôm qua"}, "ISO 8601"),
        ({"end_date": "2026-13-01"}, "ISO 8601"),
        ({"end_date": "0001-01-01"}, "ISO 8601"),
        ({"start_date": "0001-01-01", "end_date": "0001-01-02"}, "ISO 8601"),
        ({"end_date": "9999-12-31T23:59:59"}, "ISO 8601"),
        ({"status": "open,pending"}, "status"),
        ({"start_date": "2026-05-02", "end_date": "2026-05-01"}, "start_date"),
    ],
)
def test_a_bad_list_parameter_is_a_400_with_a_message(client, db, query, words):
    response = client.get(URL, query)
    assert response.status_code == 400
    body = response.json()
    assert body[0]["code"] == 400 and words in body[0]["description"]
