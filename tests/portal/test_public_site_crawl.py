"""A resident finds everything from the home page: a crawl with the test client from `/` in
each language reaches every published page, the complaint form and following a complaint in
at most two clicks, and every public page links to the complaints policy, how to complain
(Code 3.4, 3.7) and following a complaint. On the demo site and on a site made from an empty
database (migrations only)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from cms_pages.models import HowToComplainPage, PolicyPage

pytestmark = pytest.mark.django_db

LANGUAGES = {"en-gb": "/", "cy": "/cy/", "ur": "/ur/"}
ANCHOR = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
HREF = re.compile(r'href="([^"]*)"')
# Not pages to read: files, the staff side, and links that change something.
SKIP = ("/admin/", "/documents/", "/static/", "/media/", "/i18n/", "/dev/")


def links_in(html: str) -> list[str]:
    hrefs = []
    for tag in ANCHOR.findall(html):
        if " download" in tag or "application/pdf" in tag:
            continue
        match = HREF.search(tag)
        if not match:
            continue
        href = match.group(1).replace("&amp;", "&").split("#", 1)[0]
        if href.startswith("/") and not href.startswith("//") and not href.startswith(SKIP):
            hrefs.append(href)
    return hrefs


def language_of(href: str) -> str:
    for language, prefix in LANGUAGES.items():
        if prefix != "/" and href.startswith(prefix):
            return language
    return "en-gb"


def crawl(start: str, max_clicks: int = 2, *, language: str | None = None) -> dict:
    """Every address reached from `start` within `max_clicks` clicks (redirects followed),
    keeping to `language`'s addresses when it is given (not the language navigation's links
    to the others): {address: (clicks, html)}."""
    client = Client()  # a new visitor: no language remembered from another crawl
    reached = {}
    frontier = [start]
    for clicks in range(max_clicks + 1):
        following = []
        for href in frontier:
            response = client.get(href, follow=True)
            assert response.status_code == 200, href
            html = response.content.decode()
            final = response.redirect_chain[-1][0] if response.redirect_chain else href
            for address in {href, final}:
                reached.setdefault(address, (clicks, html))
            if clicks < max_clicks:
                following.extend(
                    h
                    for h in links_in(html)
                    if h not in reached and (language is None or language_of(h) == language)
                )
        frontier = list(dict.fromkeys(h for h in following if h not in reached))
    return reached


def tree_urls(language: str) -> set[str]:
    """The addresses of every live page of the language's tree (the home page's and below)."""
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code=language)
    return {page.url for page in pages}


def expected_links(language: str) -> list[str]:
    """What every public page must link to, in the reader's language, where it exists."""
    with translation.override(language):
        links = [reverse("follow:start")]
    for page_class in (PolicyPage, HowToComplainPage):
        page = page_class.objects.live().filter(locale__language_code=language).first()
        if page is not None:
            links.append(page.url)
    return links


def check_site(language: str, start: str) -> None:
    reached = crawl(start, language=language)
    missing = tree_urls(language) - set(reached)
    assert not missing, (language, missing)
    with translation.override(language):
        for name in ("raise_case:start", "follow:start"):
            assert reverse(name) in reached, (language, name)
    for address, (_clicks, html) in reached.items():
        if "<html" not in html:
            continue
        hrefs = set(links_in(html))
        for link in expected_links(language):
            assert link in hrefs, (language, address, link)


def test_the_demo_site_leads_to_everything_in_each_language(translated_demo_site):
    for language, start in LANGUAGES.items():
        check_site(language, start)
    # The Code page is not translated yet: links to it say their text is English (WCAG 3.1.2).
    html = Client().get("/cy/").content.decode()
    assert html.count('href="/cy/complaint-handling-code/" lang="en-gb" dir="ltr"') == 2


def test_a_site_made_from_an_empty_database_leads_to_the_form_and_following(db):
    # Only English pages exist until the comms team adds languages: the Welsh and Urdu home
    # pages show the English page with the links in the reader's language.
    assert tree_urls("en-gb") == {"/", "/cookies/"}
    for language, start in LANGUAGES.items():
        reached = crawl(start)
        assert tree_urls("en-gb") <= set(reached)
        with translation.override(language):
            assert reverse("raise_case:start") in reached
            assert reverse("follow:start") in reached
        for address, (_clicks, html) in reached.items():
            # An English page reached from the Welsh home page is in English, links too.
            shown_in = re.search(r'<html lang="([^"]+)"', html).group(1)
            with translation.override(shown_in):
                assert reverse("follow:start") in set(links_in(html)), (language, address)
