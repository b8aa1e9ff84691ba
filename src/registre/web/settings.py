"""Django settings. Everything that differs between machines comes from the environment:

- DATABASE_URL: sqlite:///path or postgres://user:pass@host/db (default: var/registre.sqlite3)
- REGISTRE_VAR_DIR: where the SQLite file, uploads and screenshots go (default: ./var)
- REGISTRE_SECRET_KEY (required by `registre serve` outside demo mode), REGISTRE_DEBUG,
  REGISTRE_ALLOWED_HOSTS
- REGISTRE_DEMO=1: demo mode (`make run`, `registre serve --demo`): demo accounts allowed
- REGISTRE_HTTPS=1: served over HTTPS (Secure cookies, HSTS, redirect to https; behind a
  proxy, it must set X-Forwarded-Proto and strip the client's own)
- REGISTRE_PROXY_COUNT: number of trusted reverse proxies in front (client address for login
  throttling), REGISTRE_LOGIN_FAILURE_LIMIT, REGISTRE_LOGIN_ADDRESS_FAILURE_LIMIT,
  REGISTRE_LOGIN_COOLOFF_MINUTES,
  REGISTRE_SESSION_HOURS, REGISTRE_CALENDAR_TOKEN_DAYS
The production settings and their reasons: README, « Mise en production »; docs/security.md.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

PACKAGE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("REGISTRE_VAR_DIR", Path.cwd() / "var")).resolve()


def _int(name: str, default: int) -> int:
    return int(os.environ.get(name) or default)


DEMO_MODE = os.environ.get("REGISTRE_DEMO", "") == "1"
# Tests, the CLI and `make run` may do without a key; `registre serve` outside demo mode and the
# WSGI application refuse this one, and `check --deploy` flags it (security.W009).
INSECURE_SECRET_KEY = "django-insecure-registre-development-only"
SECRET_KEY = os.environ.get("REGISTRE_SECRET_KEY") or INSECURE_SECRET_KEY
DEBUG = os.environ.get("REGISTRE_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("REGISTRE_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver,[::1]").split(",")
HTTPS = os.environ.get("REGISTRE_HTTPS", "") == "1"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "auditlog",
    "axes",
    "csp",
    "drf_spectacular_sidecar",  # Redoc served with our static files (/api/docs/ works offline)
    "registre.web.accounts",
    "registre.web.register",
    "registre.web.clerk",
    "registre.web.front",
    "registre.web.downloads",
    "registre.web.grants",
    "registre.web.api",
    "registre.web.opendata",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "registre.web.register.audit.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "registre.web.security.middleware.RefusalMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "registre.web.urls"
WSGI_APPLICATION = "registre.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'registre.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL: readers never wait for the writer; IMMEDIATE: a writer takes the lock when its
    # transaction begins; the busy timeout: a web write waits for an import's transaction (one
    # document, short) instead of failing "database is locked"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "front:home"
# Django's full set, in French through its own translations; 12 characters as ANSSI advises.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account or address first
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling (django-axes): after AXES_FAILURE_LIMIT failures for one account, or
# REGISTRE_ADDRESS_FAILURE_LIMIT from one address (offices share one), logins are refused for the
# cool-off; an administrator lifts it (admin « Tentatives de connexion », or
# `registre manage axes_reset_username NOM` / `axes_reset_ip ADRESSE`).
AXES_HANDLER = "registre.web.security.lockout.RegistreAxesHandler"
AXES_FAILURE_LIMIT = _int("REGISTRE_LOGIN_FAILURE_LIMIT", 5)
REGISTRE_ADDRESS_FAILURE_LIMIT = _int("REGISTRE_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
AXES_COOLOFF_TIME = dt.timedelta(minutes=_int("REGISTRE_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS: list[
    str
] = []  # the account and address are the point of the log; passwords stay masked
AXES_LOCKOUT_CALLABLE = "registre.web.security.lockout.locked_out"
AXES_CLIENT_IP_CALLABLE = "registre.web.security.client_ip.client_ip"
REGISTRE_PROXY_COUNT = _int("REGISTRE_PROXY_COUNT", 0)

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("REGISTRE_STATIC_ROOT") or None  # whitenoise serves from the finders otherwise
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"

EMAIL_BACKEND = os.environ.get("REGISTRE_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("REGISTRE_FROM_EMAIL", "registre@localhost")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API Registre",
    "DESCRIPTION": "Délibérations publiées, votes et subventions.",
    "VERSION": "1.0.0",
    "REDOC_DIST": "SIDECAR",
    # two choice sets named "kind": the authority's nature, and the act's (deliberation, rectification, withdrawal)
    "ENUM_NAME_OVERRIDES": {
        "AuthorityKindEnum": "registre.web.register.models.Authority.KINDS",
        "ActKindEnum": "registre.web.register.models.Deliberation.KINDS",
    },
}

# The audit trail (django-auditlog, see register/audit.py): typed JSON values, no IP addresses.
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_DISABLE_REMOTE_ADDR = True

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = _int("REGISTRE_SESSION_HOURS", 4) * 3600  # idle time: each request renews it
SESSION_SAVE_EVERY_REQUEST = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
CALENDAR_TOKEN_DAYS = _int("REGISTRE_CALENDAR_TOKEN_DAYS", 365)

if HTTPS:
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content-Security-Policy (django-csp: Django 5.2 has none of its own). Pages load only this
# site's own scripts, styles, images and fonts; no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"secrets": {"()": "registre.web.security.logs.RedactSecrets"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["secrets"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # login failures and lock-outs (django-axes), refused actions
    "loggers": {"axes": {"level": "INFO"}, "registre.security": {"level": "INFO"}},
}
