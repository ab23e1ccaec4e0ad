"""Settings, all read from environment variables with safe defaults.

Variables (see README): ZHAOSHANG_DEBUG, ZHAOSHANG_SECRET_KEY, DATABASE_URL, ZHAOSHANG_ALLOWED_HOSTS,
ZHAOSHANG_DATA_DIR, ZHAOSHANG_HTTPS, ZHAOSHANG_SESSION_MINUTES, EMAIL_HOST/EMAIL_PORT/EMAIL_HOST_USER/
EMAIL_HOST_PASSWORD/EMAIL_USE_TLS, ZHAOSHANG_MAX_UPLOAD_MB.
"""

import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from zhaoshang.settings_paths import PACKAGE_DIR, data_dir


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = data_dir()
DEBUG = _env_bool("ZHAOSHANG_DEBUG", False)
HTTPS = _env_bool("ZHAOSHANG_HTTPS", not DEBUG)


def _secret_key() -> str:
    key = os.environ.get("ZHAOSHANG_SECRET_KEY", "")
    key_file = DATA_DIR / "secret_key"
    if not key and key_file.exists():
        key = key_file.read_text().strip()
    if key:
        return key
    if DEBUG:
        return "insecure-development-key-do-not-use-in-production-0123456789"
    raise ImproperlyConfigured(
        "未设置密钥：请设置环境变量 ZHAOSHANG_SECRET_KEY (ZHAOSHANG_SECRET_KEY is required when DEBUG is off)."
    )


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ZHAOSHANG_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("ZHAOSHANG_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "ninja",  # the API docs from its own static files, not a CDN the policy would block
    "django_filters",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_tasks",
    "django_tasks_db",
    "zhaoshang.core",
    "zhaoshang.accounts",
    "zhaoshang.plans",
    "zhaoshang.supervision",
    "zhaoshang.projects",
    "zhaoshang.needs",
    "zhaoshang.meetings",
    "zhaoshang.reports",
    "zhaoshang.exports",
    "zhaoshang.kpis",
    "zhaoshang.search",
    "zhaoshang.registries",
    "zhaoshang.resources",
    "zhaoshang.targeting",
    "zhaoshang.network",
    "zhaoshang.talent",
    "zhaoshang.finance",
    "zhaoshang.innovation",
    "zhaoshang.platforms",
    "zhaoshang.industry",
    "zhaoshang.messaging",
    "zhaoshang.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "zhaoshang.core.static_files.StaticFilesMiddleware",  # WhiteNoise, quiet before collectstatic
    "django.contrib.sessions.middleware.SessionMiddleware",
    "zhaoshang.accounts.middleware.SlidingSession",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "zhaoshang.core.middleware.RefuseNullCharacters",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "zhaoshang.core.middleware.RequestIdMiddleware",
    "zhaoshang.accounts.middleware.AccountGate",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "zhaoshang.urls"
WSGI_APPLICATION = "zhaoshang.wsgi.application"

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
                "zhaoshang.core.context.permissions",
                "zhaoshang.supervision.context.notifications",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'zhaoshang.sqlite3'}",
        conn_max_age=int(os.environ.get("ZHAOSHANG_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
            "PRAGMA mmap_size=268435456; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; "
            # planner statistics: a live database is never ANALYZEd otherwise, and without them SQLite takes
            # `deleted_at IS NULL` for selective and misplans lists (bench/pipeline.py); bounded, cheap when fresh
            "PRAGMA analysis_limit=400; PRAGMA optimize=0x10002;"
        ),
        "transaction_mode": "IMMEDIATE",
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "zhaoshang.accounts.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "zhaoshang.accounts.passwords.CharacterClassValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# 等保: idle time-out, lock-out after repeated failures, log of log-ins (axes AccessLog).
SESSION_COOKIE_AGE = int(os.environ.get("ZHAOSHANG_SESSION_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = False  # the expiry slides by accounts.middleware.SlidingSession, at most once a minute
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
AXES_FAILURE_LIMIT = int(os.environ.get("ZHAOSHANG_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Behind a reverse proxy: X-Forwarded-For is believed only from these peers (comma list of IPs/CIDRs; empty: none).
ZHAOSHANG_TRUSTED_PROXIES = os.environ.get("ZHAOSHANG_TRUSTED_PROXIES", "")
AXES_CLIENT_IP_CALLABLE = "zhaoshang.core.client_ip.client_ip"
# One address failing this often within the cool-off is locked out for every username (0: no such limit).
ZHAOSHANG_LOGIN_FAILURE_LIMIT_PER_ADDRESS = int(os.environ.get("ZHAOSHANG_LOGIN_FAILURE_LIMIT_PER_ADDRESS", "20"))
AXES_HANDLER = "zhaoshang.core.lockout.AddressLimitHandler"

# API tokens and passwords (zhaoshang.accounts): a token lives one working day unless configured otherwise, and dies
# with any change of its user's password; a password older than ZHAOSHANG_PASSWORD_MAX_DAYS must be changed (0: never).
ZHAOSHANG_TOKEN_HOURS = int(os.environ.get("ZHAOSHANG_TOKEN_HOURS", "12"))
ZHAOSHANG_PASSWORD_MAX_DAYS = int(os.environ.get("ZHAOSHANG_PASSWORD_MAX_DAYS", "0"))
# Second factor (TOTP, django-otp) for these roles, e.g. "office,admin"; empty: off. When on, staff (/admin/) need it too.
ZHAOSHANG_2FA_ROLES = [r.strip() for r in os.environ.get("ZHAOSHANG_2FA_ROLES", "").split(",") if r.strip()]
OTP_TOTP_ISSUER = "招商引资工作管理平台"

SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the proxy/monitor probes plain HTTP on loopback
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy on every response (django-csp 4): scripts only from our own static files (no inline
# script, no eval: htmx runs with allowEval off, ECharts 5 needs no eval). Styles allow 'unsafe-inline' because
# the templates carry style="" attributes, ECharts writes its tooltips as HTML with inline styles and htmx adds
# its indicator <style>; inline styles cannot run script. The Django admin needs no exception.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
CSRF_FAILURE_VIEW = "zhaoshang.core.views_errors.csrf_failure"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]  # clear Chinese for Django's own validation messages (core: issue 12)
FORM_RENDERER = "zhaoshang.core.forms_renderer.FormRenderer"  # "请选择…" instead of Django's "---------"
FILTERS_EMPTY_CHOICE_LABEL = "全部"  # django-filter's empty choice in list filters
FILTERS_NULL_CHOICE_LABEL = "（空）"
FORMAT_MODULE_PATH = ["zhaoshang.core.formats"]  # ISO first in date inputs: <input type="date"> takes nothing else

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
# Uploaded originals (notices, later attachments) live outside the web root and are served by views.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("ZHAOSHANG_PRIVATE_MEDIA_ROOT") or DATA_DIR / "private")
MAX_UPLOAD_BYTES = int(os.environ.get("ZHAOSHANG_MAX_UPLOAD_MB", "20")) * 1024 * 1024
MAX_ATTACHMENT_BYTES = int(os.environ.get("ZHAOSHANG_MAX_ATTACHMENT_MB", "10")) * 1024 * 1024
# Every zip-based upload (.docx/.xlsx: notices, imports, attachments) passes zhaoshang.archive_guard first.
ARCHIVE_MAX_UNPACKED_MB = int(os.environ.get("ZHAOSHANG_ARCHIVE_MAX_UNPACKED_MB", "200"))
ARCHIVE_MAX_RATIO = 100
ARCHIVE_MAX_MEMBERS = 2000
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Background jobs (bulletins): django-tasks with its database queue, run by `zhaoshang db_worker`; without a
# worker the queuing process runs the job in a thread after a few seconds (zhaoshang.reports.jobs).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Message channels (docs/MESSAGING.md): the site's address for links in chat messages, the HTTP timeout per attempt
ZHAOSHANG_SITE_URL = os.environ.get("ZHAOSHANG_SITE_URL", "")
ZHAOSHANG_MESSAGING_TIMEOUT = float(os.environ.get("ZHAOSHANG_MESSAGING_TIMEOUT", "5"))

# Supervision: the light thresholds preset (docs/LIGHTS.md)
LIGHT_PRESET = os.environ.get("ZHAOSHANG_LIGHT_PRESET", "points_10_30")

# Projects: the phase clock's months per stage (JSON, merged over these defaults) and the days without an update
# that flag a project (zhaoshang.projects.clock)
ZHAOSHANG_STAGE_BUDGETS = {"negotiating": 3, "signed": 1, "registered": 2, "permitting": 3, "started": 12, **json.loads(os.environ.get("ZHAOSHANG_STAGE_BUDGETS") or "{}")}
ZHAOSHANG_STALE_DAYS = int(os.environ.get("ZHAOSHANG_STALE_DAYS", "30"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _env_bool("EMAIL_USE_TLS", False)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("ZHAOSHANG_FROM_EMAIL", "zhaoshang@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ZHAOSHANG_LOG_LEVEL", "WARNING")},
}
