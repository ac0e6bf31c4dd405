import os
import subprocess
import sys

from django.db import connection


def test_database_url_selects_the_backend(db):
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_console_script_runs_project_commands_with_dashes():
    script = os.path.join(os.path.dirname(sys.executable), "doithoai")
    out = subprocess.run(
        [script, "load-units", "--help"], capture_output=True, text=True, check=True
    )
    assert "--legacy-province" in out.stdout


def test_passwords_are_hashed_with_argon2_outside_tests():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
