"""Translated pages (issue 7): the demo's Welsh and Urdu copies made through wagtail-localize,
the English fallback note, the language navigation, lang/dir/hreflang, the remembered language,
and what the comms team need to translate in the admin."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.views.edit_translation import user_can_edit_instance

from casework.models import OmbudsmanScheme
from cms_pages.models import CodePage, HowToComplainPage, PolicyPage
from portal.demo.translations import TRANSLATED_PAGES, UNTRANSLATED_FIELDS, strings_for

pytestmark = pytest.mark.django_db

FALLBACK_NOTE = (
    "This page has not been translated into your language yet, so it is shown in English."
)


def html_tag(html: str) -> str:
    return re.search(r"<html[^>]*>", html).group(0)


def test_each_page_has_a_welsh_and_an_urdu_translation(translated_demo_site):
    english = Locale.get_default()
    for code in ("cy", "ur"):
        locale = Locale.objects.get(language_code=code)
        assert LocaleSynchronization.objects.get(locale=locale).sync_from == english
        for page_class in TRANSLATED_PAGES:
            source = page_class.objects.get(locale=english)
            copy = source.get_translation(locale)
            assert copy.live and copy.alias_of_id is None, (code, page_class)
            # Made through wagtail-localize, so the comms team can edit it in its editor.
            assert Translation.objects.filter(
                source__object_id=source.translation_key, target_locale=locale
            ).exists()
        scheme = OmbudsmanScheme.objects.get(kind="housing", locale=locale)
        assert (
            scheme.any_stage_text
            == strings_for(code)[
                OmbudsmanScheme.objects.get(kind="housing", locale=english).any_stage_text
            ]
        )


def test_no_english_is_left_in_the_translated_pages(translated_demo_site):
    english = Locale.get_default()
    for code in ("cy", "ur"):
        locale = Locale.objects.get(language_code=code)
        for page_class in TRANSLATED_PAGES:
            source = TranslationSource.objects.get(
                object_id=page_class.objects.get(locale=english).translation_key
            )
            for segment in StringSegment.objects.filter(source=source).select_related(
                "string", "context"
            ):
                if segment.context.path in UNTRANSLATED_FIELDS:
                    continue
                assert StringTranslation.objects.filter(
                    translation_of=segment.string, locale=locale, context=segment.context
                ).exists(), (code, page_class.__name__, segment.string.data)
    welsh = PolicyPage.objects.get(locale__language_code="cy")
    assert welsh.title == "Polisi cwynion"
    assert welsh.sections[0].value["heading"] == "Am y polisi hwn"


def test_the_code_page_is_an_alias_until_translated(translated_demo_site):
    english = CodePage.objects.get(locale=Locale.get_default())
    for code in ("cy", "ur"):
        alias = english.get_translation(Locale.objects.get(language_code=code))
        assert alias.alias_of_id == english.pk


def test_loading_again_changes_nothing_and_keeps_the_comms_teams_edits(translated_demo_site):
    welsh = HowToComplainPage.objects.get(locale__language_code="cy")
    welsh.intro = "Cyflwyniad newydd gan y tîm cyfathrebu."
    welsh.save_revision().publish()
    pages, revisions = Page.objects.count(), welsh.revisions.count()
    call_command("load_demo", stdout=StringIO())
    welsh.refresh_from_db()
    assert welsh.intro == "Cyflwyniad newydd gan y tîm cyfathrebu."
    assert (Page.objects.count(), welsh.revisions.count()) == (pages, revisions)


def test_new_english_pages_get_a_place_in_every_language(translated_demo_site):
    # wagtail-localize's synchronised trees: a page the comms team add in English is there at
    # once in Welsh and Urdu (as an alias, showing the English fallback note).
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    for code in ("cy", "ur"):
        locale = Locale.objects.get(language_code=code)
        assert home.get_translation(locale).get_children().count() == home.get_children().count()


def test_the_comms_team_can_translate_and_use_po_files(translated_demo_site):
    user = get_user_model().objects.create_user("comms", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="Comms editor"))
    assert user.has_perm("wagtail_localize.submit_translation")
    welsh = PolicyPage.objects.get(locale__language_code="cy")
    assert user_can_edit_instance(user, welsh)
    [welsh_translation] = Translation.objects.filter(
        source__object_id=welsh.translation_key, target_locale=welsh.locale
    )
    po = welsh_translation.export_po()
    assert any(entry.msgstr == "Am y polisi hwn" for entry in po)


def test_pages_carry_lang_and_dir(client, translated_demo_site):
    assert html_tag(client.get("/").content.decode()) == (
        '<html lang="en-gb" dir="ltr" class="govuk-template">'
    )
    assert 'lang="cy" dir="ltr"' in html_tag(client.get("/cy/").content.decode())
    assert 'lang="ur" dir="rtl"' in html_tag(client.get("/ur/").content.decode())


def test_the_language_navigation_links_each_translation_with_hreflang(client, translated_demo_site):
    html = client.get("/cy/complaints-policy/").content.decode()
    nav = re.search(r'<nav class="govuk-language-navigation".*?</nav>', html, re.S).group(0)
    assert (
        '<a class="govuk-language-navigation__link" href="/complaints-policy/" rel="alternate" '
        'lang="en-gb" hreflang="en-gb" dir="ltr">English</a>'
    ) in nav
    assert 'href="/ur/complaints-policy/" rel="alternate" lang="ur" hreflang="ur" dir="rtl"' in nav
    assert 'aria-current="true" lang="cy" dir="ltr">Cymraeg</span>' in nav
    # The journey's pages, which are not Wagtail pages, switch too.
    nav = client.get("/ur/complain/who/").content.decode()
    assert 'href="/cy/complain/who/"' in nav and 'href="/complain/who/"' in nav


def test_an_untranslated_page_is_shown_in_english_with_a_note(client, translated_demo_site):
    for code in ("cy", "ur"):
        html = client.get(f"/{code}/complaint-handling-code/").content.decode()
        with translation.override(code):
            note = translation.gettext(FALLBACK_NOTE)
        assert (
            f'<div class="govuk-inset-text redress-fallback-note" lang="{code}">{note}</div>'
        ) in html
        # The content is marked up as English, read left to right.
        assert '<div lang="en-gb" dir="ltr">' in html
        assert "The Complaint Handling Code" in html
    assert "redress-fallback-note" not in client.get("/complaint-handling-code/").content.decode()
    assert "redress-fallback-note" not in client.get("/cy/complaints-policy/").content.decode()


def test_the_journey_starts_from_the_start_page_in_the_readers_language(
    client, translated_demo_site
):
    assert client.get("/cy/complain/")["Location"] == "/cy/make-a-complaint/"
    assert client.get("/ur/complain/")["Location"] == "/ur/make-a-complaint/"
    assert client.get("/complain/")["Location"] == "/make-a-complaint/"


def test_the_language_read_is_remembered(client, translated_demo_site, settings):
    cookie = settings.LANGUAGE_COOKIE_NAME
    assert cookie not in client.get("/how-to-complain/").cookies  # English readers get none
    response = client.get("/cy/how-to-complain/")
    assert response.cookies[cookie].value == "cy"
    # Coming back to the home page from elsewhere: the home page in that language.
    assert client.get("/")["Location"] == "/cy/"
    # Choosing English on the site itself is never overridden, and is remembered in turn.
    response = client.get("/", headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 200
    assert response.cookies[cookie].value == "en-gb"
    assert client.get("/").status_code == 200


def test_a_policy_loaded_before_nested_blocks_had_ids_is_still_translated(demo_site):
    from portal.demo.translations import demo_translations_load

    # A demo loaded by an older version: the policy's inner blocks have no ids, which
    # wagtail-localize cannot translate.
    policy = PolicyPage.objects.get()
    raw = policy.sections.raw_data
    for section in raw:
        for block in section["value"]["body"]:
            block.pop("id", None)
    policy.sections = raw
    policy.save_revision().publish()
    assert not policy.sections.raw_data[0]["value"]["body"][0].get("id")
    demo_translations_load()
    welsh = PolicyPage.objects.get(locale__language_code="cy")
    assert welsh.sections[0].value["heading"] == "Am y polisi hwn"


SUMMARY_NOTE = "This is a summary in our own words. If it differs from the Code, the Code applies."


def test_an_untranslated_page_is_in_english_throughout(client, translated_demo_site):
    """Content marked as English is English, its labels included (WCAG 2.2 3.1.2: a screen
    reader reads it all with an English voice); the note before it is in the reader's."""
    for code in ("cy", "ur"):
        html = client.get(f"/{code}/complaint-handling-code/").content.decode()
        note, content = html.split('<div lang="en-gb" dir="ltr">', 1)
        with translation.override(code):
            assert translation.gettext(FALLBACK_NOTE) in note
            translated = translation.gettext(SUMMARY_NOTE)
        if code == "cy":  # the Welsh catalogue has the label; it is not used here
            assert translated != SUMMARY_NOTE
        assert SUMMARY_NOTE in content
        assert translated == SUMMARY_NOTE or translated not in content


def test_links_on_an_untranslated_page_lead_to_the_readers_language(client, translated_demo_site):
    """A page only in English, shown in the Welsh tree: its rich text link and its button to How
    to complain lead to the Welsh How to complain, although the content is rendered in English."""
    from wagtail_localize.synctree import synchronize_tree

    from cms_pages.models import ContentPage

    english_home = Page.objects.get(depth=2, locale=Locale.get_default())
    target = HowToComplainPage.objects.get(locale=Locale.get_default())
    page = ContentPage(
        title="Repairs and complaints",
        slug="repairs-and-complaints",
        body=[
            (
                "paragraph",
                f'<p>Read <a linktype="page" id="{target.pk}">how to complain</a> first.</p>',
            ),
            ("button", {"text": "How to complain", "page": target, "url": ""}),
        ],
    )
    english_home.add_child(instance=page)
    page.save_revision().publish()
    synchronize_tree(Locale.get_default(), Locale.objects.get(language_code="cy"))

    html = client.get("/cy/repairs-and-complaints/").content.decode()
    content = html.split('<div lang="en-gb" dir="ltr">', 1)[1]
    assert '<a href="/cy/how-to-complain/">how to complain</a>' in content
    assert 'href="/cy/how-to-complain/" role="button"' in content
    english = client.get("/repairs-and-complaints/").content.decode()
    assert '<a href="/how-to-complain/">how to complain</a>' in english


def test_an_untranslated_how_to_complain_page_is_english_and_starts_in_the_readers_language(
    client, translated_demo_site
):
    from wagtail_localize.synctree import synchronize_tree

    welsh = Locale.objects.get(language_code="cy")
    HowToComplainPage.objects.get(locale=welsh).delete()
    synchronize_tree(Locale.get_default(), welsh)  # puts an untranslated copy in its place
    assert HowToComplainPage.objects.get(locale=welsh).alias_of_id

    html = client.get("/cy/how-to-complain/").content.decode()
    content = html.split('<div lang="en-gb" dir="ltr">', 1)[1]
    assert '<h3 class="govuk-heading-m" id="route-online">Online</h3>' in content
    with translation.override("cy"):
        assert translation.gettext("Online") not in content
    assert 'href="/cy/make-a-complaint/" role="button"' in content
    assert 'lang="en-gb" dir="ltr">0300' not in content, "already marked English as a whole"


def test_the_landlords_contact_details_are_marked_as_english_on_translated_pages(
    client, translated_demo_site
):
    """The opening hours and addresses are one text for the whole site, written in English: on
    the Welsh and Urdu How to complain pages they are marked so (WCAG 2.2 3.1.2)."""
    for code in ("cy", "ur"):
        html = client.get(f"/{code}/how-to-complain/").content.decode()
        assert "redress-fallback-note" not in html
        phone = re.search(
            r'<section class="redress-route" aria-labelledby="route-phone">.*?</section>',
            html,
            re.S,
        )
        assert '<p class="govuk-body" lang="en-gb" dir="ltr">0300 555 0123' in phone.group(0)
    english = client.get("/how-to-complain/").content.decode()
    assert '<p class="govuk-body">0300 555 0123' in english
    # So are the footer's opening hours and address, on every page.
    translated_footer = html.split('<footer class="govuk-template__footer">', 1)[1]
    assert '<li class="govuk-footer__list-item" lang="en-gb" dir="ltr">Monday' in translated_footer
    assert '<address class="redress-footer__address" lang="en-gb" dir="ltr">' in translated_footer
    english_footer = english.split('<footer class="govuk-template__footer">', 1)[1]
    assert '<li class="govuk-footer__list-item">Monday' in english_footer
