"""Production. Every secret and address comes from the environment; a missing one stops
start-up with a KeyError naming it, rather than running with an unsafe default.

Each shared service is chosen by an environment variable (README, "Deploying"): without them
the site runs on one server with local disk and the database cache, as `make run` does.
"""

import os
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from .base import *  # noqa: F403
from .base import (
    BASE_DIR,
    LOGGING,
    MIDDLEWARE,
    REDRESS_RATE_LIMITS,
    SILENCED_SYSTEM_CHECKS,
    STORAGES,
)


def _flag(name: str, default: bool) -> bool:
    return os.environ.get(name, "true" if default else "false").strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [host.strip() for host in os.environ["ALLOWED_HOSTS"].split(",") if host.strip()]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ["DATABASE_URL"],
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
WAGTAILADMIN_BASE_URL = os.environ["WAGTAILADMIN_BASE_URL"]
CSRF_TRUSTED_ORIGINS = [WAGTAILADMIN_BASE_URL]

# Mail goes out by SMTP. EMAIL_BACKEND=file writes each message to EMAIL_FILE_PATH instead (a
# staging site, or the production-stack test reading the sign-in link it was sent).
if os.environ.get("EMAIL_BACKEND", "smtp") == "file":
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
else:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _flag("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 20

# HTTPS, behind a proxy that says so in X-Forwarded-Proto (README: the nginx example sets it).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
# Say false for either when the landlord's other sites under the same domain cannot yet all
# be served over HTTPS; `check --deploy` then warns.
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page may be framed by another site; Wagtail's preview frames its own admin pages and says
# so on those responses (portal.security.FrameAncestorsMiddleware follows it in the CSP).
X_FRAME_OPTIONS = "DENY"

# Headers (portal/security.py): the browser features the site never uses are turned off.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
}

# The admin calls no other site: no avatars from Gravatar (they would tell it staff email
# addresses' hashes) and no check for new Wagtail releases (the landlord's IT team upgrades).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Content-Security-Policy (django-csp): only this site's own scripts and styles, and the few
# inline ones the templates mark with the request's nonce. Files in object storage are
# downloaded through the site's own views, so no other origin is needed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

MIDDLEWARE = [
    "portal.observability.RequestLogMiddleware",
    "portal.health.HealthCheckMiddleware",
    MIDDLEWARE[0],  # SecurityMiddleware
    # Static files from the web server itself, compressed and with far-future cache headers.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.security.PermissionsPolicyMiddleware",
    "portal.security.FrameAncestorsMiddleware",
    *MIDDLEWARE[1:],
]

# collectstatic writes hashed names (css/redress.3f2a….css) and their gzip and brotli copies;
# WhiteNoise serves hashed files as cacheable for ever.
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "var" / "static"))
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Files in S3-compatible object storage when REDRESS_S3_BUCKET is set, so that every web server
# and worker sees the same ones: case documents (evidence, letters) under private/, the site's
# media (images, documents, report PDFs) under media/. The bucket stays private: case documents
# are streamed through the views that check who is asking, and media links are signed and
# expire.
if bucket := os.environ.get("REDRESS_S3_BUCKET"):
    _s3 = {
        "bucket_name": bucket,
        "endpoint_url": os.environ.get("REDRESS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("REDRESS_S3_REGION") or None,
        "access_key": os.environ.get("REDRESS_S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("REDRESS_S3_SECRET_ACCESS_KEY") or None,
        "default_acl": "private",
        "querystring_auth": True,
        "querystring_expire": int(os.environ.get("REDRESS_S3_URL_SECONDS", "300")),
        "file_overwrite": False,
    }
    STORAGES = {
        **STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3, "location": "media"},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3, "location": "private"},
        },
    }
    # Wagtail documents are served through Wagtail's view, which checks their privacy first.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    # Images on pages (the landlord's logo, pictures in pages) load from signed links to the
    # bucket's address.
    _endpoint = os.environ.get("REDRESS_S3_ENDPOINT_URL", "")
    _image_origin = (
        "{0.scheme}://{0.netloc}".format(urlsplit(_endpoint))
        if _endpoint
        else "https://*.amazonaws.com"
    )
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_image_origin)

# The cache and the rate limits in Redis when REDIS_URL is set, so every web server counts the
# same limits; otherwise the database cache (base.py) counts them for the servers sharing it.
if redis_url := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "redress",
        },
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "redress-ratelimit",
        },
    }
    # django-ratelimit's list of backends predates Django's own RedisCache, whose increments
    # are Redis's atomic INCR, as the listed Redis backends' are.
    SILENCED_SYSTEM_CHECKS = [
        *(c for c in SILENCED_SYSTEM_CHECKS if c != "django_ratelimit.E003"),
        "django_ratelimit.W001",
    ]

# Behind a reverse proxy, the header holding the visitor's address (e.g. HTTP_X_REAL_IP), so
# that rate limits count visitors rather than the proxy.
if "RATELIMIT_IP_META_KEY" in os.environ:
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]

# A landlord may change the public forms' rates (base.py): REDRESS_RATE_LIMITS="submit=5/h".
if rates := os.environ.get("REDRESS_RATE_LIMITS"):
    REDRESS_RATE_LIMITS = {
        **REDRESS_RATE_LIMITS,
        **dict(item.strip().split("=", 1) for item in rates.split(",") if item.strip()),
    }

# One JSON object a line on standard output (portal/observability.py says what each request
# line holds: never a name, an email address or what a complaint says).
LOGGING = {
    **LOGGING,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "filters": {"request_id": {"()": "portal.observability.RequestIdFilter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "loggers": {
        **LOGGING["loggers"],
        # Each request is logged once, by RequestLogMiddleware; gunicorn's own access log is off.
        "django.server": {"level": "WARNING"},
    },
}

# Error reports to Sentry (or a compatible service) when SENTRY_DSN is set, with personal data
# taken out before anything is sent (portal/observability.py).
if os.environ.get("SENTRY_DSN"):
    from portal.observability import sentry_init

    sentry_init(os.environ["SENTRY_DSN"])
