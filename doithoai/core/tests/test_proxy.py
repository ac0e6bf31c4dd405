"""The client's address behind a reverse proxy: X-Forwarded-For is believed only from a trusted
proxy, read from the right; every rate limit counts the real client (docs/security.md)."""

import pytest
from django.test import RequestFactory

from doithoai.core import ratelimit
from doithoai.core.network import client_address, client_key, parse_address
from doithoai.petitions.models import Petition
from doithoai.petitions.tests.factories import ward
from doithoai.petitions.tests.test_petition_submit import VALID_PUBLIC

PROXY = "10.0.0.5"


def request(remote: str | None, forwarded: str | None = None):
    meta = {}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    req = RequestFactory().get("/", **meta)
    if remote is None:
        del req.META["REMOTE_ADDR"]
    else:
        req.META["REMOTE_ADDR"] = remote
    return req


@pytest.fixture
def behind_proxy(settings):
    settings.DOITHOAI_TRUSTED_PROXIES = ["10.0.0.0/24", "fd00::1"]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.DOITHOAI_TRUSTED_PROXIES = []
    assert client_address(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"
    # Not even the proxy's own address makes the header believed when no proxy is configured.
    assert client_address(request(PROXY, "198.51.100.1")) == PROXY


def test_a_spoofed_header_from_an_untrusted_client_is_ignored(behind_proxy):
    assert client_address(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"
    assert client_address(request("203.0.113.7", "10.0.0.6")) == "203.0.113.7"


def test_behind_one_proxy_the_forwarded_client_counts(behind_proxy):
    assert client_address(request(PROXY, "198.51.100.1")) == "198.51.100.1"
    # Whatever the client put in front, the proxy appended the address it really saw.
    assert client_address(request(PROXY, "1.2.3.4, 198.51.100.1")) == "198.51.100.1"
    assert client_address(request(PROXY, "garbage, 198.51.100.1")) == "198.51.100.1"


def test_behind_two_proxies_the_right_most_untrusted_address_counts(behind_proxy):
    # The client spoofed 1.2.3.4; the edge proxy 10.0.0.9 saw 198.51.100.1; 10.0.0.5 saw the edge.
    xff = "1.2.3.4, 198.51.100.1, 10.0.0.9"
    assert client_address(request(PROXY, xff)) == "198.51.100.1"


def test_odd_headers_fall_back_to_the_last_trusted_hop(behind_proxy):
    assert client_address(request(PROXY)) == PROXY
    assert client_address(request(PROXY, "")) == PROXY
    assert client_address(request(PROXY, "not-an-address")) == PROXY
    assert client_address(request(PROXY, "10.0.0.7")) == "10.0.0.7"  # every hop trusted
    assert client_address(request(PROXY, "198.51.100.1:51000")) == "198.51.100.1"
    assert client_address(request(PROXY, "[2001:db8::7]:443")) == "2001:db8::7"
    assert client_address(request("fd00::1", "2001:db8::7")) == "2001:db8::7"
    assert client_address(request("::ffff:10.0.0.5", "198.51.100.1")) == "198.51.100.1"


def test_missing_or_odd_remote_address():
    assert client_address(request(None)) == "unknown"
    assert client_address(request("")) == "unknown"
    assert client_address(request("unix-socket")) == "unix-socket"
    assert parse_address("999.1.1.1") is None


def test_ipv6_clients_are_counted_per_64_network(behind_proxy):
    assert client_key(request("2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::/64"
    assert client_key(request(PROXY, "2001:db8:1:2::99")) == "2001:db8:1:2::/64"
    assert client_key(request("203.0.113.7")) == "203.0.113.7"


def test_the_trusted_list_may_be_a_comma_separated_string(settings):
    settings.DOITHOAI_TRUSTED_PROXIES = "10.0.0.5, 192.168.0.0/16"
    assert client_address(request("192.168.3.4", "198.51.100.1")) == "198.51.100.1"
    assert client_address(request("10.0.0.6", "198.51.100.1")) == "10.0.0.6"


def test_the_rate_limit_counts_each_client_behind_the_proxy(db, behind_proxy):
    alice = request(PROXY, "198.51.100.1")
    bob = request(PROXY, "198.51.100.2")
    assert ratelimit.hit("t", alice, limit=1)
    assert not ratelimit.hit("t", alice, limit=1)
    assert ratelimit.hit("t", bob, limit=1)  # the proxy's address is not one shared quota


def test_a_client_cannot_escape_the_limit_by_spoofing(db, behind_proxy):
    assert ratelimit.hit("t", request("203.0.113.7", "198.51.100.1"), limit=1)
    assert not ratelimit.hit("t", request("203.0.113.7", "198.51.100.2"), limit=1)
    behind = "198.51.100.9"
    assert ratelimit.hit("t", request(PROXY, f"1.1.1.1, {behind}"), limit=1)
    assert not ratelimit.hit("t", request(PROXY, f"2.2.2.2, {behind}"), limit=1)


@pytest.fixture
def form(db):
    return {**VALID_PUBLIC, "unit": str(ward().pk)}


def _submit(client, form, token, forwarded):
    data = {**form, "submission_token": token}
    return client.post("/gui-kien-nghi/", data, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def test_the_public_form_limits_each_citizen_not_the_city(client, form, settings, behind_proxy):
    settings.DOITHOAI_PUBLIC_RATE_PER_HOUR = 1
    assert _submit(client, form, "a1", "198.51.100.1").status_code == 302
    before = Petition.objects.count()
    refused = _submit(client, form, "a2", "9.9.9.9, 198.51.100.1")
    assert refused.status_code == 429 and Petition.objects.count() == before
    assert _submit(client, form, "b1", "198.51.100.2").status_code == 302  # another citizen
    assert Petition.objects.count() == before + 1


def test_without_the_setting_the_proxy_would_be_one_client(client, form, settings):
    """The failure the setting prevents: the proxy's address counted for everyone."""
    settings.DOITHOAI_TRUSTED_PROXIES = []
    settings.DOITHOAI_PUBLIC_RATE_PER_HOUR = 1
    assert _submit(client, form, "a1", "198.51.100.1").status_code == 302
    assert _submit(client, form, "b1", "198.51.100.2").status_code == 429


def test_the_api_submission_limit_counts_the_real_client(client, form, settings, behind_proxy):
    settings.DOITHOAI_PUBLIC_RATE_PER_HOUR = 1
    body = {
        "unit_id": int(form["unit"]),
        "place": form["place"],
        "legal_kind": "kien_nghi",
        "text": form["text"],
        "submitter_name": form["submitter_name"],
        "phone": form["phone"],
        "consent": True,
    }

    def post(forwarded):
        return client.post(
            "/api/v1/public/petitions",
            body,
            content_type="application/json",
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    first = post("198.51.100.1")
    assert first.status_code == 201, first.content
    assert post("198.51.100.1").status_code == 429
    assert post("198.51.100.2").status_code in (200, 201)
