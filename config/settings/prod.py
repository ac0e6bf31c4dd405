"""Production: every secret and host from the environment; refuses to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = os.environ.get("DJANGO_SECURE_COOKIES", "1") == "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
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
