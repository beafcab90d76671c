"""The error pages (portal/errors.py): styled like the rest of the site, in the reader's
language, with the right status; the 500 page without the database."""

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from portal.errors import server_error

FAILING = "tests.portal.failing_urls"


def words(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def styled(html: str) -> bool:
    return 'class="govuk-template"' in html and "/static/dist/css/redress.css" in html


@pytest.mark.parametrize(
    ("path", "language", "direction"),
    [("/complain/who/", "en-gb", "ltr"), ("/cy/complain/who/", "cy", "ltr"), ("/ur/", "ur", "rtl")],
)
def test_the_500_page_needs_no_database(path, language, direction):
    """No django_db mark: any query here raises. The page is still the site's own, in the
    language of the address."""
    response = server_error(RequestFactory().get(path))
    html = response.content.decode()
    assert response.status_code == 500
    assert styled(html)
    assert f'<html lang="{language}" dir="{direction}"' in html
    heading = words(language, "Sorry, there is a problem with the service")
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in html
    home = "/" if language == "en-gb" else f"/{language}/"
    assert f'href="{home}" class="govuk-generic-header__homepage-link"' in html


def test_the_500_page_makes_no_query(django_assert_num_queries, db):
    with django_assert_num_queries(0):
        server_error(RequestFactory().get("/cy/follow/"))


def test_a_failing_database_gets_the_styled_500_page_through_the_whole_stack(settings):
    """No django_db mark: the database is out of reach for the whole request, as when it is
    down, and the view fails as it would."""
    settings.ROOT_URLCONF = FAILING
    response = Client(raise_request_exception=False).get("/cy/broken/")
    html = response.content.decode()
    assert response.status_code == 500
    assert styled(html)
    assert words("cy", "Sorry, there is a problem with the service") in html
    assert words("cy", "Sorry, there is a problem with the service") != (
        "Sorry, there is a problem with the service"
    )


def test_the_400_page_is_static_and_translated(settings):
    settings.ROOT_URLCONF = FAILING
    response = Client().get("/ur/malformed/")
    html = response.content.decode()
    assert response.status_code == 400
    assert styled(html)
    assert '<html lang="ur" dir="rtl"' in html
    heading = words("ur", "Sorry, we could not read what your browser sent")
    assert heading != "Sorry, we could not read what your browser sent"
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in html


@pytest.mark.django_db
def test_the_403_page_has_the_site_chrome_in_the_readers_language(settings, demo_site):
    settings.ROOT_URLCONF = FAILING
    response = Client().get("/cy/forbidden/")
    html = response.content.decode()
    assert response.status_code == 403
    assert styled(html)
    assert words("cy", "You cannot see this page") in html
    assert "govuk-footer" in html and "Example Homes" in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
def test_a_form_sent_without_its_security_token_gets_the_styled_403_page(demo_site):
    response = Client(enforce_csrf_checks=True).post("/cy/complain/who/", {"for_whom": "myself"})
    html = response.content.decode()
    assert response.status_code == 403
    assert styled(html)
    heading = words("cy", "Sorry, we could not accept that form")
    assert heading != "Sorry, we could not accept that form"
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in html


@pytest.mark.django_db
def test_the_404_page_is_styled_and_translated(client, demo_site):
    response = client.get("/cy/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert styled(html)
    assert '<html lang="cy"' in html
    assert words("cy", "Page not found") in html
    assert words("cy", "Page not found") != "Page not found"
    assert '<meta name="robots" content="noindex">' in html
