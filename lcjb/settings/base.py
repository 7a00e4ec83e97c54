"""Settings shared by every mode.

With no environment variables set this is the embedded default: a SQLite file and a Celery
broker on the local file system, both under ``var/``, so that web, worker and beat run on one
machine with nothing to install. ``DATABASE_URL`` and ``REDIS_URL`` switch to PostgreSQL and
Redis. Importing settings makes no file or folder: ``lcjb/embedded.py`` makes the embedded
default's on the way to running (manage.py, the WSGI entry point, the Celery app).
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF

from lcjb import embedded

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

VAR_DIR = embedded.var_dir()  # LCJB_VAR_DIR, or var/


def _local_secret_key() -> str:
    """The embedded default's per-installation key (made by lcjb.embedded.prepare), or "" until
    it is made: Django refuses to run with an empty key, so nothing runs unprepared."""
    path = VAR_DIR / embedded.KEY_FILE
    return path.read_text().strip() if path.exists() else ""


SECRET_KEY = env("SECRET_KEY", default=None) or _local_secret_key()
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
BENCH_BARE_VIEW = env.bool("BENCH_BARE_VIEW", default=False)
SERVICE_NAME = env("SERVICE_NAME", default="LCJB Forum Manager")
# Where the accessibility statement sends reports of accessibility problems (the operator's
# e-mail address); without it the statement sends people to the board's office.
ACCESSIBILITY_CONTACT_EMAIL = env("ACCESSIBILITY_CONTACT_EMAIL", default="")

INSTALLED_APPS = [
    # Before the admin: Welsh and English columns for public text (each app's translation.py).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_forms_gds",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_filters",
    "django_celery_beat",
    "csp",
    "rest_framework",
    "drf_spectacular",
    # Our apps, in dependency order (seed_demo runs their demo modules in this order).
    "membership",
    "forums",
    "performance",
    "priorities",
    "national",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "lcjb.middleware.AnonymousGZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "lcjb.api.http.PublicApiMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "lcjb.middleware.LanguageSwitchMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "membership.two_factor.TwoFactorPendingMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "membership.sessions.IdleTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "forums.public_cache.PublicPageCacheMiddleware",
]

# Public pages kept until something changes (forums/public_cache.py). Time-dependent content
# (a consultation closing, a meeting becoming past) is at most this many seconds late.
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=300)
PUBLIC_PAGE_CACHE_VIEWS = [
    "forums:home",
    "forums:public-forum",
    "meetings:public-list",
    "meetings:public-forward-plan",
    "meetings:public-meeting",
    "performance:public-dashboard",
    "performance:public-victims-code",
    "performance:public-indicator",
    "performance:open-data",
    "priorities:public-list",
    "priorities:public-evaluation",
    "priorities:themes",
    "assessment:public",
    "national:overview",
    "national:indicator",
]
# Boards' year-end reports to the national level (annual evaluation, Victims' Code compliance)
# are due on this (month, day) after the plan year ends on 31 March.
NATIONAL_SUBMISSIONS_DUE = (6, 30)
# Writes to these apps' records make every kept public page out of date...
PUBLIC_PAGE_CACHE_APPS = ["membership", "forums", "performance", "priorities"]
# ...except these busy ones, which never show on a public page.
PUBLIC_PAGE_CACHE_IGNORED_MODELS = [
    "membership.Notification",
    "forums.PaperDownload",
    "forums.GeneratedReport",
]

# The public API (lcjb/api/): read-only, anonymous, JSON; each visitor's address is throttled.
API_ANON_RATE = env.str("API_ANON_RATE", default="120/minute")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "LCJB Forum Manager public API",
    "DESCRIPTION": "Read-only JSON of everything the boards have made public: areas, agencies, "
    "forums, seats, meetings, public agenda items and papers, published minutes and decisions, "
    "agreed priorities, approved evaluations, indicators, targets and published figures.",
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": False,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "lcjb.api.schema.describe_common_fields",
    ],
}

ROOT_URLCONF = "lcjb.urls"
WSGI_APPLICATION = "lcjb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lcjb.context_processors.service",
            ],
            # One way to write times on every page, email and PDF: {{ x|time_of_day }} etc.
            "builtins": [
                "membership.templatetags.dates",
                "membership.templatetags.tables",
                # {% bilingual %}: public text in the page's language, or marked as not.
                "forums.templatetags.bilingual",
                "lcjb.templatetags.language",  # {% html_lang %}, {% language_switcher %}
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Keep connections for a minute rather than opening one per request (most of a page's time on
# PostgreSQL otherwise); health checks drop a connection the server has closed.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Optional: a PostgreSQL read replica for anonymous visitors' public pages (lcjb/replica.py).
if env.str("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"].setdefault("CONN_MAX_AGE", DATABASES["default"]["CONN_MAX_AGE"])
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASE_ROUTERS = ["lcjb.replica.PublicReadsRouter"]
    MIDDLEWARE.insert(
        MIDDLEWARE.index("forums.public_cache.PublicPageCacheMiddleware"),
        "lcjb.replica.PublicPagesFromReplicaMiddleware",
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web, worker and beat share the file: wait for locks rather than fail.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "membership.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Two-factor codes: the issuer name authenticator apps show beside the account.
OTP_TOTP_ISSUER = SERVICE_NAME
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "forums:workspace"
LOGOUT_REDIRECT_URL = "forums:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2
# Sessions end after this long unused (membership/sessions.py): minutes, for people in a role
# that requires two-factor, and for everyone else.
SESSION_IDLE_MINUTES_TWO_FACTOR = env.int("SESSION_IDLE_MINUTES_TWO_FACTOR", default=30)
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=8 * 60)

# Roles that must sign in with a second factor (a person in one with no device is sent to set it
# up); others may turn it on. Names: site_admin, national_viewer and forum roles (Membership.Role).
TWO_FACTOR_REQUIRED_ROLES = env.list(
    "TWO_FACTOR_REQUIRED_ROLES", default=["site_admin", "secretariat", "chair", "national_viewer"]
)

# Failed sign-ins (docs/adr/0008): a person at an address is locked after AXES_FAILURE_LIMIT
# failures, an address trying many accounts after AXES_ADDRESS_FAILURE_LIMIT, for the cool-off.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=20)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "membership.sign_in.LockoutHandler"
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True  # every failure, kept after the lockout ends
AXES_ENABLE_ADMIN = False  # membership/sign_in_admin.py shows the records read only
# One counter per person and address: the typed address is normalised (case, spaces), and the
# address is the one the trusted proxy saw (see membership/sign_in.py, TRUSTED_PROXY_COUNT).
AXES_USERNAME_CALLABLE = "membership.sign_in.lockout_username"
AXES_CLIENT_IP_CALLABLE = "membership.sign_in.client_ip"

# English at the current addresses, Welsh under /cy/ (lcjb/urls.py). "en" is British English:
# its dates and numbers come from lcjb/formats/en. The interface catalogue is
# locale/cy/LC_MESSAGES/django.po; docs/welsh-glossary.md keeps its terms consistent.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["lcjb.formats"]
# Public text of a forum in Wales is held in both languages: ``<field>_en`` and ``<field>_cy``
# columns on the same row (django-modeltranslation; see the README). The bare name
# (``meeting.title``) always means English, whatever the page's language (lcjb/english_first.py),
# so nothing is written, searched or shown in the wrong language by accident. Welsh is written
# through ``<field>_cy`` form fields and shown through ``{% bilingual %}``, which marks English
# shown on a Welsh page with lang="en" and a visible note (forums/templatetags/bilingual.py).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "cy")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STORAGES = {
    # Uploaded papers are private: never under a public media URL, always served by a view
    # that checks permission. S3-compatible storage can replace this backend in production.
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": str(Path(env("PRIVATE_FILES_ROOT", default=str(VAR_DIR / "private"))))
        },
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024

# Serve static files straight from the apps and static/ (production uses collectstatic).
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=True)

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Email: the console by default; SMTP when EMAIL_URL is set (smtp+tls://user:pass@host:587).
if env("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="LCJB Forum Manager <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 20

# Broker and cache: Redis when REDIS_URL is set, otherwise the local file system.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    # A task whose worker died unacknowledged is delivered again after this: longer than the
    # longest task (REPORT_TIME_LIMIT) so a running task is never delivered twice.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 600}
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    _broker_dir = VAR_DIR / "celery"  # its folders are made by lcjb.embedded.prepare
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
    CELERY_RESULT_BACKEND = None
    # The file-system transport has no broadcast exchange for remote control.
    CELERY_WORKER_ENABLE_REMOTE_CONTROL = False
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }
CELERY_TIMEZONE = TIME_ZONE
CELERY_IMPORTS = ["lcjb.tasks"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_BROKER_CONNECTION_TIMEOUT = 3
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Reports: the build's soft and hard time limits (seconds), and the age after which a report
# still queued or running counts as stuck: the sweep (every 2 minutes) queues it again and the
# person may ask for it again. Stuck > hard limit, so a report still being built is never swept.
REPORT_SOFT_TIME_LIMIT = 240
REPORT_TIME_LIMIT = 300
REPORT_STUCK_AFTER_MINUTES = env.int("REPORT_STUCK_AFTER_MINUTES", default=6)
# After this many re-queues by the sweep a stuck report is marked failed (the person asks again).
REPORT_SWEEP_MAX_REQUEUES = env.int("REPORT_SWEEP_MAX_REQUEUES", default=3)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# No inline scripts or styles anywhere: every script and stylesheet is a file we serve.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
