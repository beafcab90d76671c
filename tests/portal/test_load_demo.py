"""`manage.py load_demo` builds the demo landlord; running it again changes nothing."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.serializers import serialize

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
