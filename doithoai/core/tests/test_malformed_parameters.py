"""Every page and endpoint a GET reaches answers malformed query parameters with a 4xx or a
normal page, never a 500: out-of-range numbers, broken dates and cursors, NUL characters."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

MALFORMED = [
    "q=%00",
    "q=a%00b&topic=%00",
    "unit=99999999999999999999",
    "unit=abc",
    "page=-1",
    "after=%%%",
    "date_from=2026-13-45",
    "round=99999999999999999999",
    "limit=999999999999",
    "year=abc",
]


def _paths(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _paths(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def _get_urls():
    """Every route outside the admin, with its int and str parts filled in."""
    urls = set()
    for raw in _paths(get_resolver().url_patterns):
        path = "/" + raw.lstrip("^").rstrip("$")
        if path.startswith("/admin") or "(" in path or "\\" in path:
            continue
        path = re.sub(r"<int:\w+>", "1", path)
        path = re.sub(r"<(?:str|slug|path):\w+>", "x", path)
        if "<" not in path:
            urls.add(path)
    return sorted(urls)


@pytest.mark.parametrize("username", [None, "tinh", "chuyenvien"])
def test_malformed_parameters_never_give_a_500(client, demo_user, username):
    if username:
        client.force_login(demo_user(username))
    urls = _get_urls()
    assert len(urls) > 50
    failures = [
        (url, query)
        for url in urls
        for query in MALFORMED
        if client.get(f"{url}?{query}").status_code >= 500
    ]
    assert failures == []


@pytest.mark.parametrize(
    ("url", "content_type"),
    [
        ("/api/v1/petitions?q=%00", "application/problem+json"),
        ("/open311/v2/requests.json?service_code=%00", "application/json"),
        ("/staff/kien-nghi/?q=%00", "text/plain; charset=utf-8"),
    ],
)
def test_a_nul_character_is_a_400_in_the_callers_format(client, db, url, content_type):
    response = client.get(url)
    assert response.status_code == 400 and response["Content-Type"] == content_type
    assert "NUL" in response.content.decode()


def test_a_nul_character_in_a_posted_form_is_a_400(client, db):
    response = client.post("/gui-kien-nghi/", {"text": "Đề nghị\x00 sửa đường."})
    assert response.status_code == 400 and "NUL" in response.content.decode()
