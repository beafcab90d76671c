"""The reader's language, while an untranslated page's content is rendered in its own.

base.html renders a wagtail-localize alias's content inside `{% content_language %}`, so that
everything marked `lang="en-gb"` is English, its labels and dates too (WCAG 2.2 3.1.2). Links
to the site's own pages inside that content must still lead to the reader's language: the
template tags `reader_url` and `reader_pageurl` (templatetags/redress_chrome.py) and rich text
page links (`ReaderPageLinkHandler`, wagtail_hooks.py) resolve them in `reader_language()`.
"""

import contextvars
from contextlib import contextmanager

from django.conf import settings
from django.utils import translation

_READER_LANGUAGE = contextvars.ContextVar("reader_language", default=None)


def reader_language() -> str:
    """The language the reader chose; the active one outside `content_in`."""
    return _READER_LANGUAGE.get() or translation.get_language()


@contextmanager
def content_in(language_code: str):
    """Render in `language_code`, remembering the reader's language for links."""
    token = _READER_LANGUAGE.set(reader_language())
    try:
        with translation.override(language_code):
            yield
    finally:
        _READER_LANGUAGE.reset(token)


def localized_for_reader(page):
    """The page's translation in the reader's language, or the page itself."""
    with translation.override(reader_language()):
        return page.localized


def text_direction(language_code: str) -> str:
    try:
        return "rtl" if translation.get_language_info(language_code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def site_text_language() -> dict:
    """How to mark up what the landlord wrote once for the whole site (contact details, opening
    hours, service notices), which is in the site's default language: `lang` and `dir` when
    that is not the language being shown, else nothing (WCAG 2.2 3.1.2)."""
    own = settings.LANGUAGE_CODE
    if translation.get_language() == own:
        return {}
    return {"lang": own, "dir": text_direction(own)}
