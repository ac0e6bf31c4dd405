"""Production: every secret and host from the environment; refuses to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = os.environ.get("DJANGO_SECURE_COOKIES", "1") == "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HTTPS only: browsers that have seen the site over HTTPS refuse plain HTTP for a year (sent on
# HTTPS answers only). Subdomains are left out unless asked: other services of the same domain
# may still serve plain HTTP. The redirect from HTTP is the reverse proxy's, unless asked here.
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("DJANGO_HSTS_SUBDOMAINS", "0") == "1"
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SSL_REDIRECT", "0") == "1"
# A second factor for every role that sees personal data (docs/security.md, "Accounts").
DOITHOAI_REQUIRE_OTP = os.environ.get("DOITHOAI_REQUIRE_OTP", "1") == "1"
# Staff sessions end after this many minutes unused (0: never).
DOITHOAI_SESSION_IDLE_MINUTES = int(os.environ.get("DOITHOAI_SESSION_IDLE_MINUTES", "30"))
# Static files served by the application itself (WhiteNoise), compressed, with hashed names and
# far-future caching: run `doithoai collectstatic --no-input` at each deployment.
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]
SECURE_HSTS_PRELOAD = os.environ.get("DJANGO_HSTS_PRELOAD", "0") == "1"
# Deployment checks answered elsewhere, silenced only while their setting is off:
# W008 the reverse proxy redirects HTTP to HTTPS (deploy/nginx/doithoai.conf); W005 and W021
# HSTS for every subdomain and the browsers' preload list are the domain owner's decision (a
# government domain serves other sites) — DJANGO_HSTS_SUBDOMAINS=1 and DJANGO_HSTS_PRELOAD=1.
SILENCED_SYSTEM_CHECKS = [
    *SILENCED_SYSTEM_CHECKS,  # noqa: F405
    *([] if SECURE_SSL_REDIRECT else ["security.W008"]),
    *([] if SECURE_HSTS_INCLUDE_SUBDOMAINS else ["security.W005"]),
    *([] if SECURE_HSTS_PRELOAD else ["security.W021"]),
]
