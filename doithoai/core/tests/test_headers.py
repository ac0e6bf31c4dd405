"""Security headers (docs/security.md, "HTTP headers"): a strict Content-Security-Policy on every
answer and no inline script or style in any template; nosniff, referrer, frames, HSTS in
production; no-store on staff pages, the API, tracking-code pages and every download."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from doithoai.core.middleware import _private

ROOT = Path(__file__).resolve().parents[3]
# Official documents rendered to PDF by WeasyPrint, never served to a browser as HTML.
PDF_ONLY = "core/rendering/templates/"


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in directives}


@pytest.mark.parametrize(
    "path",
    ["/", "/gui-kien-nghi/", "/tra-cuu/", "/ket-qua/", "/accounts/login/", "/khong-co-trang/"],
)
def test_every_public_page_has_the_strict_policy(client, db, path):
    response = client.get(path)
    policy = _policy(response)
    assert policy["script-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_staff_pages_api_and_admin_have_the_policy(client, demo_user):
    client.force_login(demo_user("vanphong"))
    for path in ["/staff/", "/staff/kien-nghi/", "/api/v1/petitions", "/admin/login/"]:
        response = client.get(path)
        assert response.status_code in (200, 302), path
        assert _policy(response)["script-src"] == ["'self'"], path


def _templates() -> list[Path]:
    return [
        p
        for p in (ROOT / "doithoai").rglob("templates/**/*.html")
        if not str(p.relative_to(ROOT / "doithoai")).startswith(PDF_ONLY)
    ]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)


def test_no_template_holds_inline_script_handlers_or_styles():
    """The policy would block them: behaviour lives in static files (doithoai/site.js)."""
    templates = _templates()
    assert len(templates) > 50, "the scan found no templates"
    found = [
        f"{p.relative_to(ROOT)}: {pattern.pattern}"
        for p in templates
        for pattern in (INLINE_SCRIPT, HANDLER, INLINE_STYLE, re.compile("javascript:", re.I))
        if pattern.search(p.read_text())
    ]
    assert found == []


def test_the_scan_would_see_inline_script():
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/x.js" defer></script>')
    assert HANDLER.search('<button onclick="x()">') and INLINE_STYLE.search('<p style="x">')


def test_htmx_is_told_not_to_inject_styles_or_evaluate(client, db):
    body = client.get("/").content.decode()
    assert '"includeIndicatorStyles":false' in body and '"allowEval":false' in body
    assert "doithoai/site.js" in body


def test_hsts_in_production_settings():
    env = {**os.environ, "DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "example.vn"}
    code = (
        "import config.settings.prod as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    seconds, subdomains, secure_cookies = out.stdout.split()
    assert int(seconds) >= 31536000 and subdomains == "False" and secure_cookies == "True"


def test_hsts_is_sent_over_https(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    assert client.get("/", secure=True)["Strict-Transport-Security"] == "max-age=31536000"
    assert "Strict-Transport-Security" not in client.get("/")


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


def test_public_pages_stay_cacheable(client, db):
    for path in ["/", "/ket-qua/", "/gui-kien-nghi/", "/api/v1/public/results/rounds"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert not _no_store(response), path


def test_tracking_code_pages_login_and_api_are_not_stored(client, db):
    for path in ["/tra-cuu/", "/tra-cuu/?ma=ABC-DEF-GHJK", "/accounts/login/", "/api/v1/petitions"]:
        assert _no_store(client.get(path)), path


def test_staff_pages_and_exports_are_not_stored(client, demo_user):
    client.force_login(demo_user("vanphong"))
    for path in ["/staff/", "/staff/kien-nghi/", "/staff/kien-nghi/xuat.xlsx"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert _no_store(response) and "private" in response["Cache-Control"], path
    # A signed-in user's view of a public page (it shows who is signed in) is not stored either.
    assert _no_store(client.get("/"))


def test_downloads_and_credentials_are_never_stored_wherever_they_are():
    from django.http import HttpResponse

    factory = RequestFactory()
    download = HttpResponse(b"x", headers={"Content-Disposition": 'attachment; filename="a.pdf"'})
    assert _private(factory.get("/doi-thoai/1/tai-ve/"), download)
    assert _private(factory.get("/ket-qua/", HTTP_AUTHORIZATION="Bearer k"), HttpResponse())
    assert not _private(factory.get("/ket-qua/"), HttpResponse())
    assert not _private(factory.get("/api/v1/public/results/rounds"), HttpResponse())
