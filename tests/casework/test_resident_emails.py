"""Emails to residents and representatives when their case changes (issue 5, Notifications):
acknowledgement (Code 6.2), extension with the Ombudsman's details (6.5), escalation received
(6.11), a request for comments, withdrawal; preferences and restrictions (5.14-5.15) respected."""

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.test import TestCase
from django.utils import timezone

from casework import services
from casework.choices import Channel, ContactMethod, RepresentativeType
from casework.models import OmbudsmanScheme, OutboundEmail
from tests.factories import CaseFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def acknowledge(case, handler):
    return services.complaint_acknowledge(
        case=case,
        actor=handler,
        definition="The kitchen tap has leaked since March.",
        outcomes_sought="Fix the tap.",
        handler=handler,
        conflict_of_interest="None",
    )


def purposes(case) -> list[str]:
    return list(
        OutboundEmail.objects.filter(case=case, purpose__startswith="resident_")
        .order_by("pk")
        .values_list("purpose", flat=True)
    )


def test_acknowledgement_emails_the_resident_once_with_the_definition_and_date():
    case = CaseFactory()
    handler = UserFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        stage = acknowledge(case, handler)
    [email] = mail.outbox
    assert email.to == [case.resident.email]
    assert email.subject == f"We have logged your complaint: {case.reference}"
    assert "The kitchen tap has leaked since March." in email.body
    assert f"{stage.response_due_on:%-d %B %Y}" in email.body
    assert f"/follow/cases/{case.reference}/" in email.body
    assert purposes(case) == ["resident_stage1_acknowledged"]


def test_a_representative_with_consent_gets_a_copy_and_one_awaiting_consent_does_not():
    deemed = CaseFactory(
        representative=PersonFactory(email="mp@parliament.example"),
        representative_type=RepresentativeType.MP,
    )
    awaiting = CaseFactory(
        representative=PersonFactory(email="neighbour@example.net"),
        representative_type=RepresentativeType.FAMILY_OR_CARER,
    )
    handler = UserFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        acknowledge(deemed, handler)
        acknowledge(awaiting, handler)
    to = sorted(address for email in mail.outbox for address in email.to)
    assert to == sorted([deemed.resident.email, "mp@parliament.example", awaiting.resident.email])
    [copy] = [e for e in mail.outbox if e.to == ["mp@parliament.example"]]
    assert f"because you act for {deemed.resident.full_name}" in copy.body


def test_extension_gives_the_reason_the_new_date_and_the_ombudsman():
    OmbudsmanScheme.objects.create(
        name="Housing Ombudsman Service",
        postal_address="PO Box 1484\nUnit D\nPreston\nPR2 0ET",
        phone="0300 111 3000",
        email="info@housing-ombudsman.org.uk",
        website="https://www.housing-ombudsman.org.uk",
        any_stage_text="You can ask them for help at any stage.",
    )
    case = CaseFactory(acknowledged=True)
    with TestCase.captureOnCommitCallbacks(execute=True):
        extension = services.stage_extend(
            case=case,
            actor=case.stage(1).handler,
            working_days=5,
            reason="The surveyor's report is not back yet.",
            resident_told_on=timezone.localdate(),
            ombudsman_details_given=True,
        )
    [email] = [e for e in mail.outbox if "more time" in e.subject]
    assert "The surveyor's report is not back yet." in email.body
    assert f"{extension.new_due_on:%-d %B %Y}" in email.body
    assert "You can ask Housing Ombudsman Service for help at any time:" in email.body
    assert "0300 111 3000" in email.body
    assert purposes(case)[-1] == "resident_extended"


def test_escalation_by_phone_is_emailed_but_one_made_online_is_left_to_the_follow_pages():
    by_phone = CaseFactory(responded=True)
    online = CaseFactory(responded=True)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.escalation_request(case=by_phone, actor=UserFactory(), channel=Channel.PHONE)
        services.escalation_request(case=online, actor_label="Resident", channel=Channel.ONLINE)
    assert purposes(by_phone)[-1] == "resident_escalation_received"
    assert "resident_escalation_received" not in purposes(online)
    [email] = [e for e in mail.outbox if "stage 2" in e.subject]
    assert "You do not need to give us a reason." in email.body


def test_a_request_for_comments_gives_the_findings_and_reply_date():
    case = CaseFactory(acknowledged=True)
    reply_by = timezone.localdate() + dt.timedelta(days=10)
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.comments_request(
            case=case,
            actor=case.stage(1).handler,
            findings="Our contractor says nobody was in on 3 May.",
            respond_by=reply_by,
        )
    [email] = [e for e in mail.outbox if "comments" in e.subject]
    assert "Our contractor says nobody was in on 3 May." in email.body
    assert f"{reply_by:%-d %B %Y}" in email.body


def test_withdrawal_by_staff_is_confirmed_and_online_withdrawal_is_not_repeated():
    by_staff = CaseFactory()
    online = CaseFactory()
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.case_withdraw(case=by_staff, actor=UserFactory(), reason="Sorted by phone")
        services.case_withdraw(case=online, actor_label="Resident")
    assert purposes(by_staff) == ["resident_withdrawn"]
    assert purposes(online) == []


def test_a_preference_for_post_or_a_contact_restriction_means_staff_are_told_instead():
    by_post = CaseFactory(resident=PersonFactory(preferred_contact_method=ContactMethod.LETTER))
    restricted = CaseFactory()
    handler = UserFactory()
    services.contact_restriction_record(
        person=restricted.resident,
        actor=handler,
        restriction="Contact by letter to the housing manager only.",
        reason="Repeated abusive emails to several officers.",
        equality_act_considerations="No disability disclosed; letters are accessible to them.",
        starts_on=timezone.localdate() - dt.timedelta(days=1),
        review_on=timezone.localdate() + dt.timedelta(days=90),
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        acknowledge(by_post, handler)
        acknowledge(restricted, handler)
    assert mail.outbox == []
    post_note = by_post.timeline.get(event="tell_by_other_means")
    assert "they asked to be contacted by letter" in post_note.summary
    assert post_note.visibility == "internal"
    restricted_note = restricted.timeline.get(event="tell_by_other_means")
    assert "contact restriction is in force" in restricted_note.summary


def test_an_ended_restriction_no_longer_stops_the_email():
    case = CaseFactory()
    handler = UserFactory()
    services.contact_restriction_record(
        person=case.resident,
        actor=handler,
        restriction="Phone calls to one officer only.",
        reason="Calls to many officers each day.",
        equality_act_considerations="Considered; none disclosed.",
        starts_on=timezone.localdate() - dt.timedelta(days=200),
        review_on=timezone.localdate() - dt.timedelta(days=20),
    )
    case.resident.restrictions.update(ended_on=timezone.localdate() - dt.timedelta(days=10))
    with TestCase.captureOnCommitCallbacks(execute=True):
        acknowledge(case, handler)
    assert len(mail.outbox) == 1


def test_the_email_is_in_the_outbox_in_the_same_transaction_and_rolls_back_with_it():
    case = CaseFactory()
    handler = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        acknowledge(case, handler)
        assert purposes(case) == ["resident_stage1_acknowledged"]
        raise RuntimeError("the change fails after the email was queued")
    assert purposes(case) == []
