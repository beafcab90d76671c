"""Editing the complaint-process settings in the admin: a limit beyond the Code is refused next
to the field, citing the Code, and nothing typed is lost."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from casework.models import ComplaintProcessSettings
from tests.factories import UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db


def settings_form(**overrides) -> dict:
    values = {
        "number_of_homes": "8420",
        "nation": "ENG",
        "stage1_acknowledgement_days": "5",
        "stage1_response_days": "10",
        "stage1_extension_days": "10",
        "stage2_acknowledgement_days": "5",
        "stage2_response_days": "20",
        "stage2_extension_days": "20",
        "ombudsman_evidence_days": "15",
        "exclusion_period_months": "12",
        "deemed_consent_representative_types": ["councillor", "mp"],
        "record_retention_years": "6",
        "closure_days": inline_formset([{"date": "2026-12-29", "description": "Closed"}]),
        "exclusion_reasons": inline_formset(
            [{"title": "Court action", "explanation": "A claim is issued.", "applies_to": "both"}]
        ),
    }
    values.update(overrides)
    return nested_form_data(values)


@pytest.fixture
def officer_client(client, demo_site):
    login_verified(client, UserFactory(is_superuser=True))
    return client


def edit_url(site):
    return reverse("wagtailsettings:edit", args=["casework", "complaintprocesssettings", site.pk])


def test_a_longer_response_time_is_refused_next_to_the_field(officer_client, demo_site):
    response = officer_client.post(
        edit_url(demo_site), settings_form(stage1_response_days="12", number_of_homes="9001")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "The Complaint Handling Code (provision 6.3) allows at most 10 working days. You can set "
        "a shorter time, but not a longer one."
    ) in html
    assert 'value="9001"' in html  # what was typed is kept
    assert ComplaintProcessSettings.for_site(demo_site).number_of_homes == 8420


def test_shorter_limits_are_saved(officer_client, demo_site):
    response = officer_client.post(
        edit_url(demo_site), settings_form(stage1_acknowledgement_days="3", nation="WLS")
    )
    assert response.status_code == 302
    saved = ComplaintProcessSettings.for_site(demo_site)
    assert saved.stage1_acknowledgement_days == 3
    assert saved.nation == "WLS"
    assert "Closed" in [day.description for day in saved.closure_days.all()]
