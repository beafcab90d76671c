"""The site-wide layout (templates/base.html), its context processor, the language switcher,
the form partials and the compiled stylesheet."""

import datetime
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Site

from casework.models.ombudsman import OmbudsmanScheme
from cms_pages.context_processors import chrome
from cms_pages.models.branding import BrandingSettings

COMPILED_CSS = Path(settings.BASE_DIR) / "static" / "dist" / "css" / "redress.css"
GOVUK_ONLY = ("crown", "GOV.UK", "GDS Transport", "Crown copyright", "Open Government Licence")


@pytest.fixture
def rf_request():
    return RequestFactory().get("/")


@pytest.fixture
def site():
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def branding(site):
    branding = BrandingSettings.for_site(site)
    branding.landlord_name = "Riverside Homes"
    branding.landlord_address = "1 High Street\nLeeds\nLS1 1AA"
    branding.complaints_phone = "0113 496 0000"
    branding.complaints_email = "complaints@riverside.example"
    branding.opening_hours = "Monday to Friday, 9am to 5pm"
    branding.brand_colour = "#8a1538"
    branding.save()
    return branding


@pytest.fixture
def ombudsman():
    return OmbudsmanScheme.objects.create(
        kind="housing",
        name="Housing Ombudsman Service",
        postal_address="PO Box 1484\nUnit D\nPreston\nPR2 0ET",
        phone="0300 111 3000",
        email="info@housing-ombudsman.example",
        website="https://www.housing-ombudsman.example",
        any_stage_text="You can ask the Ombudsman for help at any stage of your complaint.",
        locale=Locale.get_default(),
    )


def render_layout(request, **context):
    # 404.html is the smallest real template that extends base.html.
    return render_to_string("404.html", context, request=request)


@pytest.mark.django_db
class TestBaseLayout:
    def test_skip_link_language_and_main(self, rf_request, branding):
        html = render_layout(rf_request)
        assert '<html lang="en-gb" dir="ltr" class="govuk-template">' in html
        assert 'href="#main-content" class="govuk-skip-link"' in html
        assert '<main class="govuk-main-wrapper" id="main-content">' in html
        assert "js-enabled" in html
        assert "initAll()" in html

    def test_right_to_left_language_mirrors_the_page(self, rf_request, branding):
        with translation.override("ur"):
            html = render_layout(rf_request)
        assert 'lang="ur" dir="rtl"' in html

    def test_nothing_that_belongs_to_gov_uk(self, rf_request, branding, ombudsman):
        html = render_layout(rf_request)
        for word in GOVUK_ONLY:
            assert word.lower() not in html.lower(), word
        assert "govuk-header" not in html
        assert "govuk-phase-banner" not in html
        assert "govuk-generic-header" in html

    def test_brand_colour_comes_from_settings(self, rf_request, branding):
        html = render_layout(rf_request)
        assert "--redress-brand: #8a1538;" in html
        assert '<meta name="theme-color" content="#8a1538">' in html

    def test_landlord_name_without_logo(self, rf_request, branding):
        html = render_layout(rf_request)
        assert "<title>Page not found \N{EN DASH} Riverside Homes</title>" in html
        assert "Riverside Homes" in html.split("govuk-generic-header__homepage-link", 1)[1]

    def test_logo_has_the_landlord_name_as_alt_text(self, rf_request, branding):
        branding.logo = Image.objects.create(title="Logo", file=get_test_image_file())
        branding.save()
        html = render_layout(RequestFactory().get("/"))
        assert 'alt="Riverside Homes"' in html
        assert 'height="40"' in html
        assert 'class="redress-header__logo"' in html

    def test_footer_shows_landlord_and_complaints_team(self, rf_request, branding):
        html = render_layout(rf_request)
        footer = html.split("<footer", 1)[1]
        # Each line isolated, so it reads the right way round in a right-to-left page too.
        assert "<bdi>1 High Street</bdi><br><bdi>Leeds</bdi><br><bdi>LS1 1AA</bdi>" in footer
        assert 'href="tel:01134960000"' in footer
        assert "mailto:complaints@riverside.example" in footer
        assert "Monday to Friday, 9am to 5pm" in footer

    def test_footer_shows_the_ombudsman(self, rf_request, branding, ombudsman):
        footer = render_layout(rf_request).split("<footer", 1)[1]
        assert "Housing Ombudsman Service" in footer
        assert "PO Box 1484<br>Unit D<br>Preston<br>PR2 0ET" in footer
        assert 'href="tel:03001113000"' in footer
        assert "mailto:info@housing-ombudsman.example" in footer
        assert 'href="https://www.housing-ombudsman.example"' in footer
        assert "at any stage of your complaint" in footer

    def test_footer_without_ombudsman_details_yet(self, rf_request, branding):
        footer = render_layout(rf_request).split("<footer", 1)[1]
        assert "redress-footer__ombudsman" not in footer

    def test_accessibility_statement_link(self, rf_request, branding, site):
        from cms_pages.models.accessibility import AccessibilityStatementPage

        assert "Accessibility statement" not in render_layout(rf_request)
        statement = AccessibilityStatementPage(
            title="Accessibility statement",
            slug="accessibility",
            statement_prepared_on=datetime.date(2025, 4, 1),
            last_reviewed_on=datetime.date(2025, 9, 1),
        )
        site.root_page.add_child(instance=statement)
        html = render_layout(RequestFactory().get("/"))
        assert '<a class="govuk-footer__link" href="/accessibility/">' in html

    def test_renders_before_anything_is_set_up(self, rf_request):
        Site.objects.all().delete()
        html = render_layout(rf_request)
        assert '<a href="/" class="govuk-generic-header__homepage-link">' in html
        assert "Home" in html.split("govuk-generic-header__homepage-link", 1)[1]
        assert "--redress-brand: #1d4f91;" in html
        assert "Accessibility statement" not in html

    def test_context_processor_is_lazy(self, rf_request, django_assert_num_queries):
        with django_assert_num_queries(0):
            context = chrome(rf_request)
        assert set(context) == {
            "branding",
            "ombudsman",
            "accessibility_statement_url",
            "service_notices",
            "site_text",
            "header_links",
            "footer_links",
        }

    def test_ombudsman_panel_partial(self, ombudsman):
        html = render_to_string(
            "components/ombudsman.html",
            {"scheme": ombudsman, "heading_level": 3, "prominent": True},
        )
        assert 'class="redress-ombudsman govuk-inset-text"' in html
        assert '<h3 class="govuk-heading-m">Housing Ombudsman Service</h3>' in html
        assert (
            'class="govuk-link redress-link--url" href="https://www.housing-ombudsman.example"'
            in html
        )
        assert render_to_string("components/ombudsman.html", {"scheme": None}).strip() == ""


def test_server_error_page_needs_no_database():
    # No django_db mark: any query here would fail the test.
    html = render_to_string("500.html")
    assert "Sorry, there is a problem with the service" in html
    assert "/static/dist/css/redress.css" in html
    for word in GOVUK_ONLY:
        assert word.lower() not in html.lower(), word


@pytest.mark.django_db
class TestLanguageSwitcher:
    @pytest.fixture
    def home(self, site):
        return site.root_page.specific

    def test_hidden_with_one_language(self, rf_request, branding, home):
        assert Locale.objects.count() == 1
        assert "govuk-language-navigation" not in render_layout(rf_request, page=home)
        assert "govuk-language-navigation" not in render_layout(rf_request)

    def test_hidden_when_the_page_has_no_translation(self, rf_request, branding, home):
        Locale.objects.create(language_code="cy")
        assert "govuk-language-navigation" not in render_layout(rf_request, page=home)

    def test_lists_each_translation_of_the_page(self, rf_request, branding, home):
        welsh = Locale.objects.create(language_code="cy")
        translated = home.copy_for_translation(welsh)
        translated.save_revision().publish()

        html = render_layout(rf_request, page=home)
        nav = html.split('<nav class="govuk-language-navigation"', 1)[1].split("</nav>", 1)[0]
        assert nav.count('class="govuk-language-navigation__list-item"') == 2
        assert 'aria-current="true" lang="en-gb"' in nav
        assert ">English</span>" in nav
        assert 'href="/cy/" rel="alternate" lang="cy" hreflang="cy"' in nav
        assert ">Cymraeg</a>" in nav

    def test_unpublished_translation_is_not_listed(self, rf_request, branding, home):
        welsh = Locale.objects.create(language_code="cy")
        translated = home.copy_for_translation(welsh)
        Page.objects.filter(pk=translated.pk).update(live=False)
        assert "govuk-language-navigation" not in render_layout(rf_request, page=home)

    def test_views_that_are_not_pages_use_the_locales(self, branding):
        Locale.objects.create(language_code="cy")
        html = render_layout(RequestFactory().get("/"))
        nav = html.split('<nav class="govuk-language-navigation"', 1)[1].split("</nav>", 1)[0]
        assert nav.count('class="govuk-language-navigation__list-item"') == 2
        assert 'href="/cy/"' in nav
        assert "اردو" not in nav  # no Urdu locale yet


class DateInputs(forms.MultiWidget):
    def __init__(self):
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value):
        return [value.day, value.month, value.year] if value else [None, None, None]


class DateFromInputs(forms.MultiValueField):
    """A date asked as day, month and year, as the portal's forms ask it."""

    widget = DateInputs

    def __init__(self, **kwargs):
        parts = [forms.IntegerField(), forms.IntegerField(), forms.IntegerField()]
        super().__init__(fields=parts, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        day, month, year = data_list
        return datetime.date(year, month, day)


class ExampleForm(forms.Form):
    use_required_attribute = False

    email = forms.EmailField(label="Email address", help_text="We will only use it about this.")
    contact = forms.ChoiceField(
        label="How should we contact you?",
        choices=[("email", "Email"), ("phone", "Phone")],
        widget=forms.RadioSelect,
    )
    happened_on = DateFromInputs(label="When did it happen?")
    details = forms.CharField(label="What happened?", widget=forms.Textarea, required=False)

    def clean(self):
        raise forms.ValidationError("Check your answers")


@pytest.fixture
def bound_form():
    form = ExampleForm(data={"email": "not an email", "happened_on_0": "31"})
    assert not form.is_valid()
    return form


def test_error_summary_links_to_each_field(bound_form):
    html = render_to_string("components/error_summary.html", {"form": bound_form})
    assert 'data-module="govuk-error-summary"' in html
    assert "There is a problem" in html
    assert "<li>Check your answers</li>" in html
    assert '<a href="#id_email">Enter a valid email address.</a>' in html
    assert '<a href="#id_contact_0">' in html
    assert '<a href="#id_happened_on_0">' in html
    assert "#id_details" not in html


def test_error_summary_absent_without_errors():
    assert render_to_string("components/error_summary.html", {"form": ExampleForm()}).strip() == ""


def test_text_field_with_hint_and_error(bound_form):
    html = render_to_string("components/field.html", {"field": bound_form["email"]})
    assert 'class="govuk-form-group govuk-form-group--error"' in html
    assert '<label class="govuk-label " for="id_email">Email address</label>' in html
    assert (
        '<div id="id_email-hint" class="govuk-hint">We will only use it about this.</div>' in html
    )
    assert (
        '<p id="id_email-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter a valid email address.</p>'
    ) in html
    assert 'aria-describedby="id_email-hint id_email-error"' in html
    assert 'class="govuk-input govuk-input--error"' in html
    assert 'type="email"' in html


def test_radios_in_a_fieldset(bound_form):
    html = render_to_string("components/field.html", {"field": bound_form["contact"]})
    assert '<fieldset class="govuk-fieldset" aria-describedby="id_contact-error">' in html
    assert 'data-module="govuk-radios"' in html
    assert 'id="id_contact_0" name="contact" type="radio" value="email"' in html
    assert '<label class="govuk-label govuk-radios__label" for="id_contact_1">Phone</label>' in html
    assert 'id="id_contact-error"' in html


def test_date_as_three_inputs(bound_form):
    html = render_to_string("components/field.html", {"field": bound_form["happened_on"]})
    assert 'role="group" aria-describedby="id_happened_on-error"' in html
    assert (
        'id="id_happened_on_0" name="happened_on_0" type="text" inputmode="numeric" value="31"'
        in html
    )
    assert 'for="id_happened_on_1">Month</label>' in html
    assert "govuk-input--width-4" in html
    assert html.count("govuk-input--error") == 3


def test_optional_textarea_without_errors(bound_form):
    html = render_to_string("components/field.html", {"field": bound_form["details"]})
    assert "govuk-form-group--error" not in html
    assert "What happened? (optional)" in html
    assert 'class="govuk-textarea"' in html
    assert "aria-describedby" not in html


def test_compiled_css_is_branded_not_gov_uk():
    assert COMPILED_CSS.exists(), (
        f"{COMPILED_CSS} is missing: build the front end with `npm ci && npm run build` "
        "(or `make frontend`)"
    )
    css = COMPILED_CSS.read_text()
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "govuk-crest" not in css
    assert "--redress-brand" in css
    assert "font-family:arial,helvetica,sans-serif" in css
