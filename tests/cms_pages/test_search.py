"""Site search over the published pages, in the reader's language (cms_pages/search.py): a GET
form that works without JavaScript, paginated, with a clear answer when nothing matches."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, PageViewRestriction

from cms_pages.models import ContentPage
from cms_pages.search import PER_PAGE

pytestmark = pytest.mark.django_db


RESULT = re.compile(
    r'<h2 class="govuk-heading-s[^"]*"><a class="govuk-link" href="([^"]*)">([^<]+)</a>'
)


def result_titles(html: str) -> list[str]:
    return [title for _link, title in RESULT.findall(html)]


def result_links(html: str) -> list[str]:
    return [link for link, _title in RESULT.findall(html)]


def quoted(text: str) -> str:
    """In the curly quotes the page puts round the words searched for."""
    return f"\u2018{text}\u2019"


def content_page(parent, title: str, text: str, **fields) -> ContentPage:
    page = ContentPage(
        title=title,
        slug=re.sub(r"\W+", "-", title.lower()),
        body=[{"type": "paragraph", "value": f"<p>{text}</p>"}],
        **fields,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_word_from_the_policys_body_finds_the_policy(client, demo_site):
    # "tribunal" is only in the body of one of the policy's sections, not its title or intro.
    html = client.get("/search/", {"q": "tribunal"}).content.decode()
    assert result_titles(html) == ["Complaints policy"]
    assert result_links(html) == ["/complaints-policy/"]
    assert f"1 result for {quoted('tribunal')}" in html


def test_a_welsh_reader_searches_the_welsh_pages(client, translated_demo_site):
    # The Welsh policy says "tribiwnlys" (mutated after "neu"); the English word is not in it.
    html = client.get("/cy/search/", {"q": "dribiwnlys"}).content.decode()
    assert result_links(html) == ["/cy/complaints-policy/"]
    assert result_titles(html) == ["Polisi cwynion"]
    assert '<html lang="cy"' in html
    english = client.get("/cy/search/", {"q": "tribunal"}).content.decode()
    assert result_titles(english) == []
    # And the English reader is not shown the Welsh pages.
    assert result_titles(client.get("/search/", {"q": "dribiwnlys"}).content.decode()) == []
    # The Urdu tree, right to left.
    urdu = client.get("/ur/search/", {"q": "ٹریبونل"}).content.decode()
    assert result_links(urdu) == ["/ur/complaints-policy/"]


def test_results_are_paginated_and_keep_the_query(client, demo_site):
    home = demo_site.root_page
    for n in range(PER_PAGE + 3):
        content_page(home, f"Estate walkabout {n}", "Join the quarterly walkabout.")
    first = client.get("/search/", {"q": "walkabout"}).content.decode()
    assert len(result_titles(first)) == PER_PAGE
    assert f"{PER_PAGE + 3} results for {quoted('walkabout')}" in first
    assert 'class="govuk-pagination"' in first
    assert 'href="?q=walkabout&amp;page=2" rel="next"' in first
    second = client.get("/search/", {"q": "walkabout", "page": "2"}).content.decode()
    assert len(result_titles(second)) == 3
    assert 'href="?q=walkabout&amp;page=1" rel="prev"' in second
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    # A page number past the end shows the last page rather than failing.
    assert result_titles(client.get("/search/", {"q": "walkabout", "page": "99"}).content.decode())


def test_the_number_of_queries_does_not_grow_with_the_results(client, demo_site):
    home = demo_site.root_page
    content_page(home, "Garden waste one", "Green bins for garden waste.")

    def queries(query: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/search/", {"q": query}).status_code == 200
        return len(captured)

    queries("garden")  # the first request makes the site's settings rows (navigation and others)
    few = queries("garden")
    for n in range(PER_PAGE + 5):
        content_page(home, f"Garden waste {n}", "Green bins for garden waste.")
    assert queries("garden") == few


def test_unpublished_and_private_pages_are_not_found(client, demo_site):
    home = demo_site.root_page
    draft = content_page(home, "Draft newsletter", "Kingfisher sightings by the canal.")
    draft.unpublish()
    private = content_page(home, "Board papers", "Kingfisher budget for the board.")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    content_page(home, "Wildlife", "Kingfisher nesting boxes on our estates.")
    html = client.get("/search/", {"q": "kingfisher"}).content.decode()
    assert result_titles(html) == ["Wildlife"]


def test_nothing_found_says_so_and_how_to_search_better(client, demo_site):
    html = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert f"0 results for {quoted('xylophone')}" in html
    assert "There are no matching results" in html
    assert "checking your spelling" in html
    assert 'class="govuk-pagination"' not in html


def test_an_empty_search_asks_for_words(client, demo_site):
    # Sent empty: the GOV.UK error summary, linked to the field.
    html = client.get("/search/", {"q": "  "}).content.decode()
    assert 'class="govuk-error-summary"' in html
    assert '<a href="#search-query">Enter a word or phrase to search for</a>' in html
    assert 'aria-describedby="search-query-error"' in html
    assert "results for" not in html
    # Opened without a query: the form alone, no error.
    plain = client.get("/search/").content.decode()
    assert "govuk-error-summary" not in plain
    assert 'id="search-query"' in plain


def test_search_works_without_javascript(client, demo_site):
    """Both forms are plain GET forms to the search page in the reader's language: sending them
    needs no script, and the results are a page of links."""
    html = client.get("/complaints-policy/").content.decode()
    header = html.split('class="govuk-template__header"', 1)[1].split("</header>", 1)[0]
    form = re.search(r"<form[^>]*redress-header-search__form[^>]*>", header).group(0)
    assert 'action="/search/"' in form and 'method="get"' in form and 'role="search"' in form
    assert 'name="q"' in header
    page = client.get("/search/").content.decode()
    main = page.split("<main", 1)[1]
    assert re.search(r'<form[^>]*action="/search/" method="get"', main)


def test_the_header_search_goes_to_the_search_in_the_readers_language(client, translated_demo_site):
    html = client.get("/cy/complaints-policy/").content.decode()
    with translation.override("cy"):
        label = translation.gettext("Search this site")
    assert 'action="/cy/search/"' in html
    assert label in html and label != "Search this site"


def test_search_in_a_language_the_site_has_no_pages_in_finds_nothing(client, demo_site):
    # The Welsh locale exists, but the demo here has no Welsh pages.
    Locale.objects.get_or_create(language_code="cy")
    html = client.get("/cy/search/", {"q": "tribunal"}).content.decode()
    assert result_titles(html) == []
