"""`manage.py load_demo` builds the demo landlord; running it again changes nothing."""

import datetime as dt
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.core.serializers import serialize
from django.utils import timezone

pytestmark = pytest.mark.django_db

SNAPSHOT_MODELS = [
    "wagtailcore.Page",
    "wagtailcore.Revision",
    "wagtailcore.Site",
    "casework.ComplaintProcessSettings",
    "casework.ClosureDay",
    "casework.ExclusionReason",
    "casework.OmbudsmanScheme",
    "cms_pages.BrandingSettings",
    "cms_pages.PagePdf",
    "auth.User",
    "auth.Group",
    "otp_static.StaticToken",
]


def snapshot() -> dict[str, str]:
    return {
        label: serialize("json", apps.get_model(label).objects.order_by("pk"))
        for label in SNAPSHOT_MODELS
    }


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", "--address", "http://127.0.0.1:8123/", stdout=out)
    return out.getvalue()


def test_demo_loads_the_landlord_and_prints_address_and_login():
    output = load_demo()
    assert "http://127.0.0.1:8123/" in output
    # --address is the public address every link in letters and emails starts with.
    from casework.letters.branding import letter_branding
    from casework.process import process_settings

    assert process_settings().public_address == "http://127.0.0.1:8123/"
    assert letter_branding().policy_url.startswith("http://127.0.0.1:8123/")
    assert "http://127.0.0.1:8123/admin/" in output
    assert "officer / example-homes-demo" in output
    from django_otp.plugins.otp_static.models import StaticToken

    codes = list(StaticToken.objects.values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in output for code in codes)
    from wagtail.models import Locale

    from cms_pages.models import HomePage, PolicyPage

    # One home page in English, with its Welsh and Urdu translations (issue 7).
    assert HomePage.objects.live().count() == 3
    english = Locale.get_default()
    assert PolicyPage.objects.live().get(locale=english).sections
    assert PolicyPage.objects.live().get(locale__language_code="ur").sections


def test_loading_twice_changes_nothing():
    load_demo()
    before = snapshot()
    load_demo()
    assert snapshot() == before


def test_loading_again_keeps_what_the_landlord_edited():
    from wagtail.models import Site

    from cms_pages.models import BrandingSettings

    load_demo()
    branding = BrandingSettings.for_site(Site.objects.get(is_default_site=True))
    branding.landlord_name = "Riverside Homes"
    branding.save()
    load_demo()
    branding.refresh_from_db()
    assert branding.landlord_name == "Riverside Homes"


@pytest.fixture
def demo_cases():
    call_command("load_demo", "--cases", "300", stdout=StringIO())


def test_demo_cases_a_year_of_every_kind_following_the_rules(demo_cases):
    """`load_demo --cases N`: made-up cases made through the services (issue 6),
    with a realistic spread: on time, extended, late, refused, escalated."""
    from casework.choices import CaseKind, Channel
    from casework.models import Case, Extension, Stage

    today = timezone.localdate()
    assert Case.objects.count() == 300
    received = [c.received_at.date() for c in Case.objects.all()]
    # From the start of the last April-to-March year, so the demo's annual report has a whole
    # year of cases.
    start = dt.date(today.year - 1 if today.month >= 4 else today.year - 2, 4, 1)
    assert start <= min(received) < start + dt.timedelta(days=30)
    assert max(received) <= today
    assert sum(start.replace(year=start.year + 1) <= day for day in received) > 50
    assert set(Case.objects.values_list("kind", flat=True)) == set(CaseKind.values)
    assert {Channel.ONLINE, Channel.PHONE, Channel.EMAIL} <= set(
        Case.objects.values_list("channel", flat=True)
    )
    assert not Case.objects.filter(category__isnull=True).exists()

    responded = list(Stage.objects.filter(number=1, responded_at__isnull=False))
    on_time = [s for s in responded if s.responded_at.date() <= s.original_response_due_on]
    late = [s for s in responded if s.responded_at.date() > s.response_due_on]
    assert len(on_time) > len(responded) / 2
    assert late, "some stage 1 answers are late"
    assert Extension.objects.exists()
    assert Stage.objects.filter(refused_at__isnull=False).exists()
    stage2 = Stage.objects.filter(number=2, acknowledged_at__isnull=False).select_related("case")
    assert stage2.exists()
    for stage in stage2:
        assert stage.handler_id != stage.case.stages.get(number=1).handler_id  # Code 6.13


def test_demo_cases_are_dated_when_each_step_happened_and_made_once(demo_cases):
    from casework.models import Case, OutboundEmail, Stage, TimelineEntry

    stage = Stage.objects.filter(number=1, responded_at__isnull=False).first()
    moments = list(
        TimelineEntry.objects.filter(case=stage.case).values_list("occurred_at", flat=True)
    )
    second = dt.timedelta(seconds=1)
    assert abs(min(moments) - stage.case.received_at) < second
    assert any(abs(moment - stage.responded_at) < second for moment in moments)
    # Made-up history's emails count as sent; the outbox shows only what comes next.
    assert not OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT).exists()
    call_command("load_demo", "--cases", "300", stdout=StringIO())
    assert Case.objects.count() == 300


# The lessons learned and the self-assessment (issue 6; Code 8.1a, 8.1d, 9.1-9.3)

DEMO_DAY = dt.datetime(2026, 9, 15, 12, 0, tzinfo=dt.UTC)  # so the reporting year is known


def load_demo_with_cases() -> str:
    out = StringIO()
    with time_machine.travel(DEMO_DAY, tick=False):
        call_command("load_demo", "--cases", "60", stdout=out)
    return out.getvalue()


def test_demo_lessons_in_every_state_some_from_cases_one_overdue():
    load_demo_with_cases()
    from casework.choices import LessonStatus
    from casework.models import Lesson, TimelineEntry
    from casework.selectors import lessons_overdue

    today = DEMO_DAY.date()
    lessons = list(Lesson.objects.prefetch_related("cases"))
    assert len(lessons) == 12
    assert {lesson.status for lesson in lessons} == set(LessonStatus.values)
    published = [lesson for lesson in lessons if lesson.published]
    assert published and all(
        lesson.status == LessonStatus.DONE and lesson.public_summary for lesson in published
    )
    assert any(lesson.status == LessonStatus.DONE and not lesson.published for lesson in lessons)
    assert len(set(Lesson.objects.values_list("theme", flat=True))) >= 8
    overdue = list(lessons_overdue(on=today))
    assert len(overdue) == 1
    assert overdue[0].status == LessonStatus.IN_PROGRESS
    linked = [lesson for lesson in lessons if lesson.cases.all()]
    assert linked
    for lesson in linked:  # from cases received before it was recorded, on their timelines
        for case in lesson.cases.all():
            assert case.received_at < lesson.recorded_at
            assert TimelineEntry.objects.filter(case=case, event="lesson_recorded").exists()
    assert all(lesson.recorded_at.date() < today for lesson in lessons)


def test_demo_self_assessment_published_answered_with_frozen_figures(client):
    output = load_demo_with_cases()
    from wagtail.models import Locale

    from casework.code_provisions import SECTIONS
    from casework.figures import EVIDENCE_FIGURES
    from cms_pages.models import HowToComplainPage, SelfAssessmentPage

    english = Locale.get_default()  # the Welsh and Urdu copies are wagtail-localize's
    page = SelfAssessmentPage.objects.live().get(locale=english)
    assert page.title in output
    # The year April to March before the day the demo was loaded.
    assert (page.period_start, page.period_end) == (dt.date(2025, 4, 1), dt.date(2026, 3, 31))
    assert page.period_end < page.assessed_on <= DEMO_DAY.date()
    rows = [row.value for row in page.rows]
    assert [row["provision"] for row in rows] == [p.number for s in SECTIONS for p in s.provisions]
    assert {row["complies"] for row in rows} == {"yes", "no"}
    for row in rows:
        if row["complies"] == "yes":
            assert row["evidence"].strip()
        else:  # a "no" says why and what we will do, by whom and when (Code 8.1a)
            assert row["explanation"].strip()
            assert row["actions"]
            assert all(a["owner"] and a["action_by"] and a["status"] for a in row["actions"])
    assert sum(row["complies"] == "no" for row in rows) < len(rows) / 10
    figure_rows = [row for row in rows if row["figure"]]
    assert len(figure_rows) >= 3
    assert {row["figure"] for row in figure_rows} <= set(EVIDENCE_FIGURES)

    # Frozen at publication from the demo record.
    assert page.figures["period"] == {"start": "2025-04-01", "end": "2026-03-31"}
    assert page.figures["volumes"]["received"] > 0
    acknowledged = page.figures["evidence"]["stage1_acknowledged_on_time"]
    assert acknowledged["percent"] is not None
    assert page.get_latest_revision().content["figures"] == page.figures
    response = client.get(page.url)
    assert response.status_code == 200
    assert acknowledged["display"] in response.content.decode()

    hub = HowToComplainPage.objects.live().get(locale=english)
    assert f'id="{page.pk}"' in str(hub.body.raw_data)
    assert page.url in client.get(hub.url).content.decode()


def test_loading_with_cases_twice_changes_nothing():
    load_demo_with_cases()
    models = [
        *SNAPSHOT_MODELS,
        "casework.Lesson",
        "casework.Case",
        "casework.TimelineEntry",
        "cms_pages.GoverningBodyResponse",
    ]
    before = {
        label: serialize("json", apps.get_model(label).objects.order_by("pk")) for label in models
    }
    output = load_demo_with_cases()
    after = {
        label: serialize("json", apps.get_model(label).objects.order_by("pk")) for label in models
    }
    assert after == before
    assert "lessons" not in output
    assert "self-assessment" not in output
    assert "annual report" not in output


def test_demo_annual_report_published_with_the_boards_response(client):
    output = load_demo_with_cases()
    from wagtail.models import Locale

    from cms_pages.models import (
        AnnualReportPage,
        GoverningBodyResponse,
        HowToComplainPage,
        ImprovementsPage,
        SelfAssessmentPage,
    )

    english = Locale.get_default()
    report = AnnualReportPage.objects.live().get(locale=english)
    assert report.title in output
    assessment = SelfAssessmentPage.objects.live().get(locale=english)
    assert report.self_assessment_id == assessment.pk
    assert (report.period_start, report.period_end) == (
        assessment.period_start,
        assessment.period_end,
    )
    # Code 8.2: published with the governing body's response alongside.
    response = GoverningBodyResponse.objects.get(translation_key=report.translation_key)
    assert report.governing_body_response["text"] == response.text
    assert report.figures["volumes"]["received"] == assessment.figures["volumes"]["received"]
    assert report.improvements(), "the demo's published lessons done in the year"
    html = client.get(report.url).content.decode()
    assert "The Board of Example Homes, agreed on" in html
    assert client.get(report.url + "pdf/").status_code == 200

    improvements = ImprovementsPage.objects.live().get(locale=english)
    assert client.get(improvements.url).status_code == 200
    hub = HowToComplainPage.objects.live().get(locale=english)
    hub_html = client.get(hub.url).content.decode()
    assert report.url in hub_html and improvements.url in hub_html
