"""The site's URLs and error handlers, with views that fail in each way the error pages answer
(tests/portal/test_errors.py)."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.urls import re_path

from portal.urls import handler400, handler403, handler500  # noqa: F401
from portal.urls import urlpatterns as site_urlpatterns


def database_down(request):
    raise OperationalError("connection to server at 127.0.0.1 failed")


def forbidden(request):
    raise PermissionDenied


def malformed(request):
    raise SuspiciousOperation("The request could not be read.")


urlpatterns = [
    re_path(r"^(?:(?:cy|ur)/)?broken/$", database_down),
    re_path(r"^(?:(?:cy|ur)/)?forbidden/$", forbidden),
    re_path(r"^(?:(?:cy|ur)/)?malformed/$", malformed),
    *site_urlpatterns,
]
