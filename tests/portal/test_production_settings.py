"""What production adds for running on more than one server (README, "Deploying"): a clean
`check --deploy`, security headers and a Content-Security-Policy with no unsafe-inline, health
checks, JSON request logs and error reports without personal data."""

import logging
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
import sentry_sdk
from django.conf import settings as django_settings
from django.core.files.storage import FileSystemStorage
from django.http import HttpResponse
from django.test import RequestFactory
from sentry_sdk.transport import Transport

from portal.health import HealthCheckMiddleware
from portal.observability import scrub_event, sentry_init
from portal.security import FrameAncestorsMiddleware, PermissionsPolicyMiddleware

ROOT = Path(__file__).resolve().parents[2]
RESIDENT_EMAIL = "joan@example.net"


def not_a_number(value):
    # An exception whose message quotes what a resident typed, as int() and others do.
    raise ValueError(f"{value} is not a number")


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "complaints.example.org",
    "DATABASE_URL": "postgres://redress@db.example.org:5432/redress",
    "WAGTAILADMIN_BASE_URL": "https://complaints.example.org",
    "REDIS_URL": "redis://redis.example.org:6379/0",
    "REDRESS_S3_BUCKET": "redress-files",
    "REDRESS_S3_REGION": "eu-west-2",
}


def manage(*args, env) -> subprocess.CompletedProcess:
    # The browser tests' conftest allows Django's ORM in Playwright's event loop for the test
    # process only; a deployment never sets it, and check --deploy says so.
    leave_out = {*PRODUCTION, "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leave_out}
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_has_nothing_to_say_about_the_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_without_redis_check_deploy_says_the_rate_limits_are_counted_per_database_cache():
    env = {k: v for k, v in PRODUCTION.items() if k != "REDIS_URL"}
    result = manage("check", "--deploy", env=env)
    assert "django_ratelimit.W001" in result.stderr + result.stdout


def test_without_hsts_preload_check_deploy_warns():
    result = manage("check", "--deploy", env={**PRODUCTION, "SECURE_HSTS_PRELOAD": "false"})
    assert "security.W021" in result.stderr + result.stdout


def _production_settings(settings):
    """The production middleware and policy over the test settings."""
    settings.MIDDLEWARE = [
        "csp.middleware.CSPMiddleware",
        "portal.security.PermissionsPolicyMiddleware",
        "portal.security.FrameAncestorsMiddleware",
        *django_settings.MIDDLEWARE,
    ]
    from csp.constants import NONCE, NONE, SELF

    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, NONCE],
            "style-src": [SELF, NONCE],
            "frame-ancestors": [NONE],
        }
    }
    settings.X_FRAME_OPTIONS = "DENY"


def test_every_inline_script_and_style_on_a_page_carries_the_policy_nonce(
    client, settings, demo_site
):
    _production_settings(settings)
    for path in ("/", "/complain/", "/follow/"):
        response = client.get(path, follow=True)
        assert response.status_code == 200
        policy = response["Content-Security-Policy"]
        assert "unsafe-inline" not in policy
        nonce = policy.split("'nonce-", 1)[1].split("'", 1)[0]
        html = response.content.decode()
        tags = re.findall(r"<(?:script|style)\b[^>]*>", html)
        assert tags
        for tag in tags:
            assert f'nonce="{nonce}"' in tag or " src=" in tag, tag
        assert " style=" not in html


def test_frames_are_denied_except_where_a_view_allows_this_site():
    response = FrameAncestorsMiddleware(lambda request: HttpResponse())(RequestFactory().get("/"))
    assert getattr(response, "_csp_replace", None) is None

    def preview(request):
        response = HttpResponse()
        response["X-Frame-Options"] = "SAMEORIGIN"
        return response

    response = FrameAncestorsMiddleware(preview)(RequestFactory().get("/admin/pages/2/preview/"))
    assert response._csp_replace == {"frame-ancestors": ["'self'"]}

    def rendered_preview(request):
        # Wagtail renders the previewed page through the middleware, policy and all.
        response = preview(request)
        response["Content-Security-Policy"] = "default-src 'self'; frame-ancestors 'none'"
        return response

    response = FrameAncestorsMiddleware(rendered_preview)(RequestFactory().get("/"))
    assert response["Content-Security-Policy"] == "default-src 'self'; frame-ancestors 'self'"


def test_permissions_policy_turns_off_what_the_site_never_uses(settings):
    settings.PERMISSIONS_POLICY = {"camera": [], "geolocation": ["self"]}
    response = PermissionsPolicyMiddleware(lambda request: HttpResponse())(
        RequestFactory().get("/")
    )
    assert response["Permissions-Policy"] == "camera=(), geolocation=(self)"


@pytest.mark.django_db
def test_live_asks_nothing_of_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/health/live/")
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_ready_reports_checks_and_backlogs_without_personal_data(client):
    response = client.get("/health/ready/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["outbox"] == {"oldest_unsent_seconds": 0}
    assert body["checks"]["tasks"] == {"waiting": 0}
    assert response["Cache-Control"].startswith("max-age=0")


class UnreachableStorage(FileSystemStorage):
    def exists(self, name):
        raise ConnectionError("bucket unreachable")


@pytest.mark.django_db
def test_ready_is_503_when_storage_cannot_be_reached(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {"BACKEND": f"{__name__}.UnreachableStorage"},
    }
    response = client.get("/health/ready/")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == {"ok": False, "error": "ConnectionError"}


@pytest.mark.django_db
def test_the_load_balancer_may_ask_by_the_server_address():
    # Before ALLOWED_HOSTS is looked at: a load balancer asks each server by its own address.
    middleware = HealthCheckMiddleware(lambda request: HttpResponse(status=400))
    response = middleware(RequestFactory().get("/health/live/", HTTP_HOST="10.0.0.9:8000"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_each_request_is_logged_once_with_ids_and_no_personal_data(client, settings, caplog):
    settings.MIDDLEWARE = ["portal.observability.RequestLogMiddleware", *settings.MIDDLEWARE]
    with caplog.at_level(logging.INFO, logger="redress.request"):
        response = client.post("/follow/", {"email": "joan.smith@example.net"})
    [record] = [r for r in caplog.records if r.name == "redress.request"]
    assert record.request_id == response["X-Request-ID"]
    assert record.route == "/follow/"
    assert record.status == response.status_code
    assert record.user_id is None
    assert record.duration_ms >= 0
    assert "joan" not in str(record.__dict__)


EVENT = {
    "request": {
        "url": "https://complaints.example.org/follow/?email=joan@example.net",
        "query_string": "email=joan@example.net",
        "data": {"description": "My neighbour Joan Smith..."},
        "cookies": {"sessionid": "abc"},
        "headers": {"Cookie": "sessionid=abc", "User-Agent": "x", "Content-Type": "text/html"},
    },
    "user": {"id": 7, "email": "officer@example.org", "username": "olu"},
    "extra": {"form": "Joan Smith"},
    "exception": {
        "values": [
            {
                "value": "invalid literal for int(): 'joan@example.net'",
                "stacktrace": {"frames": [{"function": "post", "vars": {"email": "joan"}}]},
            }
        ]
    },
    "breadcrumbs": {"values": [{"category": "log", "message": "Joan Smith", "data": {"a": 1}}]},
}


def test_error_reports_keep_no_personal_data():
    import copy

    event = scrub_event(copy.deepcopy(EVENT))
    text = str(event)
    assert "joan" not in text.lower() and "officer@" not in text and "abc" not in text
    assert event["user"] == {"id": 7}
    assert event["request"]["url"] == "https://complaints.example.org/follow/"
    assert event["request"]["headers"] == {"Content-Type": "text/html"}


def test_sentry_sends_only_the_scrubbed_event():
    sent = []

    class Capture(Transport):
        def capture_envelope(self, envelope):
            sent.append(envelope)

    sentry_init("https://public@sentry.example.invalid/1", transport=Capture)
    try:
        sentry_sdk.set_user({"id": 7, "email": "officer@example.org"})
        try:
            not_a_number(RESIDENT_EMAIL)
        except ValueError:
            sentry_sdk.capture_exception()
        sentry_sdk.flush()
    finally:
        sentry_sdk.set_user(None)
        sentry_sdk.init()  # no DSN: reporting off again for the rest of the suite
    [envelope] = sent
    event = envelope.get_event()
    # The program's own source lines may be sent (pre_context); what the person typed not.
    [exception] = event["exception"]["values"]
    assert exception["value"] == "[removed]"
    assert all("vars" not in frame for frame in exception["stacktrace"]["frames"])
    assert event["user"] == {"id": 7}
