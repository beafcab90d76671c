"""The cookies page lists every cookie the public site sets (cms_pages/cookies.py), and the
site sets no other: a walk through the complaint form, following a complaint, asking for
another format and switching language fails on any cookie the page does not list."""

import pytest
from django.conf import settings

from cms_pages.cookies import cookie_names, lifetime_text, site_cookies
from cms_pages.models import CookiesPage

pytestmark = pytest.mark.django_db


def test_lifetimes_in_words():
    assert lifetime_text(None) == "When you close your browser"
    assert lifetime_text(1209600) == "2 weeks"
    assert lifetime_text(31449600) == "52 weeks"
    assert lifetime_text(365 * 86400) == "1 year"
    assert lifetime_text(3 * 86400) == "3 days"
    assert lifetime_text(1800) == "1 hour"


def test_the_list_follows_the_settings(settings):
    settings.SESSION_COOKIE_NAME = "redress_session"
    settings.SESSION_COOKIE_AGE = 3 * 86400
    settings.CSRF_USE_SESSIONS = True
    cookies = {cookie.name: cookie for cookie in site_cookies()}
    assert cookies["redress_session"].expires == "3 days"
    assert settings.CSRF_COOKIE_NAME not in cookies


def test_the_cookies_page_lists_them(client, demo_site):
    html = client.get(CookiesPage.objects.get().url).content.decode()
    for cookie in site_cookies():
        assert f'<code dir="ltr">{cookie.name}</code>' in html
        assert cookie.purpose in html
    assert "we do not ask you to accept them" in html


def test_the_public_site_sets_no_cookie_the_page_does_not_list(client, demo_site):
    seen = set()

    def visit(method, path, data=None, **extra):
        response = getattr(client, method)(path, data or {}, follow=True, **extra)
        assert response.status_code == 200, path
        # The client keeps every cookie a response set, through redirects too.
        seen.update(client.cookies.keys())
        return response

    visit("get", "/")
    visit("get", "/complain/?kind=service_request")
    visit("post", "/complain/who/", {"for_whom": "myself"})
    visit("post", "/complain/what-you-want-to-do/", {"kind": "complaint"})
    visit("get", "/follow/")
    visit("post", "/follow/", {"email": "resident@example.org"})
    visit("get", "/another-format/")
    # The language navigation, and coming back to the home page later.
    visit("get", "/cy/", HTTP_REFERER="http://testserver/")
    visit("get", "/ur/complain/who/")
    visit("post", "/follow/sign-out/")
    assert settings.SESSION_COOKIE_NAME in seen
    assert settings.LANGUAGE_COOKIE_NAME in seen
    assert seen <= cookie_names(), seen - cookie_names()
