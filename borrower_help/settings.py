"""Settings for Borrower Help, read from the environment.

One file for every environment. Development defaults are safe to run on a laptop;
production hardening is switched on by environment variables (see README, "Configuration").
A malformed value stops start-up with a message naming the variable.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}"
    )


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(
            f"{name} must be a comma-separated list without empty items; got {raw!r}"
        )
    return items


# Off unless asked for: a deployment that forgets the variable must not show tracebacks.
# `make run` sets DEBUG=1; a pytest run (pytest sets PYTEST_VERSION before Django starts)
# counts as development too.
DEBUG = env_bool("DEBUG", "PYTEST_VERSION" in os.environ)

_DEV_SECRET = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
if not DEBUG and SECRET_KEY == _DEV_SECRET:
    raise ImproperlyConfigured("SECRET_KEY must not be the development key when DEBUG is off")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # runserver (make run) leaves static files to whitenoise, as production does, so they
    # come compressed there too.
    "whitenoise.runserver_nostatic",
    "advisor.admin_site.EditorsAdminConfig",  # django.contrib.admin with the editors dashboard
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "advisor",
]

MIDDLEWARE = [
    # Pages compressed when served without a proxy (make serve, make run); Django's GZip adds
    # random padding against BREACH, and CSRF tokens are masked per response. It sits above
    # whitenoise so that static files served from the source folders in development (make
    # run) are compressed too; in production whitenoise sends its own pre-compressed copies,
    # which GZip leaves alone (they already carry Content-Encoding).
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "advisor.middleware.RequestLogMiddleware",
    "advisor.counts.CountsMiddleware",
    "advisor.middleware.SessionMiddleware",
    "advisor.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "advisor.middleware.SecurityHeadersMiddleware",
    "advisor.middleware.DocumentsBusyMiddleware",
    # Axes must be last: it turns a locked-out login into a lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "borrower_help.urls"
WSGI_APPLICATION = "borrower_help.wsgi.application"
ASGI_APPLICATION = "borrower_help.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "advisor.context_processors.site",
            ],
        },
    },
]

# Form field markup is written once, in templates/django/forms/field.html.
FORM_RENDERER = "advisor.forms_renderer.SiteFormRenderer"

try:
    DATABASES = {
        "default": dj_database_url.config(
            env="DATABASE_URL",
            default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
            conn_health_checks=True,
        )
    }
except ValueError as exc:  # dj-database-url raises ValueError on unknown schemes
    raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer fails a request in seconds, not minutes; the door
    # pages are then served from the last-known-good content (advisor.content).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env_int("DATABASE_CONNECT_TIMEOUT", 3, minimum=1)
    )

elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Write-ahead log: readers no longer wait for a writer, and a commit appends to the log
    # instead of creating and deleting a journal file (synchronous stays FULL, as before:
    # a saved answer survives a power cut). IMMEDIATE takes the write lock when a
    # transaction starts, so two app processes wait for each other instead of failing
    # with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL;",
        transaction_mode="IMMEDIATE",
    )

# /healthz reports database_write failed (503) when SQLite's disk has less free space than
# this: a full disk takes no new borrower's answers.
DATABASE_MIN_FREE_MB = env_int("DATABASE_MIN_FREE_MB", 16)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    if not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"REDIS_URL must start with redis://, rediss:// or unix://; got {REDIS_URL!r}"
        )
    # A failing Redis is a cache miss, never an error page (advisor.cache): short timeouts,
    # no retries, and the server is left alone for a few seconds after a failure.
    _REDIS_TIMEOUT = env_int("REDIS_TIMEOUT_MS", 250, minimum=10) / 1000
    CACHES = {
        "default": {
            "BACKEND": "advisor.cache.SafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "bh",
            "TIMEOUT": 300,
            "OPTIONS": {
                "socket_connect_timeout": _REDIS_TIMEOUT,
                "socket_timeout": _REDIS_TIMEOUT,
                "retry_on_timeout": False,
                "retry_on_error": [],
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions hold the borrower's answers. They live in the database so that several app
# servers share them; they expire after SESSION_HOURS (default 24) and "erase my data"
# deletes the row at once. See README, "Privacy". The store (advisor.sessionstore) survives
# an outage: a session that cannot be read is empty for that request and never written back,
# one that cannot be written is reported instead of silently dropped
# (advisor.middleware.SessionMiddleware), and answers are written only when they changed.
# The row is the only copy, also with REDIS_URL (README, "Sessions").
SESSION_ENGINE = "advisor.sessionstore"
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 24, minimum=1) * 3600
# Expiry counts from the last use, not the last change: a borrower reading their result
# the next morning still has it.
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "bh_session"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30, minimum=1) / 60  # hours
# Lock a username only together with the address it was tried from, never either alone: one
# person mistyping (or someone attacking one account) cannot lock every other editor out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# ...and an address on its own once its failures over every username reach this many in the
# same cool-off period (advisor.admin_lockout): one address cannot guess across usernames.
ADMIN_FAILURES_PER_ADDRESS = env_int("ADMIN_FAILURES_PER_ADDRESS", 10, minimum=1)
AXES_HANDLER = "advisor.admin_lockout.AddressCappedHandler"
# The real client address behind our proxy (advisor.http.client_address), not the proxy's.
AXES_CLIENT_IP_CALLABLE = "advisor.http.axes_client_address"
# Failed-login records (address, browser, typed username) are deleted after this many days by
# `manage.py purge_login_records` (README, "Scheduled jobs").
LOGIN_RECORD_RETENTION_DAYS = env_int("LOGIN_RECORD_RETENTION_DAYS", 30, minimum=1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"  # a Chinese page instead of the English default

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
    ("zh-hant", "繁體中文"),
]
# The main catalog first; locale/parts/<area>/ hold catalogs kept per part of the site.
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "bh_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Cookies go with the visit (shared phones): the language choice and the CSRF cookie end when
# the browser closes, and the CSRF cookie is set only by a page that shows a form with a
# token. "Erase my data" deletes every cookie of the site (advisor.views.core.erase).
LANGUAGE_COOKIE_AGE = None
CSRF_COOKIE_AGE = None
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("PLAIN_STATIC", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# In development whitenoise serves straight from the source folders (no collectstatic).
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG

# Addresses of our own reverse proxies (addresses or networks). Only a request from one of
# them has its X-Forwarded-For believed (advisor.http.client_address).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", ["127.0.0.1", "::1"])

# Security. Production (DEBUG off) turns these on; each can be overridden for a proxy setup.
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4): everything from our own origin, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

# Logs: one line per request from advisor.middleware.RequestLogMiddleware, never a query
# string, form body or session content (borrower details must not reach logs).
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL; got {LOG_LEVEL!r}"
    )
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "borrower_help.requests": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        # django.request would log the full path with query string on 4xx/5xx; our own line replaces it.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}

# Product settings.
QUICK_EXIT_URL = env_str("QUICK_EXIT_URL", "https://www.baidu.com/s?wd=%E5%A4%A9%E6%B0%94")
# Last-known-good copy of published content, read when the database is down (advisor.content).
CONTENT_SNAPSHOT_DIR = Path(env_str("CONTENT_SNAPSHOT_DIR", str(BASE_DIR / "var" / "content")))
# A document request that waited longer than this in the proxy's queue is refused, not made.
DOCUMENT_MAX_WAIT_SECONDS = env_int("DOCUMENT_MAX_WAIT_SECONDS", 10, minimum=1)

# Opening saved data with a save code costs a slow key derivation: at most this many attempts
# per minute from one address (an IPv6 /64), counted in the database (advisor.throttle). The
# proxy paces everyone together by queueing, never by refusing (deploy/nginx.conf).
RESTORE_LIMIT_PER_CLIENT = env_int("RESTORE_LIMIT_PER_CLIENT", 10, minimum=1)
# Anonymous counts (advisor.counts) gather in each process's memory and are written this often.
COUNTS_FLUSH_SECONDS = env_int("COUNTS_FLUSH_SECONDS", 60, minimum=1)
SAVE_CODE_RETENTION_DAYS = env_int("SAVE_CODE_RETENTION_DAYS", 90, minimum=1)
CONTENT_REVIEW_DAYS = env_int("CONTENT_REVIEW_DAYS", 180, minimum=1)
CSRF_FAILURE_VIEW = "advisor.views.core.csrf_failure"
