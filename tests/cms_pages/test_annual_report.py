"""The annual complaints report (Code 8.1, 8.2; issue 6): refused for publication without the
governing body's response and what else the Code requires, its figures and the response frozen
when published, readable as a page, a large-print view and tagged PDFs; the governing body
writes its response in the admin without seeing a case."""

import datetime as dt
import io

import pypdf
import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from casework import services
from casework.choices import DeterminationOutcome
from cms_pages.models import AnnualReportPage, GoverningBodyResponse, PagePdf, SelfAssessmentPage
from cms_pages.models.published_figures import PublishRefused
from cms_pages.services import governing_body_response_save
from tests.factories import CaseFactory, UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db

RESPONSE = (
    "The Board has read this report. We are pleased that most complaints were answered on "
    "time.\n\nWe ask for a quarterly update on repairs complaints."
)


@pytest.fixture
def home(demo_site):
    return Site.objects.get(is_default_site=True).root_page


def period() -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    return today - dt.timedelta(days=364), today


def published_self_assessment(home) -> SelfAssessmentPage:
    start, end = period()
    page = SelfAssessmentPage(
        title="Self-assessment",
        slug="self-assessment",
        period_start=start,
        period_end=end,
        assessed_on=end,
    )
    rows = []
    for row in page.rows.raw_data:
        rows.append(("provision", {**row["value"], "complies": "yes", "evidence": "Policy 4."}))
    page.rows = rows
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def draft_report(home, **fields) -> AnnualReportPage:
    start, end = period()
    values = {
        "title": "Complaints report",
        "slug": "complaints-report",
        "period_start": start,
        "period_end": end,
        "self_assessment": published_self_assessment(home),
        "analysis": "<p>Repairs caused most complaints; we answered them faster.</p>",
        "ombudsman_report_note": "The Ombudsman published no annual report on us this year.",
        "live": False,
        **fields,
    }
    page = AnnualReportPage(**values)
    home.add_child(instance=page)
    page.save_revision()
    return page


def respond(page, text=RESPONSE) -> GoverningBodyResponse:
    return governing_body_response_save(
        page=page,
        values={"text": text, "responded_by": "The Board", "agreed_on": timezone.localdate()},
        user=UserFactory(),
    )


def publish(page) -> AnnualReportPage:
    page.get_latest_revision().publish()
    return AnnualReportPage.objects.get(pk=page.pk)


class TestPublishing:
    def test_refused_without_the_governing_body_response(self, home):
        page = draft_report(home)
        with pytest.raises(PublishRefused) as refused:
            publish(page)
        assert refused.value.messages == [
            "The governing body has not written its response yet. The report is published "
            "with it alongside (Code 8.2)."
        ]
        assert not AnnualReportPage.objects.get(pk=page.pk).live

    def test_an_empty_response_does_not_count(self, home):
        page = draft_report(home)
        respond(page, text="   ")
        with pytest.raises(PublishRefused):
            publish(page)

    def test_published_once_the_response_is_written(self, home):
        page = draft_report(home)
        respond(page)
        live = publish(page)
        assert live.live
        assert live.governing_body_response["text"] == RESPONSE
        assert live.governing_body_response["responded_by"] == "The Board"

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            (
                {"self_assessment": None},
                "Choose the year's self-assessment, published, to include (Code 8.1a).",
            ),
            (
                {"analysis": "<p> </p>"},
                "Write what the figures tell us before publishing (Code 8.1b).",
            ),
            (
                {"ombudsman_report_note": ""},
                "Link to the Ombudsman's annual report on us, or say why there is none "
                "(Code 8.1e).",
            ),
        ],
    )
    def test_each_other_part_the_code_requires(self, home, fields, message):
        page = draft_report(home, **fields)
        respond(page)
        with pytest.raises(PublishRefused) as refused:
            publish(page)
        assert refused.value.messages == [message]

    def test_a_link_to_the_ombudsman_report_is_enough(self, home):
        page = draft_report(
            home, ombudsman_report_note="", ombudsman_report_url="https://example.org/report"
        )
        respond(page)
        assert publish(page).live

    def test_a_draft_self_assessment_does_not_count(self, home):
        page = draft_report(home)
        assessment = page.self_assessment
        assessment.unpublish()
        respond(page)
        with pytest.raises(PublishRefused) as refused:
            publish(AnnualReportPage.objects.get(pk=page.pk))
        assert "Code 8.1a" in refused.value.messages[0]

    def test_findings_of_non_compliance_need_a_word_on_what_we_did(self, home):
        case = CaseFactory(stage2_responded=True)
        officer = UserFactory()
        referral = services.ombudsman_referral_record(
            case=case, actor=officer, referred_on=timezone.localdate() - dt.timedelta(days=30)
        )
        services.determination_record(
            referral=referral,
            actor=officer,
            determined_on=timezone.localdate(),
            outcome=DeterminationOutcome.MALADMINISTRATION,
            summary="Late stage 2 response.",
            complaint_handling_failure=True,
        )
        page = draft_report(home)
        respond(page)
        with pytest.raises(PublishRefused) as refused:
            publish(page)
        assert refused.value.messages == [
            "The Ombudsman found that we did not follow the Code this year: say what it found "
            "and what we did (Code 8.1c)."
        ]
        page.ombudsman_commentary = "<p>We now check every stage 2 date each week.</p>"
        page.save_revision()
        assert publish(page).code_non_compliance_findings() == 1


class TestFrozen:
    def test_a_published_report_keeps_its_numbers_after_cases_change(self, home, client):
        CaseFactory.create_batch(3)
        page = draft_report(home)
        respond(page)
        live = publish(page)
        received = live.figures["volumes"]["received"]
        assert received == 3
        CaseFactory.create_batch(2)
        live = AnnualReportPage.objects.get(pk=page.pk)
        assert live.current_figures()["volumes"]["received"] == 3
        html = client.get(live.url).content.decode()
        assert "Cases received" in html

    def test_the_response_is_frozen_until_the_report_is_published_again(self, home, client):
        page = draft_report(home)
        respond(page)
        publish(page)
        respond(page, text="A new response, agreed after publication.")
        html = client.get(AnnualReportPage.objects.get(pk=page.pk).url).content.decode()
        assert "pleased that most complaints" in html
        assert "A new response" not in html
        live = publish(AnnualReportPage.objects.get(pk=page.pk))
        assert live.governing_body_response["text"] == "A new response, agreed after publication."

    def test_refreshing_recalculates_the_figures(self, home):
        page = draft_report(home)
        respond(page)
        publish(page)
        CaseFactory.create_batch(2)
        page = AnnualReportPage.objects.get(pk=page.pk)
        page.refresh_figures = True
        page.save_revision()
        live = publish(page)
        assert live.figures["volumes"]["received"] == 2
        assert live.refresh_figures is False

    def test_a_draft_works_its_live_figures_out_once(self, home, monkeypatch):
        """A draft's preview asks for its figures in every section; the record is read once."""
        page = draft_report(home)
        calls = []
        original = AnnualReportPage.compute_figures

        def counted(self):
            calls.append(self.pk)
            return original(self)

        monkeypatch.setattr(AnnualReportPage, "compute_figures", counted)
        draft = page.get_latest_revision().as_object()
        draft.publish_problems()
        draft.report_sections()
        draft.refusals()
        draft.improvements()
        assert len(calls) == 1
        draft.period_start -= dt.timedelta(days=1)
        assert draft.current_figures()["period"]["start"] == draft.period_start.isoformat()
        assert len(calls) == 2, "a changed period is worked out afresh"

    def test_completed_improvements_are_frozen_in(self, home):
        officer = UserFactory()
        lesson = services.learning_record(
            actor=officer,
            theme="repairs",
            what_went_wrong="Appointments were missed.",
            what_changed="Text reminders the day before.",
            public_summary="We now text you the day before a repair visit.",
            owner=officer,
            due_on=timezone.localdate(),
        )
        services.learning_update(
            lesson=lesson,
            actor=officer,
            status="done",
            completed_on=timezone.localdate(),
            published=True,
        )
        page = draft_report(home)
        respond(page)
        live = publish(page)
        assert [item["summary"] for item in live.improvements()] == [
            "We now text you the day before a repair visit."
        ]


class TestReading:
    @pytest.fixture
    def live(self, home):
        CaseFactory(responded=True)
        page = draft_report(home)
        respond(page)
        return publish(page)

    def test_the_page_shows_every_part_of_the_report(self, client, live):
        response = client.get(live.url)
        assert response.status_code == 200
        html = response.content.decode()
        for text in [
            "The governing body's response",
            "pleased that most complaints",
            "The Board, agreed on",
            "Repairs caused most complaints",
            "Complaints we did not accept",
            "What the Ombudsman found",
            "What we have changed",
            "We meet 73 of the Code's 73 provisions.",
            "The Ombudsman published no annual report on us this year.",
            "Stage 1 complaints per 1,000 homes",
            'role="img"',
            "<svg",
        ]:
            assert text in html, text

    def test_no_case_reference_or_name_is_published(self, client, live):
        html = client.get(live.url).content.decode()
        case = CaseFactory._meta.model.objects.get()
        assert case.reference not in html
        assert case.resident.full_name not in html

    def test_the_page_runs_a_fixed_number_of_queries(self, client, live):
        client.get(live.url)
        with CaptureQueriesContext(connection) as few:
            client.get(live.url)
        CaseFactory.create_batch(5, responded=True)
        with CaptureQueriesContext(connection) as many:
            client.get(live.url)
        assert len(many) == len(few)

    def test_the_large_print_view(self, client, live):
        response = client.get(live.url + "print/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "redress-large-print" in html
        assert "Back to the web version" in html
        assert "pleased that most complaints" in html

    @pytest.mark.parametrize("large_print", [False, True])
    def test_the_pdf_is_tagged_and_holds_the_report(self, client, live, large_print):
        url = live.url + ("pdf/large-print/" if large_print else "pdf/")
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Language"] == "en-gb"
        body = b"".join(response.streaming_content)
        reader = pypdf.PdfReader(io.BytesIO(body))
        catalog = reader.trailer["/Root"]
        assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712
        assert catalog["/Lang"] == "en-gb"
        text = " ".join(page.extract_text() for page in reader.pages)
        for words in [
            "governing body",
            "pleased that most complaints",
            "Repairs caused most complaints",
            "Stage 1 complaints per 1,000 homes",
            "Housing Ombudsman",
        ]:
            assert words in " ".join(text.split()), words
        # Kept with the revision it was made from: a second download is the same file.
        assert PagePdf.objects.filter(page_id=live.pk, large_print=large_print).count() == 1
        client.get(url)
        assert PagePdf.objects.filter(page_id=live.pk, large_print=large_print).count() == 1

    def test_large_print_is_larger(self, client, live):
        def first_page_text_size(url):
            body = b"".join(client.get(url).streaming_content)
            return len(pypdf.PdfReader(io.BytesIO(body)).pages)

        assert first_page_text_size(live.url + "pdf/large-print/") > first_page_text_size(
            live.url + "pdf/"
        )


class TestSelfAssessmentFormats:
    def test_the_self_assessment_pdf_lists_every_provision(self, client, home):
        page = published_self_assessment(home)
        response = client.get(page.url + "pdf/")
        assert response.status_code == 200
        reader = pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content)))
        assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"] == True  # noqa: E712
        text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
        for number in ["1.2", "5.3", "6.13", "8.5", "9.8"]:
            assert number in text
        assert "Section 6" in text

    def test_the_self_assessment_offers_each_format(self, client, home):
        page = published_self_assessment(home)
        html = client.get(page.url).content.decode()
        assert 'href="' + page.url + 'pdf/"' in html
        assert 'href="' + page.url + 'pdf/large-print/"' in html
        assert 'href="' + page.url + 'print/"' in html
        assert client.get(page.url + "print/").status_code == 200


class TestGoverningBodyAdmin:
    @pytest.fixture
    def member(self):
        user = UserFactory()
        user.groups.add(Group.objects.get(name="Governing body"))
        return user

    def test_a_member_writes_the_response_beside_the_figures(self, client, home, member):
        CaseFactory(responded=True)
        page = draft_report(home)
        login_verified(client, member)
        listing = client.get(reverse("governing_body:list"))
        assert listing.status_code == 200
        assert "Not written yet" in listing.content.decode()
        url = reverse("governing_body:respond", args=[page.pk])
        form_page = client.get(url)
        html = form_page.content.decode()
        assert "Stage 1 complaints per 1,000 homes" in html
        assert "Repairs caused most complaints" in html
        case = CaseFactory._meta.model.objects.get()
        assert case.reference not in html
        assert case.resident.full_name not in html
        saved = client.post(
            url,
            {"text": RESPONSE, "responded_by": "The Board", "agreed_on": "2026-01-14"},
        )
        assert saved.status_code == 302
        response = GoverningBodyResponse.objects.get(translation_key=page.translation_key)
        assert response.text == RESPONSE
        assert response.updated_by == member
        listing = client.get(reverse("governing_body:list")).content.decode()
        assert "Written, agreed on 14 Jan 2026" in listing

    def test_mistakes_are_shown_next_to_the_field_and_nothing_is_lost(self, client, home, member):
        page = draft_report(home)
        login_verified(client, member)
        url = reverse("governing_body:respond", args=[page.pk])
        future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
        response = client.post(url, {"text": RESPONSE, "responded_by": "", "agreed_on": future})
        assert response.status_code == 200
        form = response.context["form"]
        assert form.errors["responded_by"] == [
            "Say who the response is from, for example the Board."
        ]
        assert form.errors["agreed_on"] == ["The date it was agreed cannot be in the future."]
        assert "pleased that most complaints" in response.content.decode()
        assert not GoverningBodyResponse.objects.exists()

    def test_only_the_governing_body_responds(self, client, home):
        page = draft_report(home)
        editor = UserFactory()
        editor.groups.add(Group.objects.get(name="Comms editor"))
        login_verified(client, editor)
        assert client.get(reverse("governing_body:list")).status_code == 403
        url = reverse("governing_body:respond", args=[page.pk])
        assert client.post(url, {"text": "x", "responded_by": "y"}).status_code == 403
        assert not GoverningBodyResponse.objects.exists()

    def test_the_governing_body_sees_no_case(self, client, member):
        login_verified(client, member)
        assert client.get("/admin/cases/").status_code == 403

    def test_the_menu_item_is_shown_only_to_the_governing_body(self, client, member):
        login_verified(client, member)
        assert "Governing body responses" in client.get("/admin/").content.decode()
        client.logout()
        editor = UserFactory()
        editor.groups.add(Group.objects.get(name="Comms editor"))
        login_verified(client, editor)
        assert "Governing body responses" not in client.get("/admin/").content.decode()


class TestInOtherLanguages:
    def test_an_untranslated_report_serves_the_english_pdf_in_welsh(
        self, client, translated_demo_site
    ):
        home = translated_demo_site.root_page
        page = draft_report(home)
        respond(page)
        publish(page)
        # wagtail-localize mirrors a new page into the Welsh tree (after the commit, which a test
        # transaction never reaches: so here by hand).
        from wagtail.models import Locale
        from wagtail_localize.synctree import synchronize_tree

        synchronize_tree(Locale.get_default(), Locale.objects.get(language_code="cy"))
        welsh = AnnualReportPage.objects.get(locale__language_code="cy")
        assert welsh.alias_of_id == page.pk  # wagtail-localize's untranslated copy
        html = client.get(welsh.url).content.decode()
        assert "pleased that most complaints" in html
        response = client.get(welsh.url + "pdf/")
        assert response.status_code == 200
        assert response["Content-Language"] == "en-gb"
        text = " ".join(
            p.extract_text()
            for p in pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content))).pages
        )
        assert "pleased that most complaints" in " ".join(text.split())
        assert client.get(welsh.url + "pdf/large-print/").status_code == 200

    def test_an_untranslated_report_links_to_pages_in_the_readers_language(
        self, client, translated_demo_site
    ):
        """Its content is English throughout, dates too, but the site's own links in it stay in
        the reader's language: asking for another format is asked in Welsh or Urdu."""
        from wagtail.models import Locale
        from wagtail_localize.synctree import synchronize_tree

        page = draft_report(translated_demo_site.root_page)
        respond(page)
        publish(page)
        for code in ("cy", "ur"):
            synchronize_tree(Locale.get_default(), Locale.objects.get(language_code=code))
            alias = AnnualReportPage.objects.get(locale__language_code=code)
            html = client.get(alias.url).content.decode()
            content = html.split('<div lang="en-gb" dir="ltr">', 1)[1]
            assert f'href="/{code}/another-format/?about=' in content
            assert "Ask for this in another format" in content
            assert page.period_end.strftime("%B") in content, "English month names"
