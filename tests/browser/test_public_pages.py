"""A visitor opens the complaints pages in Chromium: no axe-core WCAG 2.2 A/AA violations, and
the policy's PDF link works."""

import pytest

from tests.browser.conftest import axe_violations, describe, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "Complaints and feedback"),
        ("/how-to-complain/", "How to complain"),
        ("/complaints-policy/", "Complaints policy"),
        ("/complaints-policy/print/", "Complaints policy"),
        ("/complaint-handling-code/", "The Complaint Handling Code"),
        ("/accessibility/", "Accessibility statement"),
        ("/privacy/", "Privacy notice"),
        ("/cookies/", "Cookies"),
    ],
)
def test_public_page_has_no_accessibility_violations(page, live_demo, path, heading):
    response = page.goto(live_demo.url + path)
    assert response.status == 200
    assert page.locator("h1").inner_text() == heading
    screenshot(page, "public" + path.replace("/", "_").rstrip("_"))
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_the_header_links_are_reached_in_order_with_the_keyboard(page, live_demo):
    """Tab from the top of the home page: the skip link, the home link, then the service
    navigation's links in the order they are shown, before the main content."""
    page.goto(live_demo.url + "/")
    shown = page.eval_on_selector_all(
        ".govuk-service-navigation__link", "links => links.map(link => link.getAttribute('href'))"
    )
    assert shown == ["/complain/", "/follow/", "/how-to-complain/", "/complaints-policy/"]
    focused = []
    for _ in range(len(shown) + 2):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.getAttribute('href')"))
    assert focused == ["#main-content", "/", *shown]


def test_home_privacy_and_cookies_pass_axe_without_javascript(page_without_js, live_demo):
    for path in ["/", "/privacy/", "/cookies/"]:
        page_without_js.goto(live_demo.url + path)
        # Without JavaScript the menu is a plain list of links, all showing.
        assert page_without_js.locator(".govuk-service-navigation__link").count() == 4
        violations = axe_violations(page_without_js)
        assert violations == [], (path, describe(violations))


def test_skip_link_is_first_and_reaches_main_content(page, live_demo):
    page.goto(live_demo.url + "/how-to-complain/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main-content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main-content"


def test_policy_pdf_link_downloads_the_pdf(page, live_demo):
    page.goto(live_demo.url + "/complaints-policy/")
    link = page.get_by_role("link", name="Download Complaints policy as a PDF")
    href = link.get_attribute("href")
    with page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "complaints-policy-v40.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert href == "/complaints-policy/pdf/"


def test_pages_work_without_javascript(page_without_js, live_demo):
    page_without_js.goto(live_demo.url + "/how-to-complain/")
    assert page_without_js.locator("h1").inner_text() == "How to complain"
    details = page_without_js.locator("details").first
    details.locator("summary").click()
    assert details.get_attribute("open") is not None
