"""The test suite (pytest-django). SQLite unless DATABASE_URL names PostgreSQL."""

from .base import *  # noqa: F403
from .base import BASE_DIR

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"

# Wagtail caches site root paths; a cache shared between tests would serve one test another's
# sites.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    # One test process; tests/conftest.py empties it before each test.
    "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# This cache is not shared between processes; the tests run in one.
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "django_ratelimit.W001"]  # noqa: F405
# No virus scanner unless a test starts its own (tests/security/test_virus_scan.py).
REDRESS_CLAMD_SOCKET = None
REDRESS_CLAMD_HOST = None
