"""Every resident can read it (issue 7), in Chromium: the whole complaint journey in Welsh and in
Urdu (right to left, the layout mirrored), the English journey with the keyboard alone, every
public page in every language free of axe-core WCAG 2.2 A/AA violations, error states
included, and the journey's pages and every other public page type reflowing at 400% zoom (a
320 CSS pixel wide window).

The Welsh and Urdu words on the pages come from the catalogues, so the assertions read the
expected words through gettext in that language rather than spelling them out here."""

import pytest
from django.utils import translation

from casework.choices import CaseKind
from casework.models import Case
from tests.browser.conftest import axe_violations, describe, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = [("en-gb", "", "ltr"), ("cy", "/cy", "ltr"), ("ur", "/ur", "rtl")]
CONTINUE = "form button.govuk-button[name=action][value=continue]:not(.govuk-visually-hidden)"


def words(language: str, text: str) -> str:
    with translation.override(language):
        return translation.gettext(text)


def accessible(page, name: str | None = None) -> None:
    if name:
        screenshot(page, f"languages_{name}")
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


def html_lang_dir(page) -> tuple[str, str]:
    return tuple(page.evaluate("[document.documentElement.lang, document.documentElement.dir]"))


def heading(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def assert_mirrored(page, direction: str) -> None:
    """The back link and the main column start on the reading side of the page: the right in
    a right-to-left language, the left otherwise."""
    page_box = box(page, "body > .govuk-width-container")
    left, right, width = page_box["x"], page_box["x"] + page_box["width"], page_box["width"]
    back, column = box(page, ".govuk-back-link"), box(page, "main .govuk-grid-column-two-thirds")
    if direction == "rtl":
        assert right - (back["x"] + back["width"]) < width * 0.05, (back, page_box)
        assert right - (column["x"] + column["width"]) < width * 0.05, (column, page_box)
        assert column["x"] - left > width * 0.2, (column, page_box)
    else:
        assert back["x"] - left < width * 0.05, (back, page_box)
        assert column["x"] - left < width * 0.05, (column, page_box)
        assert right - (column["x"] + column["width"]) > width * 0.2, (column, page_box)


def journey(page, base: str, language: str, direction: str) -> str:
    """Raise a complaint with one adjustment, in `language`; returns the reference."""

    def step(name: str, title: str) -> None:
        assert heading(page) == words(language, title), page.url
        assert html_lang_dir(page) == (language, direction)
        accessible(page, f"{language}_{name}")

    page.goto(base + "/complain/")
    assert html_lang_dir(page) == (language, direction)
    accessible(page, f"{language}_start")
    page.locator("a.govuk-button--start").click()

    step("who", "Who are you contacting us for?")
    assert_mirrored(page, direction)
    # A mistake first: the error summary, in the reader's language.
    page.locator(CONTINUE).click()
    assert page.locator(".govuk-error-summary__title").inner_text().strip() == words(
        language, "There is a problem"
    )
    accessible(page, f"{language}_who_error")
    page.locator("input[name=for_whom][value=myself]").check()
    page.locator(CONTINUE).click()

    step("kind", "What would you like to do?")
    page.locator("input[name=kind][value=complaint]").check()
    page.locator(CONTINUE).click()

    step("what_happened", "Tell us what happened")
    page.locator("#id_description").fill("Mae dŵr yn dod drwy nenfwd yr ystafell ymolchi.")
    page.locator("#id_issue_month").fill("3")
    page.locator("#id_issue_year").fill(str(page.evaluate("new Date().getFullYear()")))
    page.locator("input[name=involves_contractor][value=no]").check()
    page.locator(CONTINUE).click()

    step("support", "Support and adjustments")
    page.locator("input[name=adjustments][value=large_print]").check()
    page.locator(CONTINUE).click()

    step("contact", "Your contact details")
    assert_mirrored(page, direction)
    page.locator("#id_full_name").fill("Gwen Jones")
    page.locator("#id_email").fill("gwen@example.net")
    page.locator(CONTINUE).click()

    step("preferences", "How we keep in touch")
    page.locator("input[name=preferred_contact_method][value=email]").check()
    page.locator("#id_preferred_language").select_option(language)
    page.locator("input[name=update_frequency][value=weekly]").check()
    page.locator(CONTINUE).click()

    step("check_answers", "Check your answers before sending")
    page.locator("main form button.govuk-button").last.click()

    panel = page.locator(".govuk-panel--confirmation")
    assert panel.is_visible()
    assert html_lang_dir(page) == (language, direction)
    accessible(page, f"{language}_confirmation")
    reference = panel.locator("strong").inner_text().strip()
    # The reference reads left to right, whatever the page's direction.
    assert panel.locator("strong").get_attribute("dir") == "ltr"
    return reference


@pytest.mark.parametrize("language, prefix, direction", LANGUAGES[1:])
def test_the_whole_journey_in_welsh_and_in_urdu(
    page, live_demo_translated, language, prefix, direction
):
    reference = journey(page, live_demo_translated.url + prefix, language, direction)
    case = Case.objects.get(reference=reference)
    assert case.kind == CaseKind.COMPLAINT
    # The case remembers the resident's language, for its emails and letters.
    assert case.resident.preferred_language == language
    assert case.resident.adjustments.filter(kind="large_print").exists()


def test_urdu_pages_are_mirrored_and_english_ones_are_not(page, live_demo_translated):
    page.goto(live_demo_translated.url + "/ur/complain/who/")
    assert_mirrored(page, "rtl")
    screenshot(page, "languages_ur_mirrored")
    page.goto(live_demo_translated.url + "/complain/who/")
    assert_mirrored(page, "ltr")
    # Radios: the circle on the reading side of its label.
    page.goto(live_demo_translated.url + "/ur/complain/who/")
    label = box(page, ".govuk-radios__label")
    circle = page.evaluate(
        "getComputedStyle(document.querySelector('.govuk-radios__label'), '::before').right"
    )
    assert circle == "2px", circle
    assert label["x"] > page.viewport_size["width"] / 2


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element with keyboard focus matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def choose_radio(page, name: str, value: str) -> None:
    tab_to(page, f"input[name={name}]")
    for _ in range(10):
        if page.evaluate("(v) => document.activeElement.value === v", value):
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    assert page.locator(f"input[name={name}][value={value}]").is_checked()


def type_into(page, selector: str, text: str) -> None:
    tab_to(page, selector)
    page.keyboard.type(text)


def press_enter_and_wait(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def submit(page) -> None:
    tab_to(page, "button.govuk-button[value=continue]")
    press_enter_and_wait(page)


def test_the_english_journey_with_the_keyboard_alone(page, live_demo):
    """No mouse: every choice, every answer and every button by Tab, arrows, Space and Enter."""
    page.goto(live_demo.url + "/complain/")
    tab_to(page, "a.govuk-button--start")
    press_enter_and_wait(page)
    assert heading(page) == "Who are you contacting us for?"
    choose_radio(page, "for_whom", "myself")
    submit(page)
    assert heading(page) == "What would you like to do?"
    choose_radio(page, "kind", "complaint")
    submit(page)
    assert heading(page) == "Tell us what happened"
    type_into(page, "#id_description", "The front door lock has been broken for a month.")
    type_into(page, "#id_issue_month", "3")
    type_into(page, "#id_issue_year", str(page.evaluate("new Date().getFullYear()")))
    choose_radio(page, "involves_contractor", "no")
    submit(page)
    assert heading(page) == "Support and adjustments"
    tab_to(page, "input[name=adjustments][value=large_print]")
    page.keyboard.press("Space")
    submit(page)
    assert heading(page) == "Your contact details"
    type_into(page, "#id_full_name", "Sam Patel")
    type_into(page, "#id_email", "sam@example.net")
    submit(page)
    assert heading(page) == "How we keep in touch"
    choose_radio(page, "preferred_contact_method", "email")
    choose_radio(page, "update_frequency", "weekly")
    submit(page)
    assert heading(page) == "Check your answers before sending"
    tab_to(page, "main form button.govuk-button")
    press_enter_and_wait(page)
    reference = page.locator(".govuk-panel--confirmation strong").inner_text().strip()
    case = Case.objects.get(reference=reference)
    assert case.resident.full_name == "Sam Patel"
    assert case.resident.adjustments.filter(kind="large_print").exists()


# Every public page template, as (name, path, how to get it into its error state or None).
PUBLIC_PAGES = [
    ("home", "/", None),
    ("how_to_complain", "/how-to-complain/", None),
    ("start_page", "/make-a-complaint/", None),
    ("policy", "/complaints-policy/", None),
    ("policy_print", "/complaints-policy/print/", None),
    ("code_page", "/complaint-handling-code/", None),
    ("accessibility", "/accessibility/", None),
    ("privacy", "/privacy/", None),
    ("cookies", "/cookies/", None),
    ("another_format", "/another-format/", "form button.govuk-button"),
    ("follow_start", "/follow/", "main form button.govuk-button"),
    ("journey_who", "/complain/who/", CONTINUE),
    ("not_found", "/no-such-page/", None),
]
# The search page: its results, with a query that finds pages in every language's tree (the
# landlord's name is on every home page), and with no query at all (the error state).
FINDING_PAGES = [
    ("search_results", "/search/?q=Example+Homes", None),
    ("search", "/search/", "main form button.govuk-button"),
]


@pytest.mark.parametrize("language, prefix, direction", LANGUAGES)
def test_every_public_page_in_every_language_passes_axe(
    page, page_without_js, live_demo_translated, language, prefix, direction
):
    base = live_demo_translated.url + prefix
    for name, path, error_button in PUBLIC_PAGES + FINDING_PAGES:
        page.goto(base + path)
        assert html_lang_dir(page) == (language, direction), path
        screenshots = ("code_page", "policy", "search_results", "not_found", "home", "privacy")
        accessible(page, f"{language}_{name}" if name in screenshots else None)
        if name == "search_results":
            assert page.locator(".redress-search-results__item").count() > 0, path
        if error_button:
            page.locator(error_button).first.click()
            assert page.locator(".govuk-error-summary").is_visible(), path
            accessible(page)
    # An untranslated page says so in the reader's language, and its content is English.
    if language != "en-gb":
        page.goto(base + "/complaint-handling-code/")
        note = page.locator(".redress-fallback-note")
        assert note.get_attribute("lang") == language
        assert note.inner_text().strip() == words(
            language,
            "This page has not been translated into your language yet, so it is shown in English.",
        )
        assert page.locator("main > div[lang='en-gb']").count() == 1
    # The home page, the privacy notice and the cookies page without JavaScript too.
    for path in ("/", "/privacy/", "/cookies/"):
        page_without_js.goto(base + path)
        assert html_lang_dir(page_without_js) == (language, direction), path
        accessible(page_without_js)


def go(page, locator) -> None:
    """Click something that loads another page, and wait until it has loaded."""
    with page.expect_navigation():
        locator.click()


def no_horizontal_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{page.url} is {width}px wide at 320px"


@pytest.mark.parametrize("language, prefix, direction", [LANGUAGES[0], LANGUAGES[2]])
def test_the_journey_reflows_at_400_percent_zoom(
    browser, live_demo_translated, language, prefix, direction
):
    """WCAG 1.4.10: 1280 CSS pixels zoomed to 400% is a window 320 pixels wide."""
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        base = live_demo_translated.url + prefix
        page.goto(base + "/complain/")
        no_horizontal_scroll(page)
        go(page, page.locator("a.govuk-button--start"))
        no_horizontal_scroll(page)
        go(page, page.locator(CONTINUE))  # the error state too
        no_horizontal_scroll(page)
        page.locator("input[name=for_whom][value=myself]").check()
        go(page, page.locator(CONTINUE))
        page.locator("input[name=kind][value=complaint]").check()
        go(page, page.locator(CONTINUE))
        no_horizontal_scroll(page)
        go(page, page.locator(CONTINUE))
        no_horizontal_scroll(page)
        page.locator("#id_description").fill("The heating has not worked since Monday.")
        page.locator("#id_issue_month").fill("3")
        page.locator("#id_issue_year").fill(str(page.evaluate("new Date().getFullYear()")))
        page.locator("input[name=involves_contractor][value=no]").check()
        go(page, page.locator(CONTINUE))
        no_horizontal_scroll(page)
        go(page, page.locator(CONTINUE))
        no_horizontal_scroll(page)
        page.locator("#id_full_name").fill("Sam Patel")
        page.locator("#id_email").fill("sam@example.net")
        go(page, page.locator(CONTINUE))
        no_horizontal_scroll(page)
        page.locator("input[name=preferred_contact_method][value=email]").check()
        page.locator("input[name=update_frequency][value=weekly]").check()
        go(page, page.locator(CONTINUE))
        no_horizontal_scroll(page)
        screenshot(page, f"languages_{language}_check_answers_320")
        go(page, page.locator("main form button.govuk-button").last)
        assert page.locator(".govuk-panel--confirmation").is_visible()
        no_horizontal_scroll(page)
        # Every other public page type, search results and the 404 page included.
        for _name, path, _error_button in PUBLIC_PAGES + FINDING_PAGES:
            page.goto(base + path)
            no_horizontal_scroll(page)
        screenshot(page, f"languages_{language}_search_320")
    finally:
        context.close()
