"""A page's versions in the site's languages: what the language switcher links to, what the
`<link rel="alternate" hreflang>` tags in every page's head announce, and the alternates each
page has in sitemap.xml. One definition, so that the three always agree.

A version is "untranslated" when it is a wagtail-localize alias of a page in another language:
the page in the reader's language tree whose content is still the original's. The switcher
offers it (a Welsh reader keeps the Welsh navigation), but search engines are not told it is a
page in that language, since its content is not: it points at the original as canonical.
"""

from django.conf import settings

from cms_pages.reader_language import text_direction


def language_order(code: str) -> int:
    """Where a language comes in the site's list of languages (settings.LANGUAGES)."""
    order = [language for language, _name in settings.LANGUAGES]
    return order.index(code) if code in order else len(order)


def language_versions(pages, request, *, current_pk=None) -> list[dict]:
    """The live pages of one translation group as language versions, in the site's order of
    languages: code, name, url, dir, whether it is the page being read (`current`) and whether
    it is an untranslated copy. Pages with no URL (outside every site) are left out. Expects
    each page's locale to be loaded with it (select_related("locale")), so that this makes no
    query but the site root paths Wagtail caches on the request."""
    versions = []
    for page in pages:
        url = page.get_url(request)
        if not url:
            continue
        code = page.locale.language_code
        versions.append(
            {
                "code": code,
                "name": page.locale.get_display_name(),
                "url": url,
                "dir": text_direction(code),
                "current": page.pk == current_pk,
                "untranslated": page.alias_of_id is not None,
                "page": page,
            }
        )
    versions.sort(key=lambda version: language_order(version["code"]))
    return versions


def search_engine_alternates(versions: list[dict]) -> list[dict]:
    """What to announce to search engines as the same page in other languages: every version
    in its own language (not untranslated copies), and `x-default`, the site's default
    language, for readers of any other; nothing when there is only one such version."""
    translated = [version for version in versions if not version["untranslated"]]
    if len(translated) < 2:
        return []
    alternates = [{"code": version["code"], "url": version["url"]} for version in translated]
    default = next((v for v in translated if v["code"] == settings.LANGUAGE_CODE), None)
    if default is not None:
        alternates.append({"code": "x-default", "url": default["url"]})
    return alternates


def canonical_original(versions: list[dict]) -> dict | None:
    """For an untranslated copy being read, the version whose content it copies (its canonical
    address); None otherwise."""
    current = next((version for version in versions if version["current"]), None)
    if current is None or not current["untranslated"]:
        return None
    source_pk = current["page"].alias_of_id
    return next((version for version in versions if version["page"].pk == source_pk), None)
