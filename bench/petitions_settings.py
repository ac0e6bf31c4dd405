"""Production settings for the petition-scale benchmark: DEBUG off, a fixed secret, any host,
plain-HTTP cookies (the load generator talks to a loopback port), persistent DB connections."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret-7c1f0d9e2b4a")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")

from config.settings.prod import *  # noqa: F403

DEBUG = False
SECRET_KEY = "bench-only-not-secret-7c1f0d9e2b4a"  # noqa: S105 - benchmark only
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = "bench.petitions_urls"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
SECURE_PROXY_SSL_HEADER = None
DATABASES["default"]["CONN_MAX_AGE"] = 600  # noqa: F405
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Receipts are not mailed during the benchmark (the API bodies carry no email anyway).
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Public lookups come through a proxy on loopback, one client per X-Forwarded-For address
# (petitions_http.py): counted per client as in service, never refused.
DOITHOAI_TRUSTED_PROXIES = ["127.0.0.1"]
DOITHOAI_LOOKUP_RATE_PER_HOUR = 1_000_000_000
# The load generator signs in with a password only (no authenticator app).
DOITHOAI_REQUIRE_OTP = False
