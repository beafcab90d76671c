"""What operators see of a running site: one JSON log line per request and error reports with
personal data taken out.

A request's line holds its id, the route pattern (never the path, which can hold a case
reference), the view, the method, the status, how long it took and the user's numeric id. It
never holds a name, an email address or anything a resident wrote.
"""

import contextvars
import logging
import re
import time
import uuid

logger = logging.getLogger("redress.request")

_request_id = contextvars.ContextVar("request_id", default="")
# An id a load balancer or proxy already gave the request is kept if it looks like one.
_INCOMING_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdFilter(logging.Filter):
    """Adds the current request's id to every log record made while it is handled."""

    def filter(self, record):
        record.request_id = _request_id.get()
        return True


def request_summary(request, response, duration: float) -> dict:
    match = getattr(request, "resolver_match", None)
    user = getattr(request, "user", None)
    return {
        "request_id": _request_id.get(),
        "method": request.method,
        "route": f"/{match.route}" if match else None,
        "view": match.view_name if match else None,
        "status": response.status_code,
        "duration_ms": round(duration * 1000, 1),
        "user_id": user.pk if user is not None and user.is_authenticated else None,
    }


class RequestLogMiddleware:
    """Gives each request an id (answered in X-Request-ID) and logs it once it is answered.
    First in MIDDLEWARE, so the time includes every other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _INCOMING_ID.match(incoming) else uuid.uuid4().hex
        token = _request_id.set(request_id)
        request.request_id = request_id
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            logger.info(
                "request", extra=request_summary(request, response, time.monotonic() - started)
            )
            return response
        finally:
            _request_id.reset(token)


# What a Sentry event may keep of the request: never its body, cookies or query string, and
# only headers that say nothing about the person.
_SAFE_HEADERS = {"content-type", "content-length", "accept", "host", "x-request-id"}
_REDACTED = "[removed]"


def scrub_event(event: dict, hint=None) -> dict:
    """Sentry's before_send: removes what could identify a resident or member of staff, or
    repeat what they wrote, from an error report. The user is kept as a number only."""
    request = event.get("request")
    if request:
        for key in ("data", "cookies", "query_string", "env"):
            if key in request:
                request[key] = _REDACTED
        headers = request.get("headers") or {}
        request["headers"] = {
            name: value for name, value in headers.items() if name.lower() in _SAFE_HEADERS
        }
        if "url" in request:
            request["url"] = request["url"].split("?", 1)[0]
    user = event.get("user")
    if user:
        event["user"] = {"id": user["id"]} if "id" in user else {}
    event.pop("extra", None)
    for exception in (event.get("exception") or {}).get("values", []):
        # Exception messages can quote a form's values.
        exception["value"] = _REDACTED
        for frame in (exception.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)
    for crumb in (event.get("breadcrumbs") or {}).get("values", []):
        crumb.pop("data", None)
        if crumb.get("category") != "query":
            crumb["message"] = _REDACTED
    if "logentry" in event:
        event["logentry"] = {"message": _REDACTED}
    return event


def sentry_init(dsn: str, **options) -> None:
    import os

    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=scrub_event,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        **options,
    )
