"""The production settings pass Django's deployment checks, and serve their own static files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("doithoai")


def _prod_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": "k" * 20 + "-a-long-random-production-secret-key-" + "x" * 20,
        "DJANGO_ALLOWED_HOSTS": "doithoai.example.gov.vn",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    return env


def test_check_deploy_passes_at_warning_level(tmp_path):
    result = subprocess.run(
        [str(SCRIPT), "check", "--deploy", "--fail-level", "WARNING"],
        env=_prod_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = _prod_env(tmp_path)
    del env["DJANGO_SECRET_KEY"]
    result = subprocess.run(
        [str(SCRIPT), "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


@pytest.mark.parametrize("name", ["doithoai/site.css", "django_htmx/htmx-2.min.js"])
def test_collected_static_files_are_served_by_the_application(tmp_path, name):
    """collectstatic with hashed names, then a request through the production WSGI stack."""
    env = _prod_env(tmp_path) | {"DOITHOAI_STATIC_ROOT": str(tmp_path / "static")}
    collect = subprocess.run(
        [str(SCRIPT), "collectstatic", "--no-input", "-v", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert collect.returncode == 0, collect.stderr
    probe = (
        "import django, json; django.setup();"
        "from django.test import Client; from django.templatetags.static import static;"
        f"url = static({name!r});"
        "r = Client(HTTP_HOST='doithoai.example.gov.vn').get(url, secure=True);"
        "print(json.dumps([url, r.status_code, r.get('Cache-Control', '')]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    url, status, cache = __import__("json").loads(result.stdout.strip().splitlines()[-1])
    assert status == 200 and url != f"/static/{name}"  # a hashed name, served with a long cache
    assert "max-age" in cache
