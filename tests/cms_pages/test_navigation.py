"""The home page, the header and footer links staff choose, and their floor (Code 3.4, 3.5,
3.7): links come from the live page tree and the routes, in the reader's language, read once
per request."""

import uuid

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail import blocks
from wagtail.models import Site

from casework.process import process_settings
from cms_pages.context_processors import footer_links, header_links
from cms_pages.models import (
    AnnualReportPage,
    ContentPage,
    CookiesPage,
    HomePage,
    NavigationSettings,
    PolicyPage,
    PrivacyNoticePage,
)
from cms_pages.models.navigation import FooterLinksBlock, default_footer_links
from cms_pages.navigation import FOOTER_FLOOR

pytestmark = pytest.mark.django_db


def request_for(path="/"):
    return RequestFactory().get(path)


def links_of(stream_raw):
    return [("link", {"destination": key, "page": None, "text": ""}) for key in stream_raw]


class TestFirstPages:
    """A site made from an empty database (migrations only)."""

    def test_a_new_site_starts_at_a_home_page_with_the_tasks_and_a_cookies_page(self, client):
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        assert isinstance(home, HomePage)
        assert CookiesPage.objects.child_of(home).live().count() == 1
        html = client.get("/").content.decode()
        main = html.split("<main", 1)[1].split("</main>", 1)[0]
        # The start button into the journey, then service requests and following a complaint.
        assert 'href="/complain/" role="button"' in main
        assert 'href="/complain/?kind=service_request"' in main
        assert 'href="/follow/"' in main
        assert main.index('href="/complain/"') < main.index("kind=service_request")
        # Nothing links to a page that is not there: the policy list shows once it exists.
        assert "How we handle complaints" not in main
        assert "Our performance" not in main


class TestHomePage:
    def test_leads_with_the_tasks_then_the_pages(self, client, demo_site):
        html = client.get("/").content.decode()
        main = html.split("<main", 1)[1].split("</main>", 1)[0]
        order = [
            'href="/complain/" role="button"',
            'href="/complain/?kind=service_request"',
            'href="/follow/"',
            'href="/complaints-policy/"',
            'href="/how-to-complain/"',
            'href="/complaint-handling-code/"',
            'href="https://www.housing-ombudsman.org.uk/"',
        ]
        positions = [main.index(text) for text in order]
        assert positions == sorted(positions)

    def test_a_moved_or_renamed_page_stays_linked_and_an_unpublished_one_disappears(
        self, client, demo_site
    ):
        policy = PolicyPage.objects.get()
        section = ContentPage(title="About us", slug="about")
        demo_site.root_page.add_child(instance=section)
        policy.move(section, pos="last-child")
        policy = PolicyPage.objects.get()
        policy.title = "Our complaints policy"
        policy.slug = "policy"
        policy.save_revision().publish()
        html = client.get("/").content.decode()
        assert 'href="/about/policy/">Our complaints policy</a>' in html
        policy.unpublish()
        html = client.get("/").content.decode()
        assert "/about/policy/" not in html

    def test_the_newest_report_of_its_type_is_linked(self, client, demo_site):
        # Pages of a type listed once: the most recently published (this year's report).
        html = client.get("/").content.decode()
        assert "Annual complaints report" not in html  # none published in this demo
        assert not AnnualReportPage.objects.exists()


class TestNavigationSetting:
    def test_defaults_in_the_header_and_footer(self, demo_site):
        header = [link.key for link in header_links(request_for())]
        assert header == ["complain", "follow", "how_to_complain", "policy"]
        footer = [link.key for link in footer_links(request_for())]
        assert footer == [
            "policy",
            "how_to_complain",
            "code",
            "follow",
            "ombudsman",
            "privacy",
            "cookies",
        ]

    def test_the_footer_keeps_the_codes_floor_whatever_is_chosen(self, demo_site):
        navigation = NavigationSettings.for_site(demo_site)
        navigation.footer_links = links_of(["cookies"])
        navigation.save()
        footer = [link.key for link in footer_links(request_for())]
        assert footer == ["cookies", *FOOTER_FLOOR]

    def test_the_admin_explains_the_floor(self):
        block = FooterLinksBlock()
        value = block.to_python([{"type": "link", "value": {"destination": "cookies"}}])
        with pytest.raises(blocks.StreamBlockValidationError) as raised:
            block.clean(value)
        message = str(raised.value.non_block_errors[0])
        for text in ["Complaints policy", "How to complain", "The Housing Ombudsman", "3.4"]:
            assert text in message
        floor = [{"type": "link", "value": {"destination": key}} for key in FOOTER_FLOOR]
        block.clean(block.to_python(floor))

    def test_a_chosen_page_is_linked_in_the_readers_language_while_live(self, demo_site):
        page = ContentPage(title="Repairs", slug="repairs")
        demo_site.root_page.add_child(instance=page)
        navigation = NavigationSettings.for_site(demo_site)
        navigation.header_links = [
            ("link", {"destination": "", "page": page, "text": ""}),
            *links_of(["follow"]),
        ]
        navigation.save()
        links = header_links(request_for())
        assert [(link.text, link.href) for link in links] == [
            ("Repairs", "/repairs/"),
            ("Follow a complaint", "/follow/"),
        ]
        page.unpublish()
        assert [link.key for link in header_links(request_for())] == ["follow"]

    def test_the_current_section_is_marked(self, client, demo_site):
        html = client.get("/how-to-complain/").content.decode()
        nav = html.split('class="govuk-service-navigation__list"', 1)[1].split("</ul>", 1)[0]
        assert nav.count('aria-current="page"') == 1
        assert (
            'href="/how-to-complain/" aria-current="page"><strong '
            'class="govuk-service-navigation__active-fallback">How to complain</strong>' in nav
        )


def home_page_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


def choose_pages(site, pages) -> None:
    """The pages in the header, the footer and a list of links on the home page."""
    navigation = NavigationSettings.for_site(site)
    navigation.header_links = [("link", {"destination": "", "page": p, "text": ""}) for p in pages]
    navigation.footer_links = [
        *default_footer_links(),
        *(("link", {"destination": "", "page": p, "text": ""}) for p in pages),
    ]
    navigation.save()
    home = HomePage.objects.get(pk=site.root_page_id)
    body = [child for child in home.body.raw_data if child["type"] != "task_list"]
    item = {"destination": "", "text": "", "description": ""}
    home.body = [
        *body,
        {
            "type": "task_list",
            "value": {
                "heading": "More",
                "links": [
                    {"type": "item", "value": {**item, "page": p.pk}, "id": str(uuid.uuid4())}
                    for p in pages
                ],
            },
            "id": str(uuid.uuid4()),
        },
    ]
    home.save_revision().publish()


def test_the_home_page_reads_the_navigation_once(client, demo_site):
    """However many links the header, footer and home page show, the queries stay the same."""
    pages = []
    for number in range(6):
        page = ContentPage(title=f"Topic {number}", slug=f"topic-{number}")
        demo_site.root_page.add_child(instance=page)
        pages.append(page)
    choose_pages(demo_site, pages[:1])
    client.get("/")
    one_each = home_page_queries(client)
    choose_pages(demo_site, pages)
    six_each = home_page_queries(client)
    html = client.get("/").content.decode()
    assert html.count('href="/topic-5/"') == 3  # in the header, the footer and on the page
    assert six_each == one_each


class TestPrivacyNotice:
    def test_the_facts_come_from_the_settings(self, client, demo_site):
        page = PrivacyNoticePage.objects.get()
        html = client.get(page.url).content.decode()
        assert "Example Homes is the controller" in html
        assert "for 6 years after it is closed" in html
        assert "the Housing Ombudsman Service, if you take your complaint to them" in html
        assert "article 9(2)(g)" in html
        assert "https://ico.org.uk/make-a-complaint/" in html
        settings = process_settings(demo_site)
        settings.record_retention_years = 3
        settings.save()
        assert "for 3 years after it is closed" in client.get(page.url).content.decode()

    def test_every_form_that_collects_personal_data_links_to_it(self, client, demo_site):
        href = PrivacyNoticePage.objects.get().url
        for path in ["/make-a-complaint/", "/complain/who/", "/follow/", "/another-format/"]:
            html = client.get(path).content.decode()
            assert f'read our <a class="govuk-link" href="{href}">privacy notice</a>' in html, path

    def test_without_a_privacy_notice_no_link_is_shown(self, client, demo_site):
        PrivacyNoticePage.objects.get().unpublish()
        assert "privacy notice" not in client.get("/follow/").content.decode()


def test_ask_us_to_put_something_right_chooses_a_service_request(client, demo_site):
    """The home page's service request link starts the journey with that answer chosen."""
    client.get("/complain/?kind=service_request")
    client.post("/complain/who/", {"for_whom": "myself"})
    html = client.get("/complain/what-you-want-to-do/").content.decode()
    assert 'value="service_request" checked' in html
    client.get("/complain/?kind=not-a-kind")
    html = client.get("/complain/what-you-want-to-do/").content.decode()
    assert 'value="service_request" checked' in html
