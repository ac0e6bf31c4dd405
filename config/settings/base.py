"""Settings shared by every environment. Secrets come only from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # full-text search fields and GIN indexes (petitions/search.py)
    "django_htmx",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "doithoai.core",
    "doithoai.units",
    "doithoai.accounts",
    "doithoai.dialogues",
    "doithoai.petitions",
    "doithoai.synthesis",
    "doithoai.reports",
    "doithoai.notify",
    "doithoai.followup",
    "doithoai.documents",
    "doithoai.dataprotection",
    "doithoai.portal",
    "doithoai.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "doithoai.core.middleware.RefuseNulCharacters",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "doithoai.core.middleware.NoStoreOnPrivatePages",
    "django.contrib.messages.middleware.MessageMiddleware",
    "doithoai.accounts.middleware.IdleSessionTimeout",
    "django_otp.middleware.OTPMiddleware",
    "doithoai.accounts.middleware.SecondFactorRequired",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a refused login into the lockout page
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "doithoai" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'var' / 'doithoai.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "600")),
        # A persistent connection is checked before each request reuses it: after a database
        # restart the first request reconnects instead of failing.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"

# Covering indexes (INCLUDE) serve PostgreSQL; SQLite builds the key part and ignores the rest.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff-home"
LOGOUT_REDIRECT_URL = "public-home"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "doithoai" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DOITHOAI_STATIC_ROOT", BASE_DIR / "var" / "static"))
MEDIA_ROOT = Path(os.environ.get("DOITHOAI_MEDIA_ROOT", BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"
# A folder of replacement official-document templates (document.html, state.html, document.css).
DOITHOAI_DOCUMENT_TEMPLATES = os.environ.get("DOITHOAI_DOCUMENT_TEMPLATES", "")

# Uploads under random names with their sniffed type's extension, served by no URL: only the
# permission-checked download views read them (doithoai/core/storage.py, docs/security.md).
STORAGES = {
    "default": {"BACKEND": "doithoai.core.storage.PrivateFileStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# "default" is each process's own memory (computed values: areas, filter choices, page
# fragments). "shared" lives in the database, so every server process sees it: rate-limit
# counters and the unit tree's version (core/migrations/0002 creates its table).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "doithoai_shared_cache",
        "OPTIONS": {"MAX_ENTRIES": 50_000},  # rate-limit counters are culled only past this
    },
}

MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": os.environ.get("EMAIL_USE_TLS", "0") == "1",
            "timeout": 20,
        },
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "doithoai@localhost")

SESSION_COOKIE_HTTPONLY = True
# Staff accounts (docs/security.md, "Accounts"). A session ends when the browser closes, after
# DOITHOAI_SESSION_IDLE_MINUTES unused (accounts.middleware.IdleSessionTimeout; 0: never; 30 in
# production, settings/prod.py) and at the latest SESSION_COOKIE_AGE after it was last saved.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 12 * 3600
DOITHOAI_SESSION_IDLE_MINUTES = int(os.environ.get("DOITHOAI_SESSION_IDLE_MINUTES", "0"))
AUTHENTICATION_BACKENDS = [
    "doithoai.accounts.backends.LockoutBackend",  # refuses a locked login before any hashing
    "django.contrib.auth.backends.ModelBackend",
]
# Login lockout (django-axes): AXES_FAILURE_LIMIT wrong passwords for an account (from any
# address) or from an address (for any account), each within AXES_COOLOFF_TIME of the last, lock
# that account or address, the right password included, until the cool-off has passed or an
# administrator unlocks it (/staff/khoa-dang-nhap/). Refused tries write nothing.
AXES_FAILURE_LIMIT = int(os.environ.get("DOITHOAI_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DOITHOAI_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "doithoai.accounts.lockout.lockout_address"
AXES_LOCKOUT_CALLABLE = "doithoai.accounts.lockout.lockout_response"
AXES_ENABLE_ADMIN = False  # unlocking goes through the staff page, which records it
AXES_VERBOSE = False
# Second factor (django-otp, TOTP with recovery codes) for every role that sees personal data
# (accounts.policies.needs_second_factor); on in production (settings/prod.py).
DOITHOAI_REQUIRE_OTP = os.environ.get("DOITHOAI_REQUIRE_OTP", "0") == "1"
OTP_TOTP_ISSUER = "doithoai"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"

# Security headers (docs/security.md, "HTTP headers"). No inline script or style anywhere: the
# templates load static files only (behaviour in doithoai/site.js, htmx told not to inject its
# indicator styles). The QR codes are inline SVG, the admin's icons data: images.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Answers that must stay in no cache (core.middleware.NoStoreOnPrivatePages): these paths, every
# file download, every request with credentials and every page shown to a signed-in user.
DOITHOAI_NO_STORE_PREFIXES = (
    "/staff/",
    "/admin/",
    "/accounts/",
    "/api/",
    "/tra-cuu/",
    "/kien-nghi/",
)
DOITHOAI_CACHEABLE_PREFIXES = ("/api/v1/public/",)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # No tracking code in any log line (doithoai/core/logfilters.py).
    "filters": {"no_codes": {"()": "doithoai.core.logfilters.RedactTrackingCodes"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_codes"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("DOITHOAI_LOG_LEVEL", "INFO")},
    "loggers": {
        # The PDF renderer's libraries narrate every step at INFO.
        **{name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
        # The development server's request lines, through the filtered handler.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

DOITHOAI_PUBLIC_URL = os.environ.get("DOITHOAI_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# Public form: submissions allowed per client address per hour.
DOITHOAI_PUBLIC_RATE_PER_HOUR = int(os.environ.get("DOITHOAI_PUBLIC_RATE_PER_HOUR", "20"))
# Reverse proxies whose X-Forwarded-For is believed (core.network.client_address): addresses or
# networks, comma-separated. Empty: the header is ignored and REMOTE_ADDR is the client.
DOITHOAI_TRUSTED_PROXIES = [
    p.strip() for p in os.environ.get("DOITHOAI_TRUSTED_PROXIES", "").split(",") if p.strip()
]
# Tracking-code lookups (page and public API together) per client address per hour: enough for a
# family or a ward office helping residents, far too few to harvest codes.
DOITHOAI_LOOKUP_RATE_PER_HOUR = int(os.environ.get("DOITHOAI_LOOKUP_RATE_PER_HOUR", "30"))
# Large exports (core/jobs.py): above this many rows an export runs as a background task with
# progress; its file waits this many hours for the officer who asked, then `retention` removes it.
DOITHOAI_EXPORT_BACKGROUND_ROWS = int(os.environ.get("DOITHOAI_EXPORT_BACKGROUND_ROWS", "5000"))
DOITHOAI_JOB_FILE_HOURS = int(os.environ.get("DOITHOAI_JOB_FILE_HOURS", "24"))
