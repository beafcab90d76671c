"""Retention (UK GDPR storage limitation; the landlord's "keep complaint records for" setting):
years of cases run through `apply_retention` with time-machine, proving that personal data is
gone from every casework table and from file storage, that the figures for past years are the
same to the last digit, that held cases keep everything, and that a second run changes nothing.
"""

import datetime as dt
import io
from decimal import Decimal

import pytest
import time_machine
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone
from django.utils.functional import empty

from casework import services
from casework.choices import CaseStatus, Decision, RemedyKind
from casework.data_protection.holds import legal_hold_lift, legal_hold_set
from casework.data_protection.register import REMOVED
from casework.data_protection.requests import request_complete, request_record
from casework.data_protection.retention import (
    case_retention,
    closed_before,
    removal_date,
    retention_apply,
    years_after,
)
from casework.figures import figures_for_periods
from casework.letters import LetterType
from casework.letters.branding import LetterBranding
from casework.letters.drafting import prefill_elements
from casework.models import (
    Case,
    CaseDocument,
    ComplaintCategory,
    DataProtectionRequest,
    LegalHold,
    OutboundEmail,
    Person,
    RetentionRun,
    private_storage,
)
from casework.process import process_settings, working_calendar
from casework.services import PersonDetails
from tests.factories import UserFactory, aware
from tests.support.files import PDF

pytestmark = pytest.mark.django_db

BRANDING = LetterBranding(
    landlord_name="Example Homes",
    address_lines=("1 Market Street", "Exampleton", "EX1 2AB"),
    phone="0300 555 0123",
    email="complaints@example-homes.org.uk",
    policy_url="https://example-homes.test/complaints/policy/",
)


@pytest.fixture(autouse=True)
def _private_storage_in_tmp(settings):
    private_storage._wrapped = empty
    yield
    private_storage._wrapped = empty


def details(name: str) -> PersonDetails:
    slug = name.lower().replace(" ", ".")
    return PersonDetails(
        full_name=name,
        email=f"{slug}@example.net",
        phone="07700 900456",
        postal_address=f"{name}'s flat\n12 Marker Road\nExampleton",
        postcode="EX9 9ZZ",
    )


def complaint(name: str, when: dt.datetime, *, officer, category, close=True, person=None):
    """A complaint from `name` received at `when`, answered with a paid financial remedy, with
    a letter and a photo in its correspondence, closed a month later."""
    with time_machine.travel(when, tick=False):
        case = services.case_log(
            kind="complaint",
            channel="phone",
            description=f"{name} says the boiler failed in the winter.",
            outcome_wanted=f"{name} wants compensation.",
            property_address=f"{name}'s flat, 12 Marker Road",
            resident=person or details(name),
            category=category,
            actor=officer,
        )
        services.correspondence_record_with_documents(
            case=case,
            actor=officer,
            direction="in",
            channel="letter",
            correspondent=name,
            body=f"A letter from {name} about the boiler.",
            files=[SimpleUploadedFile(f"{name} boiler.pdf", PDF)],
        )
        services.note_add(case=case, actor=officer, text=f"Called {name} back.")
    with time_machine.travel(when + dt.timedelta(days=2), tick=False):
        services.complaint_acknowledge(
            case=case,
            actor=officer,
            definition=f"{name} says the boiler failed.",
            outcomes_sought="Compensation.",
            handler=officer,
            conflict_of_interest="None",
        )
        remedy = services.remedy_add(
            case=case,
            actor=officer,
            kind=RemedyKind.FINANCIAL,
            description=f"£150 to {name} for the cold weeks.",
            due_on=timezone.localdate() + dt.timedelta(days=10),
            amount=Decimal("150.00"),
        )
    with time_machine.travel(when + dt.timedelta(days=9), tick=False):
        services.stage_respond(
            case=case,
            actor=officer,
            decision=Decision.UPHELD,
            reasons=f"The engineer missed {name}'s appointment.",
            actions_confirmed=True,
        )
        services.remedy_complete(remedy=remedy, actor=officer)
    if close:
        with time_machine.travel(when + dt.timedelta(days=30), tick=False):
            services.case_close(case=Case.objects.get(pk=case.pk), actor=officer)
    return Case.objects.get(pk=case.pk)


def issue_letter(case, officer, when):
    with time_machine.travel(when, tick=False):
        elements = prefill_elements(
            case, LetterType.STAGE1_RESPONSE, branding=BRANDING, language="en-gb"
        )
        return services.letter_issue(
            case=case,
            letter_type=LetterType.STAGE1_RESPONSE,
            elements=elements,
            actor=officer,
            branding=BRANDING,
        )


def reporting_years(first: int, last: int):
    calendar = working_calendar(process_settings())
    spans = [(dt.date(y, 4, 1), dt.date(y + 1, 3, 31)) for y in range(first, last + 1)]
    results = figures_for_periods(spans, calendar=calendar)
    for result in results:
        result.pop("calculated_at")
    return results


def every_casework_row() -> list[tuple[str, dict]]:
    """Every row of every casework table, as values (for a run that should change nothing)."""
    rows = []
    for model in apps.get_app_config("casework").get_models():
        if model is RetentionRun:
            continue
        for values in model._base_manager.order_by("pk").values():
            rows.append((model.__name__, values))
    return rows


def text_held_anywhere(needle: str) -> list[str]:
    """Which casework rows (model and pk) hold `needle` in any value."""
    return [
        f"{name} {values.get('id')}"
        for name, values in every_casework_row()
        if needle.lower() in repr(values).lower()
    ]


@pytest.fixture
def history(settings):
    """Seven years of cases at a landlord keeping records for three years."""
    officer = UserFactory(first_name="Olu", last_name="Officer")
    repairs = ComplaintCategory.objects.create(name="Repairs")
    process = process_settings()
    process.record_retention_years = 3
    process.save()
    cases = {}
    for year in range(2019, 2026):
        cases[f"old{year}"] = complaint(
            f"Resident Old{year}", aware(year, 5, 7), officer=officer, category=repairs
        )
    issue_letter(cases["old2020"], officer, aware(2020, 5, 17))
    # Withdrawn long ago.
    with time_machine.travel(aware(2020, 9, 1), tick=False):
        withdrawn = services.case_log(
            kind="complaint",
            channel="email",
            description="Resident Withdrawer complains about the lift.",
            resident=details("Resident Withdrawer"),
            actor=officer,
        )
        services.case_withdraw(case=withdrawn, actor=officer, reason="Resident Withdrawer asked")
    cases["withdrawn"] = withdrawn
    # Held: a legal hold, and an Ombudsman referral not yet determined.
    cases["litigation"] = complaint(
        "Resident Litigant", aware(2019, 6, 3), officer=officer, category=repairs
    )
    with time_machine.travel(aware(2021, 1, 4), tick=False):
        legal_hold_set(
            case=cases["litigation"],
            actor=officer,
            kind=LegalHold.Kind.LITIGATION,
            reason="Disrepair claim issued in the county court.",
        )
    cases["ombudsman"] = complaint(
        "Resident Referred", aware(2019, 7, 1), officer=officer, category=repairs
    )
    with time_machine.travel(aware(2019, 9, 2), tick=False):
        services.ombudsman_referral_record(
            case=cases["ombudsman"],
            actor=officer,
            referred_on=dt.date(2019, 9, 2),
            ombudsman_reference="HOS-202012345",
        )
    # A person with an old closed case and a case still open: their old case loses its free
    # text, but they keep their name and contact details.
    cases["returning_old"] = complaint(
        "Resident Returning", aware(2019, 10, 1), officer=officer, category=repairs
    )
    person = cases["returning_old"].resident
    cases["returning_new"] = complaint(
        "Resident Returning",
        aware(2026, 4, 1),
        officer=officer,
        category=repairs,
        close=False,
        person=person,
    )
    # Emails about no case, and answered requests about people's data, on their own clock.
    with time_machine.travel(aware(2020, 2, 3), tick=False):
        OutboundEmail.objects.create(
            purpose="sign_in",
            to=["resident.old2019@example.net"],
            subject="Your sign-in link",
            body_text="Resident Old2019, here is your link.",
            status=OutboundEmail.Status.SENT,
            sent_at=timezone.now(),
        )
        request_record(
            kind=DataProtectionRequest.Kind.ACCESS,
            requester_name="Resident Old2019",
            requester_email="resident.old2019@example.net",
            received_on=dt.date(2020, 2, 3),
            actor=officer,
        )
        request_complete(
            request=DataProtectionRequest.objects.get(), outcome="Sent to Resident Old2019."
        )
    return {"officer": officer, "cases": cases}


TODAY = aware(2026, 6, 1, 3, 0)
ERASED_NAMES = [
    "Resident Old2019",
    "Resident Old2020",
    "Resident Old2021",
    "Resident Old2022",
    "Resident Withdrawer",
]
KEPT_NAMES = ["Resident Old2023", "Resident Old2024", "Resident Old2025"]


def test_years_of_cases_lose_their_personal_data_and_keep_their_figures(history):
    cases = history["cases"]
    files = {
        name: [d.file.name for d in CaseDocument.objects.filter(case=case)]
        for name, case in cases.items()
    }
    assert all(private_storage.exists(f) for names in files.values() for f in names)
    assert len(files["old2020"]) == 2  # the upload and the letter's PDF
    figures_before = reporting_years(2019, 2025)

    with time_machine.travel(TODAY, tick=False):
        run = retention_apply()

    assert run.cases_erased == 6  # 2019-2022, the withdrawn case, the returning resident's old
    assert run.cases_held == 2
    assert sorted(run.references) == sorted(
        cases[n].reference
        for n in ["old2019", "old2020", "old2021", "old2022", "withdrawn", "returning_old"]
    )
    assert run.files_removed == 6  # five uploads and a letter
    assert run.people_erased == 5
    assert run.emails_erased == OutboundEmail.objects.filter(body_text=REMOVED).count()
    assert DataProtectionRequest.objects.get().requester_name == ""

    # Gone from every table: nothing anywhere still holds their names, emails or words.
    for name in ERASED_NAMES:
        assert text_held_anywhere(name) == []
        assert text_held_anywhere(name.lower().replace(" ", ".") + "@") == []
    for name in ["old2019", "old2020", "old2021", "old2022", "withdrawn"]:
        for file_name in files[name]:
            assert not private_storage.exists(file_name)
    # The skeleton stays: the cases, stages and remedies, with their dates and amounts.
    old = Case.objects.get(pk=cases["old2020"].pk)
    assert old.status == CaseStatus.CLOSED and old.description == REMOVED
    stage = old.stage(1)
    assert stage.decision == Decision.UPHELD and stage.responded_at
    # What was recorded still shows as recorded, and what was not, as not (Code 5.6, 6.9).
    assert (stage.definition, stage.escalation_detail) == (REMOVED, "")
    assert old.remedies.get().amount == Decimal("150.00")
    letter = old.letters.get()
    assert letter.letter_type == LetterType.STAGE1_RESPONSE
    assert letter.elements and set(letter.elements.values()) <= {REMOVED, ""}
    assert letter.sent_to == [] and letter.body_text == REMOVED
    assert not OutboundEmail.objects.filter(case=old).exclude(body_text=REMOVED).exists()
    assert reporting_years(2019, 2025) == figures_before

    # Within the period, held, or named by an open case: untouched.
    for name in KEPT_NAMES:
        assert text_held_anywhere(name)
    for name in ["old2023", "litigation", "ombudsman", "returning_new"]:
        case = Case.objects.get(pk=cases[name].pk)
        assert case.description == cases[name].description
        assert all(private_storage.exists(f) for f in files[name])
    assert Case.objects.get(pk=cases["returning_old"].pk).description == REMOVED
    returning = Person.objects.get(pk=cases["returning_new"].resident_id)
    assert returning.full_name == "Resident Returning"
    assert returning.email == "resident.returning@example.net"
    assert not any(private_storage.exists(f) for f in files["returning_old"])


def test_a_second_run_changes_nothing(history):
    with time_machine.travel(TODAY, tick=False):
        retention_apply()
        after_first = every_casework_row()
        again = retention_apply()
    assert (again.cases_erased, again.people_erased, again.files_removed) == (0, 0, 0)
    assert again.emails_erased == 0
    assert every_casework_row() == after_first
    assert RetentionRun.objects.count() == 2


def test_a_dry_run_lists_what_would_go_and_removes_nothing(history):
    before = every_casework_row()
    out = io.StringIO()
    with time_machine.travel(TODAY, tick=False):
        call_command("apply_retention", "--dry-run", stdout=out)
    assert every_casework_row() == before
    text = out.getvalue()
    assert f"would remove {history['cases']['old2019'].reference}" in text
    assert f"held {history['cases']['litigation'].reference}" in text
    assert history["cases"]["old2023"].reference not in text
    assert "would remove: 6 cases, 5 people, 6 files" in text
    run = RetentionRun.objects.get()
    assert run.dry_run and run.cases_erased == 6 and run.cases_held == 2


def test_lifting_a_hold_lets_the_next_run_remove_the_case(history):
    case = history["cases"]["litigation"]
    hold = LegalHold.objects.get(case=case)
    with time_machine.travel(TODAY, tick=False):
        retention_apply()
        assert Case.objects.get(pk=case.pk).description
        legal_hold_lift(hold=hold, actor=history["officer"])
        run = retention_apply()
    assert run.references == [case.reference]
    assert Case.objects.get(pk=case.pk).description == REMOVED
    events = list(case.timeline.values_list("event", flat=True))
    assert {"legal_hold_set", "legal_hold_lifted", "personal_data_erased"} <= set(events)


def test_the_case_says_when_its_personal_data_goes(history):
    case = history["cases"]["old2024"]
    with time_machine.travel(TODAY, tick=False):
        assert case_retention(case) == {"removed_on": dt.date(2027, 6, 6), "held": []}
        held = case_retention(history["cases"]["ombudsman"])
        assert held["held"] == ["The Ombudsman's involvement is not finished."]
        assert case_retention(history["cases"]["returning_new"]) == {}
        retention_apply()
        erased = case_retention(Case.objects.get(pk=history["cases"]["old2019"].pk))
    assert erased == {"erased_on": dt.date(2026, 6, 1)}


@pytest.mark.parametrize(
    "closed, today, due",
    [
        (dt.date(2020, 3, 1), dt.date(2023, 3, 1), True),
        (dt.date(2020, 3, 2), dt.date(2023, 3, 1), False),
        # Closed on 29 February: removed on 28 February, the period's last day.
        (dt.date(2020, 2, 29), dt.date(2023, 2, 28), True),
        (dt.date(2020, 2, 29), dt.date(2023, 2, 27), False),
    ],
)
def test_the_period_is_counted_in_calendar_years_from_closing(closed, today, due):
    closed_at = aware(closed.year, closed.month, closed.day, 23, 30)
    assert (removal_date(closed_at, 3) <= today) is due
    assert (closed_at < closed_before(today, 3)) is due


def test_years_after_keeps_the_date():
    assert years_after(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert years_after(dt.date(2024, 5, 31), -6) == dt.date(2018, 5, 31)


def test_a_returning_resident_no_longer_sees_their_erased_case(history):
    from portal.follow.access import cases_for

    with time_machine.travel(TODAY, tick=False):
        retention_apply()
    seen = set(cases_for("resident.returning@example.net").values_list("reference", flat=True))
    assert seen == {history["cases"]["returning_new"].reference}


def test_a_run_that_stops_part_way_is_logged_and_the_next_carries_on(history, monkeypatch):
    from casework.data_protection import retention

    calls = []
    real_erase = retention.case_erase

    def failing_on_the_third(**kwargs):
        calls.append(kwargs["case"].reference)
        if len(calls) == 3:
            raise OSError("The file store is down.")
        return real_erase(**kwargs)

    monkeypatch.setattr(retention, "case_erase", failing_on_the_third)
    with time_machine.travel(TODAY, tick=False), pytest.raises(OSError):
        retention_apply()
    stopped = RetentionRun.objects.get()
    assert stopped.finished_at is None and stopped.cases_erased == 2
    assert stopped.references == calls[:2]
    monkeypatch.setattr(retention, "case_erase", real_erase)
    with time_machine.travel(TODAY, tick=False):
        run = retention_apply()
    assert run.cases_erased == 4 and run.finished_at
