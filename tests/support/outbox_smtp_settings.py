"""Settings for `send_outbox` run as its own process by tests/casework/test_outbox_smtp.py:
the test settings, sending through the SMTP server the test started, on the database that
DATABASE_URL names (shared with the test)."""

import os

from portal.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["REDRESS_TEST_SMTP_PORT"])
EMAIL_USE_TLS = False
EMAIL_TIMEOUT = 10
