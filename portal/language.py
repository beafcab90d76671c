"""Remembering the language a resident reads the public site in.

The URL prefix chooses the language (/ English, /cy/ Welsh, /ur/ Urdu; LocaleMiddleware reads
it). This middleware keeps the last language read in Django's language cookie, set only once
someone has read a language other than English, and a resident who comes back to the home
page from somewhere else (a bookmark, a search engine, a link in a letter) is taken to the
home page in that language. Moving between languages on the site itself, with the language
navigation, is never overridden.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation

# Only the resident-facing site: staff screens have their own language preference.
NOT_PUBLIC = ("/admin/", "/documents/", "/i18n/", "/static/", "/media/")


def _from_this_site(request) -> bool:
    if request.headers.get("Sec-Fetch-Site") in ("same-origin", "same-site"):
        return True
    referer = request.headers.get("Referer", "")
    return bool(referer) and urlsplit(referer).netloc == request.get_host()


def remembered_language(request) -> str | None:
    """The language in the visitor's cookie, when it is one the site offers."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return code if code in dict(settings.LANGUAGES) else None


class RememberLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        remembered = remembered_language(request)
        if (
            request.method == "GET"
            and request.path == "/"
            and remembered
            and remembered != settings.LANGUAGE_CODE
            and not _from_this_site(request)
        ):
            return HttpResponseRedirect(translate_url("/", remembered))
        response = self.get_response(request)
        language = translation.get_language()
        if (
            request.method == "GET"
            and response.status_code == 200
            and not request.path.startswith(NOT_PUBLIC)
            and response.get("Content-Type", "").startswith("text/html")
            and language in dict(settings.LANGUAGES)
            and language != remembered
            # Someone who only ever reads English is given no cookie at all.
            and (remembered or language != settings.LANGUAGE_CODE)
        ):
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
