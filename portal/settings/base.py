"""Settings shared by every environment.

Environment-specific modules (`dev`, `test`, `production`) import everything from here and
override only what differs.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "casework",
    "cms_pages",
    "portal",
    "portal.twofactor",
    "portal.raise_case",
    "portal.follow",
    "portal.formats",
    "django_ratelimit",
    "axes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "portal.language.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.request_body.UnreadableBodyMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.twofactor.sessions.StaffIdleTimeoutMiddleware",
    "portal.twofactor.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout response.
    "axes.middleware.AxesMiddleware",
]

# Staff sign-in (portal/staff_signin.py): django-axes counts failed password guesses per account
# and per address, at most 10 within 5 minutes of the last, then refuses that account or address
# until 5 minutes have passed without another guess counted.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = dt.timedelta(minutes=5)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# A guess made while locked out does not push the time to try again further away, so the time
# shown is true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# The log names the staff account and the address of each sign-in, so an administrator can see
# who was targeted and from where; axes never logs a password.
AXES_SENSITIVE_PARAMETERS = []
AXES_CLIENT_IP_CALLABLE = "portal.staff_signin.client_ip"
AXES_LOCKOUT_CALLABLE = "portal.staff_signin.lockout_response"

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "cms_pages.context_processors.chrome",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite is the embedded default so that the site runs with no server; PostgreSQL in production
# and in the second CI run, through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language and time: an English landlord, English by default (Code 3.1: other languages are
# reasonable adjustments, added as wagtail-localize locales).
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
LANGUAGES = [
    ("en-gb", "English"),
    ("cy", "Cymraeg"),
    ("ur", "اردو"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("REDRESS_MEDIA_ROOT", BASE_DIR / "var" / "media"))
# Case documents (uploads, letters) live outside MEDIA_ROOT and are served only through views
# that check who is asking: the "private" storage, local disk here and object storage when
# production says so (casework.models.private_storage).
REDRESS_PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("REDRESS_PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # No location: FileSystemStorage options are completed from REDRESS_PRIVATE_MEDIA_ROOT.
    "private": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}

WAGTAIL_SITE_NAME = "Redress"
# Letters carry the landlord's name, logo and contact details, which cms_pages keeps; casework
# asks for them through this callable rather than importing cms_pages.
REDRESS_LETTER_BRANDING = "cms_pages.branding.letter_branding"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt", "csv", "xlsx"]
# Site search (cms_pages/search.py): Wagtail's database backend, which is PostgreSQL's full-text
# search when the database is PostgreSQL and SQLite's FTS5 otherwise, so no search server is
# needed. Pages are indexed as they are saved and published; `manage.py update_index` rebuilds.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Rate limits (django-ratelimit) count in the database, so every web process sees the same
# counts; `manage.py createcachetable` (run by `make run` and the deployment steps) makes the table.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "portal.ratelimit_cache.AtomicDatabaseCache",
        "LOCATION": "redress_ratelimit",
    },
}
RATELIMIT_USE_CACHE = "ratelimit"
# django-ratelimit checks for memcached or Redis, whose increments are atomic; Django's database
# cache's are not, so portal/ratelimit_cache.py makes each increment one compare-and-swap UPDATE,
# and a burst of requests at the same instant is counted request by request.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003"]
# How often one address may do each thing before being asked to wait (django-ratelimit rates).
REDRESS_RATE_LIMITS = {
    "submit": "10/h",  # sending a complaint, request or feedback
    "upload": "40/h",  # files added to a form
    "sign_in_link": "5/15m",  # asking for a link to follow a case
}

# Uploads are scanned by ClamAV's clamd when one of these is set (casework/uploads.py): a Unix
# socket path, or a host (and port, 3310 by default).
REDRESS_CLAMD_SOCKET = os.environ.get("REDRESS_CLAMD_SOCKET") or None
REDRESS_CLAMD_HOST = os.environ.get("REDRESS_CLAMD_HOST") or None
REDRESS_CLAMD_PORT = int(os.environ.get("REDRESS_CLAMD_PORT", "3310"))

# Background work: Django's tasks API through django-tasks, stored in the database so that
# nothing is lost while a worker is down (`manage.py db_worker` runs them).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "complaints@example.org")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# A form sent without its security token gets the site's own 403 page, saying what to do.
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGIN_URL = "wagtailadmin_login"
# A staff session with no request for this long is signed out (portal/twofactor/sessions.py).
REDRESS_STAFF_IDLE_MINUTES = int(os.environ.get("REDRESS_STAFF_IDLE_MINUTES", "60"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every rendering step at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
