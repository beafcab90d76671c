"""The landlord's complaint-process settings: the Code's limits are enforced with the reason."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from casework.code import CODE_LIMITS, Timescales
from casework.models import ComplaintProcessSettings, ExclusionReason

pytestmark = pytest.mark.django_db

FIELD_FOR = {
    "stage1_acknowledgement": "stage1_acknowledgement_days",
    "stage1_response": "stage1_response_days",
    "stage1_extension": "stage1_extension_days",
    "stage2_acknowledgement": "stage2_acknowledgement_days",
    "stage2_response": "stage2_response_days",
    "stage2_extension": "stage2_extension_days",
    "ombudsman_evidence": "ombudsman_evidence_days",
}


@pytest.fixture
def process_settings():
    return ComplaintProcessSettings.for_site(Site.objects.get(is_default_site=True))


def errors_for(instance) -> dict:
    with pytest.raises(ValidationError) as raised:
        instance.full_clean()
    return raised.value.message_dict


def test_defaults_are_the_codes_limits(process_settings):
    assert process_settings.timescales() == Timescales(5, 10, 10, 5, 20, 20, 15)
    assert process_settings.exclusion_period_months == 12
    assert process_settings.deemed_consent_representative_types == ["councillor", "mp"]
    process_settings.full_clean()


@pytest.mark.parametrize(
    ("timescale", "provision", "maximum"),
    [
        ("stage1_acknowledgement", "6.2", 5),
        ("stage1_response", "6.3", 10),
        ("stage1_extension", "6.4", 10),
        ("stage2_acknowledgement", "6.11", 5),
        ("stage2_response", "6.14", 20),
        ("stage2_extension", "6.15", 20),
    ],
)
def test_each_code_limit_is_rejected_when_exceeded_citing_the_provision(
    process_settings, timescale, provision, maximum
):
    field = FIELD_FOR[timescale]
    setattr(process_settings, field, maximum + 1)
    errors = errors_for(process_settings)
    assert list(errors) == [field]
    assert errors[field] == [
        f"The Complaint Handling Code (provision {provision}) allows at most {maximum} working "
        "days. You can set a shorter time, but not a longer one."
    ]


def test_ombudsman_evidence_limit_is_rejected_when_exceeded(process_settings):
    process_settings.ombudsman_evidence_days = 16
    assert errors_for(process_settings) == {
        "ombudsman_evidence_days": [
            "The Housing Ombudsman expects evidence within 15 working days. You can set a "
            "shorter time, but not a longer one."
        ]
    }


def test_every_limit_is_covered_by_a_test():
    assert set(FIELD_FOR) == set(CODE_LIMITS)


@pytest.mark.parametrize("field", sorted(FIELD_FOR.values()))
def test_shorter_timescales_are_allowed_but_not_zero(process_settings, field):
    setattr(process_settings, field, 1)
    process_settings.full_clean()
    setattr(process_settings, field, 0)
    assert field in errors_for(process_settings)


def test_exclusion_period_shorter_than_twelve_months_breaks_code_2_3(process_settings):
    process_settings.exclusion_period_months = 6
    errors = errors_for(process_settings)
    assert "provision 2.3" in errors["exclusion_period_months"][0]
    process_settings.exclusion_period_months = 18
    process_settings.full_clean()


def test_deemed_consent_accepts_only_known_representative_types(process_settings):
    process_settings.deemed_consent_representative_types = ["councillor", "landlord"]
    errors = errors_for(process_settings)
    assert errors["deemed_consent_representative_types"] == ["landlord is not one of the choices."]
    process_settings.deemed_consent_representative_types = []
    process_settings.full_clean()


def test_timescales_exceeding_code_names_each_problem():
    problems = Timescales(stage1_response=11, stage2_extension=25).exceeding_code()
    assert set(problems) == {"stage1_response", "stage2_extension"}
    assert Timescales().exceeding_code() == {}


def test_retention_must_be_at_least_a_year(process_settings):
    process_settings.record_retention_years = 0
    assert errors_for(process_settings) == {
        "record_retention_years": ["Keep records for at least 1 year."]
    }


def test_closure_dates_and_default_exclusion_reasons(demo_site):
    process_settings = ComplaintProcessSettings.for_site(demo_site)
    assert len(process_settings.closure_dates()) == 3
    reasons = list(ExclusionReason.objects.filter(settings=process_settings))
    assert [reason.title for reason in reasons] == [
        "The issue is older than our time limit",
        "Court action has started",
        "We have already answered this complaint",
    ]
