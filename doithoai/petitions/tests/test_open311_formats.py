"""Open311 in JSON and XML: discovery, services, service definitions, requests and errors with
the spec's element names; bad formats, methods and parameters are errors in the spec's form."""

import datetime

import pytest
import xmltodict
from django.utils import timezone

from doithoai.accounts.services import api_token_create
from doithoai.petitions.models import Petition, Topic
from doithoai.petitions.services.topics import topic_update
from doithoai.petitions.tests.factories import PetitionFactory

V2 = "/open311/v2"


def _xml(response):
    assert response["Content-Type"].startswith("text/xml")
    assert response.content.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    return xmltodict.parse(response.content, force_list=("service", "request", "error"))


@pytest.mark.parametrize("path", ["/open311/discovery", f"{V2}/discovery"])
def test_discovery_in_both_formats_points_to_the_v2_endpoint(client, db, path):
    as_json = client.get(f"{path}.json").json()
    endpoint = as_json["endpoints"][0]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://testserver/open311/v2"
    assert endpoint["type"] == "production"
    assert set(endpoint["formats"]) == {"text/xml", "application/json"}
    assert "/staff/khoa-api/" in as_json["key_service"]
    assert datetime.datetime.fromisoformat(as_json["changeset"]).tzinfo is not None
    as_xml = _xml(client.get(f"{path}.xml"))["discovery"]
    assert as_xml["changeset"] == as_json["changeset"]
    assert as_xml["endpoints"]["endpoint"]["formats"]["format"] == endpoint["formats"]
    assert as_xml["endpoints"]["endpoint"]["url"] == endpoint["url"]


def test_the_changeset_follows_a_topic_edit(client, demo_user, db):
    before = client.get(f"{V2}/discovery.json").json()["changeset"]
    topic = Topic.objects.get(code="dat_dai")
    topic_update(
        actor=demo_user("vanphong"),
        topic=topic,
        name="Đất đai, nhà ở",
        description=topic.description,
        active=True,
    )
    after = datetime.datetime.fromisoformat(client.get(f"{V2}/discovery.json").json()["changeset"])
    assert after >= timezone.now() - datetime.timedelta(minutes=1)
    assert after >= datetime.datetime.fromisoformat(before)


def test_services_in_xml_are_the_same_as_in_json(client, db):
    as_json = client.get(f"{V2}/services.json").json()
    as_xml = _xml(client.get(f"{V2}/services.xml"))["services"]["service"]
    assert [s["service_code"] for s in as_xml] == [s["service_code"] for s in as_json]
    assert as_xml[0]["service_name"] == as_json[0]["service_name"]
    assert {s["metadata"] for s in as_xml} == {"true"} and as_json[0]["metadata"] is True
    assert {s["type"] for s in as_json} == {"realtime"}


def test_a_service_definition_lists_its_attributes_in_both_formats(client, db):
    as_json = client.get(f"{V2}/services/moi_truong.json").json()
    assert as_json["service_code"] == "moi_truong"
    codes = [a["code"] for a in as_json["attributes"]]
    assert codes == ["legal_kind", "submitter_type", "place"]
    kinds = as_json["attributes"][0]
    assert kinds["datatype"] == "singlevaluelist" and kinds["required"] is False
    assert {"key": "kien_nghi", "name": "Kiến nghị"} in kinds["values"]
    as_xml = _xml(client.get(f"{V2}/services/moi_truong.xml"))["service_definition"]
    attributes = as_xml["attributes"]["attribute"]
    assert [a["code"] for a in attributes] == codes
    assert {"key": "kien_nghi", "name": "Kiến nghị"} in attributes[0]["values"]["value"]
    assert "an_danh" not in str(as_json)  # anonymity is the absence of a name, not a type


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_service_is_a_404_in_the_spec_form(client, db, fmt):
    response = client.get(f"{V2}/services/khong_co.{fmt}")
    assert response.status_code == 404
    body = response.json() if fmt == "json" else _xml(response)["errors"]["error"]
    assert str(body[0]["code"]) == "404" and "khong_co" in body[0]["description"]


def test_requests_in_xml_carry_the_same_fields_as_in_json(client, db):
    topic = Topic.objects.get(code="giao_thong")
    petition = PetitionFactory(topic=topic, latitude=22.147, longitude=105.834)
    one_json = client.get(f"{V2}/requests/{petition.public_id}.json").json()[0]
    one_xml = _xml(client.get(f"{V2}/requests/{petition.public_id}.xml"))
    row = one_xml["service_requests"]["request"][0]
    assert set(row) == set(one_json)
    assert row["service_request_id"] == petition.public_id == one_json["service_request_id"]
    assert row["service_code"] == "giao_thong" and row["status"] == "open"
    assert float(row["lat"]) == pytest.approx(22.147) and row["media_url"] is None
    listing = _xml(client.get(f"{V2}/requests.xml", {"service_request_id": petition.public_id}))
    assert [r["service_request_id"] for r in listing["service_requests"]["request"]] == [
        petition.public_id
    ]
    for body in (client.get(f"{V2}/requests.xml").content.decode(), str(one_xml)):
        assert petition.code not in body and "Bí Mật" not in body and "0912345678" not in body


def test_an_empty_list_in_xml_is_an_empty_root(client, db):
    response = client.get(f"{V2}/requests.xml", {"service_request_id": "khongcogica"})
    assert response.status_code == 200
    assert _xml(response) == {"service_requests": None}


def test_status_and_service_code_filter_the_list(client, db):
    topic = Topic.objects.get(code="y_te_giao_duc")
    open_one = PetitionFactory(topic=topic)
    refused = PetitionFactory(topic=topic, state="not_accepted")
    resolved = PetitionFactory(topic=topic, resolved_at=timezone.now())
    other = PetitionFactory(topic=Topic.objects.get(code="giao_thong"))

    def ids(**query):
        rows = client.get(f"{V2}/requests.json", {"service_code": "y_te_giao_duc", **query}).json()
        return {r["service_request_id"] for r in rows}

    assert ids() == {open_one.public_id, refused.public_id, resolved.public_id}
    assert ids(status="open") == {open_one.public_id}
    assert ids(status="closed") == {refused.public_id, resolved.public_id}
    assert ids(status="open,closed") == ids()
    both = client.get(f"{V2}/requests.json", {"service_code": "y_te_giao_duc,giao_thong"}).json()
    assert other.public_id in {r["service_request_id"] for r in both}
    shown = client.get(f"{V2}/requests/{resolved.public_id}.json").json()[0]
    assert shown["status"] == "closed"


def test_start_and_end_date_bound_the_list(client, db):
    topic = Topic.objects.get(code="xay_dung")
    old, new = PetitionFactory(topic=topic), PetitionFactory(topic=topic)
    now = timezone.now()
    Petition.objects.filter(pk=old.pk).update(created_at=now - datetime.timedelta(days=20))
    window = {
        "service_code": "xay_dung",
        "start_date": (now - datetime.timedelta(days=30)).isoformat(),
        "end_date": (now - datetime.timedelta(days=10)).isoformat(),
    }
    rows = client.get(f"{V2}/requests.json", window).json()
    assert [r["service_request_id"] for r in rows] == [old.public_id]
    utc = {**window, "start_date": "2000-01-01T00:00:00Z", "end_date": ""}
    found = {r["service_request_id"] for r in client.get(f"{V2}/requests.json", utc).json()}
    assert found == {old.public_id, new.public_id}


@pytest.mark.parametrize("fmt", ["json", "xml"])
@pytest.mark.parametrize(
    "query", [{"end_date": "0001-01-01"}, {"start_date": "9999-12-31"}, {"status": "x"}]
)
def test_a_bad_parameter_is_a_400_in_the_spec_form(client, db, fmt, query):
    response = client.get(f"{V2}/requests.{fmt}", query)
    assert response.status_code == 400
    body = response.json() if fmt == "json" else _xml(response)["errors"]["error"]
    assert str(body[0]["code"]) == "400" and body[0]["description"]


@pytest.mark.parametrize(
    "path", ["services.html", "requests.csv", "discovery.yaml", "services/dat_dai.htm"]
)
def test_an_unknown_format_is_a_404_in_the_spec_form(client, db, path):
    response = client.get(f"{V2}/{path}")
    assert response.status_code == 404 and response.json()[0]["code"] == 404


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_another_method_is_a_405_in_the_spec_form(client, db, fmt):
    response = client.delete(f"{V2}/requests.{fmt}")
    assert response.status_code == 405 and response["Allow"] == "GET, POST"
    body = response.json() if fmt == "json" else _xml(response)["errors"]["error"]
    assert str(body[0]["code"]) == "405"
    assert client.post(f"{V2}/services.{fmt}").status_code == 405


def test_a_nul_character_in_an_xml_request_is_an_xml_error(client, db):
    response = client.get(f"{V2}/requests.xml", {"service_code": "\x00"})
    assert response.status_code == 400
    assert "NUL" in _xml(response)["errors"]["error"][0]["description"]


def test_post_in_xml_answers_the_new_request_and_errors_in_xml(client, demo_user, db):
    user = demo_user("mttq")
    key = api_token_create(actor=user, user=user, name="open311")[1]
    form = {
        "api_key": key,
        "jurisdiction_id": "01846",
        "service_code": "moi_truong",
        "description": "Bãi rác tự phát cạnh suối tổ 4 gây ô nhiễm nặng.",
        "attribute[legal_kind]": "phan_anh",
        "attribute[place]": "Tổ 4 Huyền Tụng",
    }
    response = client.post(f"{V2}/requests.xml", form)
    assert response.status_code == 201
    row = _xml(response)["service_requests"]["request"][0]
    petition = Petition.objects.get(public_id=row["service_request_id"])
    assert row["tracking_code"] == petition.code and row["account_id"] is None
    assert petition.legal_kind == "phan_anh" and petition.place == "Tổ 4 Huyền Tụng"
    before = Petition.objects.count()
    bad = client.post(f"{V2}/requests.xml", {**form, "attribute[legal_kind]": "khong_co"})
    assert bad.status_code == 400
    assert "legal_kind" in _xml(bad)["errors"]["error"][0]["description"]
    wrong_key = client.post(f"{V2}/requests.xml", {**form, "api_key": "sai"})
    assert wrong_key.status_code == 403
    assert _xml(wrong_key)["errors"]["error"][0]["code"] == "403"
    assert Petition.objects.count() == before


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_page_of_requests_is_one_query_in_either_format(
    client, db, fmt, django_assert_num_queries
):
    PetitionFactory.create_batch(3, topic=Topic.objects.get(code="giao_thong"))
    with django_assert_num_queries(1):
        assert client.get(f"{V2}/requests.{fmt}", {"page_size": 200}).status_code == 200
    client.get(f"{V2}/requests.{fmt}", {"jurisdiction_id": "01840"})  # the unit tree, once
    with django_assert_num_queries(3):  # the code's units, the organisations, the page
        assert client.get(f"{V2}/requests.{fmt}", {"jurisdiction_id": "01840"}).status_code == 200
