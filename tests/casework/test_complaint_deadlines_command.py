"""`manage.py complaint_deadlines`: every clock for a complaint received on a given day.

Expected dates counted by hand (see test_deadlines.py). Christmas 2026 in England: Fri 25 Dec,
Mon 28 Dec (Boxing Day's substitute), Fri 1 Jan 2027; Scotland adds Mon 4 Jan 2027.
"""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from casework.models import ClosureDay, ComplaintProcessSettings

CODE_TIMESCALES = {
    "stage1_acknowledgement": 5,
    "stage1_response": 10,
    "stage1_extension": 10,
    "stage2_acknowledgement": 5,
    "stage2_response": 20,
    "stage2_extension": 20,
    "ombudsman_evidence": 15,
}


def run(*args: str) -> dict:
    out = StringIO()
    call_command("complaint_deadlines", *args, stdout=out)
    return json.loads(out.getvalue())


def landlord_settings() -> ComplaintProcessSettings:
    return ComplaintProcessSettings.for_site(Site.objects.get(is_default_site=True))


@pytest.mark.django_db
def test_received_tuesday_22_december_2026_in_england():
    report = run("2026-12-22")
    assert report == {
        "received": "2026-12-22",
        "nation": "ENG",
        "nation_name": "England",
        "timescales_from": "landlord's complaint process settings",
        "timescales": CODE_TIMESCALES,
        "closure_dates": [],
        # 23, 24, 29, 30, 31 Dec
        "stage1_acknowledgement_due": "2026-12-31",
        "stage1_response_counted_from": "stage 1 acknowledgement due date",
        "stage1_response_start": "2026-12-31",
        # 4 Jan (1) .. 15 Jan (10), then 18 Jan (1) .. 29 Jan (10)
        "stage1_response_due": "2027-01-15",
        "stage1_response_due_with_longest_extension": "2027-01-29",
        "escalated": None,
        "stage2_acknowledgement_due": None,
        "stage2_response_due": None,
        "stage2_response_due_with_longest_extension": None,
        "stage2_note": "Stage 2 clocks start when the resident asks to escalate. "
        "Give --escalated DATE to see them.",
    }
    assert "ombudsman_evidence_due" not in report


@pytest.mark.django_db
@pytest.mark.parametrize("nation", ["SCT", "sct"])
def test_scotland_loses_monday_4_january_2027(nation):
    report = run("2026-12-22", "--nation", nation)
    assert report["nation"] == "SCT"
    assert report["stage1_acknowledgement_due"] == "2026-12-31"  # the same as England
    # 5 Jan (1) .. 18 Jan (10), then 19 Jan (1) .. 1 Feb (10)
    assert report["stage1_response_due"] == "2027-01-18"
    assert report["stage1_response_due_with_longest_extension"] == "2027-02-01"


@pytest.mark.django_db
def test_response_counted_from_the_actual_acknowledgement():
    report = run("2026-12-22", "--acknowledged", "2026-12-24")
    assert report["stage1_response_counted_from"] == "acknowledged"
    assert report["stage1_response_start"] == "2026-12-24"
    # 29, 30, 31, 4 Jan (4) .. 12 Jan (10), then 13 Jan (1) .. 26 Jan (10)
    assert report["stage1_response_due"] == "2027-01-12"
    assert report["stage1_response_due_with_longest_extension"] == "2027-01-26"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("nation", "extended"),
    [("ENG", "2027-03-24"), ("NIR", "2027-03-25")],  # St Patrick's Day, Wed 17 Mar
)
def test_stage2_clocks_from_the_request_to_escalate(nation, extended):
    report = run("2026-12-22", "--escalated", "2027-01-20", "--nation", nation)
    assert report["escalated"] == "2027-01-20"
    assert report["stage2_acknowledgement_due"] == "2027-01-27"  # 21, 22, 25, 26, 27
    assert report["stage2_response_counted_from"] == "stage 2 acknowledgement due date"
    assert report["stage2_response_due"] == "2027-02-24"  # 28, 29 Jan, 1 Feb (3) .. 24 Feb (20)
    assert report["stage2_response_due_with_longest_extension"] == extended
    assert "stage2_note" not in report


@pytest.mark.django_db
def test_ombudsman_evidence_only_when_requested():
    report = run("2026-12-22", "--evidence-requested", "2027-03-15")
    assert report["evidence_requested"] == "2027-03-15"
    # 16 Mar (1) .. 25 Mar (8), Good Friday and Easter Monday, 30 Mar (9) .. 7 Apr (15)
    assert report["ombudsman_evidence_due"] == "2027-04-07"


@pytest.mark.django_db
def test_landlord_shorter_timescales_and_closure_day():
    settings = landlord_settings()
    settings.stage1_acknowledgement_days = 3
    settings.stage1_response_days = 8
    settings.stage1_extension_days = 5
    settings.save()
    ClosureDay.objects.create(settings=settings, date="2026-12-29", description="Office shut")

    report = run("2026-12-22")
    assert report["timescales"] == {
        **CODE_TIMESCALES,
        "stage1_acknowledgement": 3,
        "stage1_response": 8,
        "stage1_extension": 5,
    }
    assert report["closure_dates"] == ["2026-12-29"]
    assert report["stage1_acknowledgement_due"] == "2026-12-30"  # 23, 24, 30
    assert report["stage1_response_due"] == "2027-01-12"  # 31, 4 Jan (2) .. 12 Jan (8)
    assert report["stage1_response_due_with_longest_extension"] == "2027-01-19"  # 13 .. 19


@pytest.mark.django_db
def test_landlord_nation_is_the_default_and_can_be_overridden():
    settings = landlord_settings()
    settings.nation = "SCT"
    settings.save()

    assert run("2026-12-22")["stage1_response_due"] == "2027-01-18"
    assert run("2026-12-22", "--nation", "ENG")["stage1_response_due"] == "2027-01-15"


@pytest.mark.django_db
def test_without_a_default_site_the_code_limits_and_england_apply():
    Site.objects.update(is_default_site=False)
    report = run("2026-12-22")
    assert report["timescales_from"] == "Complaint Handling Code limits"
    assert report["timescales"] == CODE_TIMESCALES
    assert report["nation"] == "ENG"
    assert report["stage1_response_due"] == "2027-01-15"
    assert not ComplaintProcessSettings.objects.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["22/12/2026"],
        ["2026-13-01"],
        ["2026-02-30"],
        ["Tuesday"],
        ["2026-12-22", "--acknowledged", "24 Dec"],
        ["2026-12-22", "--escalated", "2027-1-32"],
        ["2026-12-22", "--evidence-requested", "soon"],
    ],
)
def test_a_bad_date_says_how_to_write_one(args):
    with pytest.raises(
        CommandError, match=r"Enter the date as YYYY-MM-DD, for example 2026-12-22\."
    ):
        run(*args)


@pytest.mark.parametrize("option", ["--acknowledged", "--escalated", "--evidence-requested"])
def test_dates_cannot_come_before_the_complaint(option):
    with pytest.raises(CommandError, match="before the complaint was received"):
        run("2026-12-22", option, "2026-12-21")


def test_an_unknown_nation_is_refused():
    with pytest.raises(CommandError, match="invalid choice"):
        run("2026-12-22", "--nation", "IRL")
