"""The site's error pages: styled like every other page, in the reader's language.

The 404 and 403 pages have the whole page chrome (the landlord's name, contact details and the
Ombudsman in the footer), which the database supplies. The 400 and 500 pages do not: a 500 may
be the database failing, and a 400 may be a request too malformed to look its site up (a bad
Host header), so they are static templates rendered without a request, without context
processors and without a query. Their language comes from the address alone (/cy/..., /ur/...).
"""

from django.conf import settings
from django.http import HttpResponseBadRequest, HttpResponseForbidden, HttpResponseServerError
from django.template import loader
from django.utils import translation

from cms_pages.reader_language import text_direction

# What a visitor gets if even the static template cannot be rendered (a broken installation).
LAST_RESORT = (
    "<!DOCTYPE html><html lang='en-gb'><head><meta charset='utf-8'>"
    "<title>Sorry, there is a problem with the service</title></head><body>"
    "<h1>Sorry, there is a problem with the service</h1><p>Try again later.</p></body></html>"
)


def address_language(path: str) -> str:
    """The language the address is in (/cy/... is Welsh), without a query or a cookie: the
    default language when the path has no language prefix."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def home_address(language: str) -> str:
    """The home page's address in `language`, worked out from the URL scheme alone."""
    return "/" if language == settings.LANGUAGE_CODE else f"/{language}/"


def static_error_page(request, template_name: str) -> str:
    """`template_name` in the language of the request's address, with no database access."""
    language = address_language(request.path_info if request is not None else "/")
    try:
        with translation.override(language):
            return loader.render_to_string(
                template_name,
                {
                    "language_code": language,
                    "language_dir": text_direction(language),
                    "home_url": home_address(language),
                },
            )
    except Exception:  # an error page must answer whatever went wrong
        return LAST_RESORT


def bad_request(request, exception=None):
    """handler400: a request the site cannot make sense of (a malformed form, a bad header)."""
    return HttpResponseBadRequest(static_error_page(request, "400.html"))


def server_error(request):
    """handler500: the site has failed, perhaps its database; static, no query."""
    return HttpResponseServerError(static_error_page(request, "500.html"))


def permission_denied(request, exception=None):
    """handler403, with the page chrome."""
    html = loader.render_to_string("403.html", {}, request=request)
    return HttpResponseForbidden(html)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without its security token, most often because it was
    open so long that the session ended, or because the browser blocks cookies. Answered with
    the 403 page, saying what to do, rather than Django's bare page."""
    html = loader.render_to_string("403_csrf.html", {}, request=request)
    return HttpResponseForbidden(html)
