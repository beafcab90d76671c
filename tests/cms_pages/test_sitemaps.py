"""sitemap.xml lists every published, public page in every language with its alternates
(cms_pages/sitemaps.py), and every public page's head names the same alternates
(`{% hreflang_links %}`, cms_pages/page_languages.py)."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction

from cms_pages.models import CodePage, ContentPage

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
BASE = "http://testserver"


def sitemap(client) -> dict[str, dict[str, str]]:
    """Each listed address -> its alternates, {hreflang: address}."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def head_alternates(html: str) -> dict[str, str]:
    head = html.split("</head>", 1)[0]
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))


def test_the_sitemap_lists_every_published_page_in_every_language(client, translated_demo_site):
    listed = sitemap(client)
    translated = [
        page
        for page in Page.objects.live().filter(depth__gt=1, alias_of__isnull=True)
        if page.get_url() is not None
    ]
    assert {BASE + page.get_url() for page in translated} == set(listed)
    # Each language's home page and policy, with all three and x-default as alternates.
    policy = {
        "en-gb": f"{BASE}/complaints-policy/",
        "cy": f"{BASE}/cy/complaints-policy/",
        "ur": f"{BASE}/ur/complaints-policy/",
        "x-default": f"{BASE}/complaints-policy/",
    }
    for address in ("/complaints-policy/", "/cy/complaints-policy/", "/ur/complaints-policy/"):
        assert listed[BASE + address] == policy
    assert listed[f"{BASE}/cy/"] == {
        "en-gb": f"{BASE}/",
        "cy": f"{BASE}/cy/",
        "ur": f"{BASE}/ur/",
        "x-default": f"{BASE}/",
    }
    # The Code page is not translated: its Welsh and Urdu places hold copies of the English
    # (wagtail-localize aliases), which are not offered to search engines as Welsh or Urdu.
    assert f"{BASE}/complaint-handling-code/" in listed
    assert f"{BASE}/cy/complaint-handling-code/" not in listed
    assert listed[f"{BASE}/complaint-handling-code/"] == {}


def test_unpublished_and_private_pages_are_left_out(client, demo_site):
    home = demo_site.root_page
    draft = ContentPage(title="Draft", slug="draft", live=False)
    home.add_child(instance=draft)
    private = ContentPage(title="Board papers", slug="board-papers")
    home.add_child(instance=private)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    below_private = ContentPage(title="Minutes", slug="minutes")
    private.add_child(instance=below_private)
    listed = sitemap(client)
    assert f"{BASE}/how-to-complain/" in listed
    assert f"{BASE}/draft/" not in listed
    assert f"{BASE}/board-papers/" not in listed
    assert f"{BASE}/board-papers/minutes/" not in listed
    # Wagtail's own "Welcome" page and the tree's root are not the site's.
    assert all(address.startswith(BASE + "/") for address in listed)


def test_the_sitemap_makes_the_same_queries_however_many_pages(client, demo_site):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get("/sitemap.xml")
        return len(captured)

    few = queries()
    for n in range(15):
        demo_site.root_page.add_child(instance=ContentPage(title=f"News {n}", slug=f"news-{n}"))
    assert queries() == few


def test_every_page_names_its_languages_in_its_head(client, translated_demo_site):
    # A Wagtail page: each translation and x-default, absolute addresses.
    welsh = client.get("/cy/how-to-complain/").content.decode()
    assert head_alternates(welsh) == {
        "en-gb": f"{BASE}/how-to-complain/",
        "cy": f"{BASE}/cy/how-to-complain/",
        "ur": f"{BASE}/ur/how-to-complain/",
        "x-default": f"{BASE}/how-to-complain/",
    }
    # The views: the journey, following a complaint, the search page.
    for path in ("/complain/who/", "/follow/", "/search/"):
        assert head_alternates(client.get("/ur" + path).content.decode()) == {
            "en-gb": BASE + path,
            "cy": f"{BASE}/cy{path}",
            "ur": f"{BASE}/ur{path}",
            "x-default": BASE + path,
        }, path
    # An untranslated copy points search engines at the page it copies.
    code = CodePage.objects.get(locale=Locale.get_default())
    copy = client.get("/cy" + code.url).content.decode().split("</head>", 1)[0]
    assert f'<link rel="canonical" href="{BASE}{code.url}">' in copy
    # The page not found has none.
    assert head_alternates(client.get("/cy/no-such-page/").content.decode()) == {}


def test_the_hreflang_links_add_no_query_to_the_page(client, translated_demo_site):
    """The head's links and the language switcher share one look-up."""
    key = str(
        Page.objects.get(
            url_path__endswith="/how-to-complain/", locale__language_code="cy"
        ).translation_key
    )
    with CaptureQueriesContext(connection) as captured:
        client.get("/cy/how-to-complain/")
    translations = [
        query["sql"]
        for query in captured.captured_queries
        if key.replace("-", "") in query["sql"].replace("-", "")
        and 'JOIN "wagtailcore_locale"' in query["sql"]
    ]
    assert len(translations) == 1, translations
