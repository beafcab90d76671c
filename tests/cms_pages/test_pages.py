"""Every page type renders for a visitor, with what the Code asks each to show."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from cms_pages.models import (
    AccessibilityStatementPage,
    BrandingSettings,
    CodePage,
    ComplaintStartPage,
    ContentPage,
    HowToComplainPage,
    PolicyPage,
)

pytestmark = pytest.mark.django_db


def test_home_page_renders(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    # A new site's first page (cms_pages/defaults.py), which load_demo keeps.
    assert b'<h1 class="govuk-heading-xl">Complaints and feedback</h1>' in response.content


def test_how_to_complain_lists_every_route_from_the_settings(client, demo_site):
    page = HowToComplainPage.objects.get()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "By phone",
        "0300 555 0123",
        "Monday to Friday, 8am to 6pm",
        "By email",
        "mailto:complaints@example-homes.org.uk",
        "By letter",
        "Complaints Team",
        "In person",
        "Complaining for someone else",
        "Housing Ombudsman Service",
    ]:
        assert text in html, text


def test_how_to_complain_routes_follow_the_settings(demo_site):
    page = HowToComplainPage.objects.get()
    branding = BrandingSettings.for_site(demo_site)
    assert [route.key for route in page.routes(branding)] == [
        "online",
        "phone",
        "email",
        "letter",
        "in_person",
    ]
    branding.complaints_phone = ""
    branding.in_person = ""
    assert [route.key for route in page.routes(branding)] == ["online", "email", "letter"]
    assert page.routes(branding)[1].href == "mailto:complaints@example-homes.org.uk"


def test_how_to_complain_links_the_online_form_when_it_is_live(demo_site):
    page = HowToComplainPage.objects.get()
    form_page = ContentPage(title="Start a complaint", slug="start")
    page.add_child(instance=form_page)
    page.online_form_page = form_page
    routes = page.routes(BrandingSettings.for_site(demo_site))
    assert routes[0].key == "online"
    assert routes[0].href == form_page.url
    form_page.unpublish()
    page.online_form_page.refresh_from_db()
    assert "online" not in [r.key for r in page.routes(BrandingSettings.for_site(demo_site))]


def test_policy_page_shows_version_dates_owner_sections_and_formats(client, demo_site):
    page = PolicyPage.objects.get()
    html = client.get(page.url).content.decode()
    for text in [
        "Version",
        "4.0",
        "14 April 2026",
        "14 April 2027",
        "Head of Customer Experience",
        '<h2 class="govuk-heading-l" id="section-5">5. Stage 1</h2>',
        'href="#section-5"',
        f'href="{page.url}pdf/"',
        f'href="{page.url}print/"',
        "PO Box 152",
    ]:
        assert text in html, text


def test_policy_print_view_is_large_print_without_the_contents_list(client, demo_site):
    page = PolicyPage.objects.get()
    response = client.get(page.url + "print/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="redress-large-print"' in html
    assert "Contents" not in html
    assert "6. Stage 2" in html


def test_code_page_lists_every_section_and_provision(client, demo_site):
    page = CodePage.objects.get()
    html = client.get(page.url).content.decode()
    assert "Section 6: " in html
    assert "Provision 6.13" in html
    assert "Provision 9.8" in html
    assert page.ombudsman_code_url in html


def test_accessibility_statement_renders_and_is_linked_from_every_page(client, demo_site):
    statement = AccessibilityStatementPage.objects.get()
    response = client.get(statement.url)
    assert response.status_code == 200
    assert b"Partially compliant with WCAG 2.2 AA" in response.content
    for page in Page.objects.live().filter(depth__gt=1):
        assert f'href="{statement.url}"'.encode() in client.get(page.url).content, page.title


def test_content_page_renders_blocks_and_optional_ombudsman_panel(client, demo_site):
    home = demo_site.root_page
    page = ContentPage(
        title="Repairs",
        slug="repairs",
        body=[
            {"type": "heading", "value": {"text": "Reporting a repair", "size": "h2"}},
            {"type": "paragraph", "value": "<p>Call us any time.</p>"},
            {"type": "warning", "value": {"text": "Gas leak? Call the emergency line."}},
            {"type": "details", "value": {"summary": "Out of hours", "text": "<p>24/7</p>"}},
            {"type": "inset_text", "value": {"text": "<p>Be ready with your address.</p>"}},
        ],
    )
    home.add_child(instance=page)
    html = client.get(page.url).content.decode()
    assert '<h2 class="govuk-heading-l">Reporting a repair</h2>' in html
    assert "govuk-warning-text" in html
    assert "govuk-details" in html
    assert "redress-ombudsman" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    page.show_ombudsman = True
    page.save()
    main = client.get(page.url).content.decode().split("<main", 1)[1].split("</main>")[0]
    assert "PO Box 152" in main


def test_policy_review_date_must_follow_approval(demo_site):
    page = PolicyPage.objects.get()
    page.next_review_on = page.approved_on
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert raised.value.message_dict["next_review_on"] == [
        "The next review date must be after the approval date."
    ]


def test_accessibility_review_cannot_precede_statement(demo_site):
    page = AccessibilityStatementPage.objects.get()
    page.last_reviewed_on = page.statement_prepared_on.replace(year=2020)
    with pytest.raises(ValidationError):
        page.full_clean()


class TestComplaintStartPage:
    """Issue 4, Raise: the start page is edited in Wagtail, the how-to-complain hub links to it,
    and the journey's own address sends people to it."""

    def test_the_hub_links_the_start_page_and_the_start_page_starts_the_journey(
        self, client, demo_site
    ):
        start = ComplaintStartPage.objects.get()
        hub = HowToComplainPage.objects.get()
        assert hub.online_form_page.specific == start
        hub_html = client.get(hub.url).content.decode()
        assert f'href="{start.url}"' in hub_html
        html = client.get(start.url).content.decode()
        assert '<h1 class="govuk-heading-xl">Make a complaint or give feedback</h1>' in html
        assert "Before you start" in html  # the editors' words
        assert 'href="/complain/who/"' in html and "govuk-button--start" in html
        assert "up to 5 photos or documents" in html  # the journey's limits
        assert "0300 555 0123" in html
        assert "Housing Ombudsman Service" in html

    def test_edits_in_wagtail_show_on_the_page(self, client, demo_site):
        start = ComplaintStartPage.objects.get()
        start.intro = "Tell us in your own words."
        start.save_revision().publish()
        assert "Tell us in your own words." in client.get(start.url).content.decode()

    def test_the_journey_address_goes_to_the_published_start_page(self, client, demo_site):
        start = ComplaintStartPage.objects.get()
        response = client.get("/complain/")
        assert response.status_code == 302
        assert response["Location"] == start.url
        start.unpublish()
        response = client.get("/complain/")
        assert response.status_code == 200
        assert "govuk-button--start" in response.content.decode()
