"""The demo's accessibility statement stays truthful (issue 7): each thing it says we test is
tested, and the languages it names are the ones the site offers."""

import importlib

import pytest
from django.conf import settings
from django.utils import translation

from cms_pages.models import AccessibilityStatementPage

pytestmark = pytest.mark.django_db

# What the statement says is checked each time the website changes -> the test that checks it.
CLAIMS = {
    "every public page, in English, Welsh and Urdu, and with error messages showing, passes "
    "the checks the axe-core tool makes": (
        "tests.browser.test_languages",
        "test_every_public_page_in_every_language_passes_axe",
    ),
    "the whole online complaint form can be filled in and sent using only a keyboard": (
        "tests.browser.test_languages",
        "test_the_english_journey_with_the_keyboard_alone",
    ),
    "fit a screen 320 pixels wide, the same as zooming in to 400%, without scrolling sideways": (
        "tests.browser.test_languages",
        "test_the_journey_reflows_at_400_percent_zoom",
    ),
    "the complaint form can be filled in and sent in Welsh and in Urdu": (
        "tests.browser.test_languages",
        "test_the_whole_journey_in_welsh_and_in_urdu",
    ),
    "the complaint form works without JavaScript": (
        "tests.browser.test_raise_case",
        "test_the_whole_journey_works_without_javascript",
    ),
    "Our policy is also available as a PDF tagged for screen readers and in large print": (
        "tests.cms_pages.test_policy_pdf",
        "test_policy_pdf_is_a_tagged_pdf_with_the_headings_and_language",
    ),
}


def statement_text() -> str:
    page = AccessibilityStatementPage.objects.get()
    return " ".join(str(block.render()) for block in page.body)


def test_each_claim_in_the_statement_has_its_test(demo_site):
    text = statement_text()
    for claim, (module, test) in CLAIMS.items():
        assert claim in text, claim
        assert callable(getattr(importlib.import_module(module), test, None)), (module, test)


def test_the_statement_names_the_languages_the_site_offers(demo_site):
    text = statement_text()
    for code, _name in settings.LANGUAGES:
        with translation.override("en-gb"):
            english_name = translation.get_language_info(code)["name"]
        assert english_name.split(" ")[-1] in text, code
