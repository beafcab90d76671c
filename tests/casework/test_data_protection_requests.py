"""People's requests about their data: the one-calendar-month clock (UK GDPR article 12(3)),
erasure where no reason to keep applies (article 17), and rectification with its history kept
(article 16; Code 5.12)."""

import datetime as dt

import pytest
from django.utils import timezone

from casework import services
from casework.choices import Decision
from casework.data_protection.holds import legal_hold_set
from casework.data_protection.register import REMOVED
from casework.data_protection.requests import (
    erasure_reasons_to_keep,
    person_erasure,
    person_rectify,
    request_record,
)
from casework.models import DataProtectionRequest, LegalHold, Person
from casework.models.data_protection import one_calendar_month_after
from casework.services import PersonDetails, TransitionRefused
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "received, due",
    [
        (dt.date(2026, 1, 15), dt.date(2026, 2, 15)),
        (dt.date(2026, 1, 31), dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), dt.date(2028, 2, 29)),
        (dt.date(2026, 3, 31), dt.date(2026, 4, 30)),
        (dt.date(2026, 12, 20), dt.date(2027, 1, 20)),
    ],
)
def test_a_request_is_due_one_calendar_month_after_it_is_received(received, due):
    assert one_calendar_month_after(received) == due


def test_recording_a_request_starts_its_clock():
    officer = UserFactory()
    request = request_record(
        kind=DataProtectionRequest.Kind.ACCESS,
        requester_name="Ann Example",
        received_on=dt.date(2026, 1, 31),
        actor=officer,
    )
    assert request.due_on == dt.date(2026, 2, 28)
    with pytest.raises(TransitionRefused) as refused:
        request_record(
            kind="gossip", requester_name=" ", received_on=dt.date(2026, 1, 1), actor=officer
        )
    assert len(refused.value.problems) == 2


def closed_case(**kwargs):
    officer = UserFactory()
    case = CaseFactory(responded=True, **kwargs)
    services.case_close(case=case, actor=officer)
    case.refresh_from_db()
    return case


def test_erasure_is_refused_with_the_reason_while_a_case_is_open():
    case = CaseFactory(acknowledged=True)
    outcome = person_erasure(people=[case.resident])
    assert not outcome.erased
    assert outcome.reasons == [
        f"{case.reference} is still open: we need their details to finish it."
    ]
    assert Person.objects.get(pk=case.resident_id).full_name == case.resident.full_name


def test_erasure_is_refused_under_a_legal_hold_or_an_ombudsman_referral():
    officer = UserFactory()
    held = closed_case()
    legal_hold_set(case=held, actor=officer, kind=LegalHold.Kind.LITIGATION, reason="Claim issued.")
    referred = closed_case(resident=held.resident)
    services.ombudsman_referral_record(
        case=referred, actor=officer, referred_on=timezone.localdate()
    )
    reasons = erasure_reasons_to_keep([held.resident])
    assert reasons == [
        f"{held.reference}: Legal hold: Litigation, expected or under way. Claim issued.",
        f"{referred.reference}: The Ombudsman's involvement is not finished.",
    ]
    request = request_record(
        kind=DataProtectionRequest.Kind.ERASURE,
        requester_name=held.resident.full_name,
        received_on=timezone.localdate(),
        actor=officer,
        person=held.resident,
    )
    assert not person_erasure(people=[held.resident], request=request).erased
    request.refresh_from_db()
    assert request.completed_on == timezone.localdate()
    assert "Claim issued." in request.outcome and "Ombudsman" in request.outcome


def test_erasure_goes_ahead_when_nothing_needs_keeping():
    case = closed_case()
    person = case.resident
    outcome = person_erasure(people=[person])
    assert outcome.erased and outcome.counts.cases == 1 and outcome.counts.people == 1
    case.refresh_from_db()
    person.refresh_from_db()
    assert (person.full_name, person.email, person.phone, person.postal_address) == ("", "", "", "")
    assert case.description == REMOVED and case.stage(1).decision == Decision.NOT_UPHELD
    assert case.erasure.why == "request"


def test_rectification_keeps_the_history_on_every_case_of_theirs():
    officer = UserFactory()
    old = closed_case()
    person = old.resident
    current = CaseFactory(resident=person)
    request = request_record(
        kind=DataProtectionRequest.Kind.RECTIFICATION,
        requester_name=person.full_name,
        received_on=dt.date(2026, 3, 2),
        actor=officer,
        person=person,
    )
    person_rectify(
        person=person,
        details=PersonDetails(
            full_name=person.full_name,
            email="corrected@example.net",
            phone=person.phone,
            postal_address=person.postal_address,
            postcode=person.postcode,
        ),
        actor=officer,
        request=request,
    )
    for case in [old, current]:
        entry = case.timeline.get(event="personal_data_rectified")
        assert "received 2 March 2026" in entry.summary
        assert "corrected@example.net" in entry.summary
        assert "resident" in entry.summary and "@example.net" in entry.summary
        assert entry.data["fields"] == ["email"] and entry.actor == officer
    assert Person.objects.get(pk=person.pk).email == "corrected@example.net"
