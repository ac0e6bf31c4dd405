"""Tests: fast hashing, immediate tasks, in-memory files, the same database switch as production."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Off unless a test turns them on (accounts' tests do): other tests log in with force_login and
# move the clock.
DOITHOAI_REQUIRE_OTP = False
DOITHOAI_SESSION_IDLE_MINUTES = 0
