"""A request body Django cannot read answers "bad request" (400), never a server error.

Django raises `BadRequest` (or `SuspiciousOperation`, `MultiPartParserError`) when it reads a
body it cannot parse: a form in a character set other than UTF-8, too many fields, too large a
body, a broken multipart body. It raises it again each time `request.POST` is read, and the
page that answers "bad request" (`django.views.defaults.bad_request`, the `handler400`) reads it
once more through its CSRF check, so the first error became a second inside the error page and
a 500. This middleware reads the body first; when Django refuses it, the request is left with an
empty form, as Django itself leaves a broken multipart body, and the error goes on to Django's
handler400, which renders the site's `400.html`.
"""

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import QueryDict
from django.http.multipartparser import MultiPartParserError
from django.utils.datastructures import MultiValueDict

UNREADABLE = (BadRequest, SuspiciousOperation, MultiPartParserError)


class UnreadableBodyMiddleware:
    """Goes before CsrfViewMiddleware, the first middleware to read `request.POST`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            try:
                request.POST  # noqa: B018 - reading it is the check
            except UNREADABLE:
                request._post = QueryDict()
                request._files = MultiValueDict()
                raise
        return self.get_response(request)
