"""Site search: the published pages a reader can see, in the language they are reading.

Wagtail search with the backend in WAGTAILSEARCH_BACKENDS (portal/settings/base.py): the
database backend, which is PostgreSQL full-text search on PostgreSQL and SQLite's FTS5
otherwise. Pages are indexed when they are saved or published (Wagtail's signal handlers);
`manage.py update_index` rebuilds the whole index. Each page type names the fields searched
(`search_fields`: the title, the introduction and the body).
"""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.text import Truncator
from wagtail.models import Locale, Page, Site

PER_PAGE = 10
# Longer queries are cut: nobody types more, and the database need not match it.
MAX_QUERY_LENGTH = 200


def published_pages(request):
    """The live, public pages of the request's site in the active language (the Welsh tree for
    a Welsh reader, untranslated copies included), before searching."""
    pages = Page.objects.live().public()
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return pages.none()
    site = Site.find_for_request(request)
    if site is None:
        return pages.none()
    home = site.root_page.get_translation_or_none(locale)
    if home is None:
        return pages.none()
    return pages.descendant_of(home, inclusive=True).filter(locale=locale)


def pages_search(*, query: str, request, page_number) -> PaginatorPage:
    """One page of results for `query`, best match first."""
    results = published_pages(request).search(query[:MAX_QUERY_LENGTH])
    return Paginator(results, PER_PAGE).get_page(page_number)


def result_summaries(pages, request) -> list[dict]:
    """Title, address and description of each result, in order: its search description, else
    its introduction. One query per page type among the results, whatever their number."""
    ids = [page.pk for page in pages]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    summaries = []
    for pk in ids:
        page = specific.get(pk)
        if page is None:
            continue
        description = page.search_description or getattr(page, "intro", "")
        summaries.append(
            {
                "title": page.title,
                "url": page.get_url(request),
                "description": Truncator(description).words(40),
            }
        )
    return summaries
