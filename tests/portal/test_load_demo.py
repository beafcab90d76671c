"""`manage.py load_demo` builds the demo landlord; running it again changes nothing."""

import datetime as dt
from io import StringIO

import pytest
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
    "cms_pages.PolicyPdf",
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
    assert "http://127.0.0.1:8123/admin/" in output
    assert "officer / example-homes-demo" in output
    from django_otp.plugins.otp_static.models import StaticToken

    codes = list(StaticToken.objects.values_list("token", flat=True))
    assert len(codes) == 10
    assert all(code in output for code in codes)
    from cms_pages.models import HomePage, PolicyPage

    assert HomePage.objects.live().count() == 1
    assert PolicyPage.objects.live().get().sections


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
    """`load_demo --cases N`: a year of made-up cases made through the services (issue 6),
    with a realistic spread: on time, extended, late, refused, escalated."""
    from casework.choices import CaseKind, Channel
    from casework.models import Case, Extension, Stage

    today = timezone.localdate()
    assert Case.objects.count() == 300
    received = [c.received_at.date() for c in Case.objects.all()]
    assert today - dt.timedelta(days=366) <= min(received) <= max(received) <= today
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
