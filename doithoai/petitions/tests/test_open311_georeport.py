"""A third-party GeoReport v2 client (the `georeport` package from PyPI) drives Open311 on a live
server, in JSON and in XML: discovery, services, a service definition, a request filed with an
api_key, read back by id and found by the list's filters, and an error answer.

georeport 0.3 has no call for the discovery document or for POST: those two go through
`requests`, the client's own HTTP library, and the discovery's answer is parsed as the client
parses XML (xmltodict); the client is then built from the endpoint URL the discovery gives.
"""

import datetime

import pytest
import requests
import xmltodict
from django.db import connections
from georeport import GeoReport

from conftest import load_reference_data
from doithoai.accounts.models import User
from doithoai.accounts.services import api_token_create
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import PetitionFactory, ward

TEXT = "Cống thoát nước tổ 7 bị tắc, nước thải tràn ra đường mỗi khi mưa."


@pytest.fixture
def server(live_server, transactional_db, django_db_serialized_rollback, monkeypatch):
    load_reference_data()
    # The live server's request threads close their connection after each request (persistent
    # connections would outlive the test and keep the test database from being dropped).
    monkeypatch.setitem(connections["default"].settings_dict, "CONN_MAX_AGE", 0)
    for name in ("NO_PROXY", "no_proxy"):  # the live server is local, never behind a proxy
        monkeypatch.setenv(name, "localhost,127.0.0.1")
    return live_server.url


def _rows(value):
    """The client's XML answers: one row is a mapping, several a list, none None."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _discovered_endpoint(base: str, fmt: str) -> str:
    response = requests.get(f"{base}/open311/discovery.{fmt}", timeout=30)
    response.raise_for_status()
    if fmt == "json":
        endpoint = response.json()["endpoints"][0]
        formats = endpoint["formats"]
    else:
        endpoint = xmltodict.parse(response.content)["discovery"]["endpoints"]["endpoint"]
        formats = endpoint["formats"]["format"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert {"text/xml", "application/json"} <= set(formats)
    return endpoint["url"]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_georeport_client_reads_files_and_finds_requests(server, fmt):
    root = _discovered_endpoint(server, fmt)
    assert root == f"{server}/open311/v2"
    user = User.objects.get(username="mttq")
    key = api_token_create(actor=user, user=user, name="georeport")[1]
    # A ward's code; today's Đức Xuân (01840) took in the old ward of the same code.
    client = GeoReport(root, jurisdiction="01840", api_key=key, output_format=fmt)

    services = _rows(client.get_service_list())
    codes = {s["service_code"] for s in services}
    assert "moi_truong" in codes and len(services) == 14
    definition = client.get_service_definition("moi_truong")
    assert definition["service_code"] == "moi_truong"
    attributes = definition["attributes"]
    attributes = _rows(attributes if fmt == "json" else attributes["attribute"])
    assert [a["code"] for a in attributes] == ["legal_kind", "submitter_type", "place"]

    filed = requests.post(
        f"{root}/requests.{fmt}",
        data={
            "api_key": client.api_key,
            "jurisdiction_id": client.jurisdiction,
            "service_code": "moi_truong",
            "description": TEXT,
            "lat": "22.1465",
            "long": "105.8337",
            "first_name": "Lò Văn",
            "last_name": "Cống",
            "attribute[legal_kind]": "phan_anh",
        },
        timeout=30,
    )
    assert filed.status_code == 201, filed.content
    if fmt == "json":
        answer = filed.json()[0]
    else:
        answer = xmltodict.parse(filed.content)["service_requests"]["request"]
    public_id = answer["service_request_id"]
    petition = Petition.objects.get(public_id=public_id)
    assert (petition.unit.code, petition.unit.scheme) == ("01840", "2004")
    assert petition.channel == "api" and petition.legal_kind == "phan_anh"
    assert answer["tracking_code"] == petition.code

    found = client.get_service_request(public_id)
    assert found["service_request_id"] == public_id
    assert found["service_code"] == "moi_truong" and found["status"] == "open"
    assert "Lò Văn" not in str(found) and petition.code not in str(found)

    since = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1)).isoformat()
    listed = _rows(client.get_service_requests(service_code="moi_truong", start_date=since))
    assert public_id in {r["service_request_id"] for r in listed}
    by_id = _rows(client.get_service_requests(service_request_id=public_id))
    assert [r["service_request_id"] for r in by_id] == [public_id]
    # (georeport cannot read an empty XML list: xmltodict gives None for <service_requests/>;
    # so each filter below also has a request it must find)
    refused = PetitionFactory(unit=ward("01840"), topic=petition.topic, state="not_accepted")
    closed = _rows(client.get_service_requests(service_code="moi_truong", status="closed"))
    closed_ids = {r["service_request_id"] for r in closed}
    assert refused.public_id in closed_ids and public_id not in closed_ids
    song_cau = PetitionFactory(unit=ward("01837"))  # merged into today's Phường Bắc Kạn
    elsewhere = GeoReport(root, jurisdiction="01843", output_format=fmt)
    there = {r["service_request_id"] for r in _rows(elsewhere.get_service_requests())}
    assert song_cau.public_id in there and public_id not in there

    with pytest.raises(requests.HTTPError) as bad_date:
        client.get_service_requests(end_date="0001-01-01")
    assert bad_date.value.response.status_code == 400
    with pytest.raises(requests.HTTPError) as unknown:
        GeoReport(root, jurisdiction="99999", output_format=fmt).get_service_list()
    assert unknown.value.response.status_code == 404
    for response in (bad_date.value.response, unknown.value.response):
        if fmt == "json":
            error = response.json()[0]
        else:
            error = xmltodict.parse(response.content)["errors"]["error"]
        assert int(error["code"]) == response.status_code and error["description"]
