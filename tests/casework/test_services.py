"""The casework services: each change writes its timeline entry, every rule refuses with its
message, and clocks follow the working-day calendar."""

import datetime as dt
from decimal import Decimal

import pytest

from casework import services
from casework.choices import (
    ActionStatus,
    CaseKind,
    CaseStatus,
    Channel,
    ConsentBasis,
    Decision,
    RemedyKind,
    Visibility,
)
from casework.models import AppendOnlyError, ComplaintProcessSettings, Stage, TimelineEntry
from casework.process import process_settings
from casework.services import PersonDetails, TransitionRefused
from tests.factories import CaseFactory, PersonFactory, UserFactory, aware

pytestmark = pytest.mark.django_db


def refused(callable_, **kwargs) -> list[str]:
    with pytest.raises(TransitionRefused) as raised:
        callable_(**kwargs)
    return raised.value.problems


def events(case) -> list[str]:
    return list(case.timeline.values_list("event", flat=True))


class TestLogging:
    def test_a_phone_complaint_gets_a_reference_a_stage_and_a_clock(self):
        case = services.case_log(
            kind=CaseKind.COMPLAINT,
            channel=Channel.PHONE,
            description="My heating has been broken for two weeks.",
            resident=PersonDetails(full_name="Amina Khan", phone="07700 900456"),
            # Saturday 19 December 2026: 5 working days skip the weekend, Christmas Day and
            # the substitute Boxing Day (Mon 28 Dec).
            received_at=aware(2026, 12, 19),
        )
        assert case.reference == "CMP-2026-00001"
        assert case.status == CaseStatus.LOGGED
        stage = case.stages.get()
        assert stage.number == 1
        assert stage.acknowledgement_due_on == dt.date(2026, 12, 29)
        entry = case.timeline.get()
        assert (entry.event, entry.visibility) == ("logged", Visibility.RESIDENT)
        assert entry.summary == "Complaint received by phone."

    def test_references_count_per_kind_and_year(self):
        resident = PersonFactory()

        def make(kind, when):
            return services.case_log(
                kind=kind,
                channel=Channel.EMAIL,
                description="x",
                resident=resident,
                received_at=when,
            ).reference

        assert make(CaseKind.COMPLAINT, aware(2026, 3, 1)) == "CMP-2026-00001"
        assert make(CaseKind.COMPLAINT, aware(2026, 3, 2)) == "CMP-2026-00002"
        assert make(CaseKind.SERVICE_REQUEST, aware(2026, 3, 2)) == "SR-2026-00001"
        assert make(CaseKind.COMPLIMENT, aware(2026, 3, 2)) == "CPL-2026-00001"
        assert make(CaseKind.COMMENT, aware(2026, 3, 2)) == "COM-2026-00001"
        assert make(CaseKind.COMPLAINT, aware(2027, 1, 4)) == "CMP-2027-00001"

    def test_service_requests_have_no_stages(self):
        case = CaseFactory(kind=CaseKind.SERVICE_REQUEST)
        assert case.status == CaseStatus.OPEN
        assert not case.stages.exists()

    def test_refuses_without_words_name_or_a_way_to_reply(self):
        problems = refused(
            services.case_log,
            kind="gripe",
            channel="pigeon",
            description=" ",
            resident=PersonDetails(full_name=" "),
        )
        assert problems == [
            "Choose what kind of case this is.",
            "Choose how the case reached us.",
            "Record what happened, in the person's own words.",
            "Enter the resident's name.",
            "Record at least one way to reply: email, phone or postal address.",
        ]

    def test_a_representative_can_be_the_only_way_to_reply(self):
        case = services.case_log(
            kind=CaseKind.COMPLAINT,
            channel=Channel.COUNCILLOR_OR_MP,
            description="Damp in the bedroom.",
            resident=PersonDetails(full_name="Joan Smith"),
            representative=PersonDetails(full_name="Cllr Ray Patel", email="ray@council.example"),
            representative_type="councillor",
        )
        assert case.consent_basis == ConsentBasis.DEEMED

    def test_consent_is_deemed_only_for_the_types_in_the_settings(self):
        settings = process_settings()
        settings.deemed_consent_representative_types = ["mp"]
        settings.save()
        base = {
            "kind": CaseKind.COMPLAINT,
            "channel": Channel.EMAIL,
            "description": "Mould",
            "resident": PersonDetails(full_name="Joan Smith"),
            "representative": PersonDetails(full_name="Rep", email="rep@example.net"),
        }
        councillor = services.case_log(**base, representative_type="councillor")
        assert councillor.consent_basis == ConsentBasis.AWAITING
        advocate = services.case_log(
            **{**base, "resident": PersonDetails(full_name="Joan Smith")},
            representative_type="advocate",
            consent_recorded=True,
        )
        assert advocate.consent_basis == ConsentBasis.RECORDED
        representative_without_type = refused(services.case_log, **base, representative_type="")
        assert representative_without_type == [
            "Say who the representative is, for example a family member or MP."
        ]


class TestStageOne:
    def test_acknowledge_starts_the_response_clock(self):
        handler = UserFactory()
        case = CaseFactory(received_at=aware(2026, 12, 14))
        stage = services.complaint_acknowledge(
            case=case,
            actor=handler,
            definition="The heating has not worked for two weeks.",
            outcomes_sought="Repair the boiler; compensation for the cold.",
            handler=handler,
            conflict_of_interest="None",
            acknowledged_at=aware(2026, 12, 16),
        )
        # 10 working days after Wed 16 Dec 2026: 17, 18, 21, 22, 23, 24, 29, 30, 31 Dec and
        # 4 Jan, skipping Christmas Day, the substitute Boxing Day (28 Dec) and New Year's Day.
        assert stage.response_due_on == dt.date(2027, 1, 4)
        assert stage.original_response_due_on == dt.date(2027, 1, 4)
        case.refresh_from_db()
        assert case.status == CaseStatus.STAGE1
        assert events(case) == ["logged", "stage1_acknowledged"]

    def test_acknowledge_refuses_without_definition(self):
        handler = UserFactory()
        case = CaseFactory()
        problems = refused(
            services.complaint_acknowledge,
            case=case,
            actor=handler,
            definition="",
            outcomes_sought="",
            handler=handler,
            conflict_of_interest="None",
        )
        assert len(problems) == 2
        case.refresh_from_db()
        assert case.status == CaseStatus.LOGGED
        assert events(case) == ["logged"]

    def test_acknowledge_refuses_staff_named_in_the_complaint(self):
        named = UserFactory()
        case = CaseFactory(staff_complained_about=[named])
        problems = refused(
            services.complaint_acknowledge,
            case=case,
            actor=named,
            definition="Rude on the phone",
            outcomes_sought="Apology",
            handler=named,
            conflict_of_interest="None",
        )
        assert problems == [
            "This person is named in the complaint, so they cannot handle it at either stage. "
            "Choose someone else."
        ]

    def test_refuse_needs_policy_reason_and_explanation_and_is_recorded(self, demo_site):
        case = CaseFactory()
        officer = UserFactory()
        reason = ComplaintProcessSettings.for_site(demo_site).exclusion_reasons.first()
        assert (
            len(
                refused(
                    services.complaint_refuse,
                    case=case,
                    actor=officer,
                    exclusion_reason=None,
                    explanation="",
                )
            )
            == 2
        )
        services.complaint_refuse(
            case=case,
            actor=officer,
            exclusion_reason=reason,
            explanation="The boiler failed in 2023 and was first raised now, with no reason.",
        )
        case.refresh_from_db()
        assert case.status == CaseStatus.NOT_ACCEPTED
        assert case.stages.get().refusal_reason == reason
        entry = case.timeline.last()
        assert entry.event == "not_accepted"
        assert entry.visibility == Visibility.RESIDENT

    def test_extend_moves_the_date_and_records_the_notice(self):
        case = CaseFactory(acknowledged=True)
        stage = case.stages.get()
        before = stage.response_due_on
        extension = services.stage_extend(
            case=case,
            actor=stage.handler,
            working_days=10,
            reason="We need a damp survey.",
            resident_told_on=dt.date.today(),
            ombudsman_details_given=True,
        )
        stage.refresh_from_db()
        assert extension.previous_due_on == before
        assert stage.response_due_on == extension.new_due_on > before
        assert extension.exceeds_limit is False
        assert events(case)[-1] == "extended"

    def test_extend_beyond_limit_needs_and_records_good_reason(self):
        case = CaseFactory(acknowledged=True)
        handler = case.stages.get().handler
        kwargs = {
            "case": case,
            "actor": handler,
            "working_days": 15,
            "reason": "Survey",
            "resident_told_on": dt.date.today(),
            "ombudsman_details_given": True,
        }
        assert "Complaint Handling Code 6.4" in refused(services.stage_extend, **kwargs)[0]
        extension = services.stage_extend(**kwargs, good_reason="Major flood across the estate")
        assert extension.exceeds_limit is True

    def test_respond_needs_every_element(self):
        case = CaseFactory(acknowledged=True)
        problems = refused(
            services.stage_respond,
            case=case,
            actor=None,
            decision="",
            reasons="",
            actions_confirmed=False,
        )
        assert len(problems) == 4

    def test_respond_with_remedy_and_outstanding_action(self):
        case = CaseFactory(acknowledged=True)
        handler = case.stages.get().handler
        services.remedy_add(
            case=case,
            actor=handler,
            kind=RemedyKind.FINANCIAL,
            description="£150 for the time without heating.",
            due_on=dt.date.today(),
            amount=Decimal("150.00"),
            time_and_trouble=Decimal("50.00"),
            distress_and_inconvenience=Decimal("100.00"),
        )
        action = services.action_add(
            case=case,
            actor=handler,
            description="Replace the boiler",
            owner=handler,
            due_on=dt.date.today() + dt.timedelta(days=14),
        )
        services.stage_respond(
            case=case,
            actor=handler,
            decision=Decision.UPHELD,
            reasons="The boiler repair was missed twice.",
            actions_confirmed=True,
        )
        case.refresh_from_db()
        assert case.status == CaseStatus.STAGE1_RESPONDED
        # Code 6.6: the answer goes before the action is done; closing waits for it.
        assert refused(services.case_close, case=case, actor=handler) == [
            "1 remedy is still to be completed (Code 7.3).",
            "1 outstanding action is still open (Code 6.6).",
        ]
        services.action_complete(action=action, actor=handler)
        services.remedy_complete(remedy=case.remedies.get(), actor=handler)
        services.case_close(case=case, actor=handler)
        case.refresh_from_db()
        assert case.status == CaseStatus.CLOSED
        assert case.actions.get().status == ActionStatus.DONE

    def test_financial_remedy_parts_must_add_up(self):
        case = CaseFactory(acknowledged=True)
        problems = refused(
            services.remedy_add,
            case=case,
            actor=None,
            kind=RemedyKind.FINANCIAL,
            description="Compensation",
            due_on=dt.date.today(),
            amount=Decimal("100"),
            quantifiable_loss=Decimal("30"),
        )
        assert problems == ["The parts add up to £30, not £100. Make them match."]

    def test_remedy_needs_a_date(self):
        case = CaseFactory(acknowledged=True)
        assert refused(
            services.remedy_add,
            case=case,
            actor=None,
            kind=RemedyKind.APOLOGY,
            description="Written apology",
            due_on=None,
        ) == ["Say by when it will happen (Code 7.3)."]


class TestStageTwo:
    def test_escalation_needs_no_reason_and_starts_the_clock(self):
        case = CaseFactory(responded=True)
        stage2 = services.escalation_request(
            case=case, requested_at=aware(2026, 12, 23), actor_label="Resident"
        )
        # Wed 23 Dec 2026 + 5 working days: 24, 29, 30, 31 Dec, 4 Jan 2027.
        assert stage2.acknowledgement_due_on == dt.date(2027, 1, 4)
        assert stage2.escalation_detail == ""
        case.refresh_from_db()
        assert case.status == CaseStatus.STAGE2_REQUESTED

    def test_stage2_handler_must_differ_from_stage1(self):
        case = CaseFactory(escalated=True)
        stage1_handler = case.stages.get(number=1).handler
        problems = refused(
            services.complaint_acknowledge,
            case=case,
            actor=stage1_handler,
            definition="Still leaking",
            outcomes_sought="Repair",
            handler=stage1_handler,
            conflict_of_interest="None",
        )
        assert problems == [
            "The stage 2 handler must be someone other than the stage 1 handler (Code 6.13). "
            "Choose someone else."
        ]

    def test_stage2_acknowledge_and_respond_uses_twenty_days(self):
        case = CaseFactory(escalated=True)
        reviewer = UserFactory()
        stage = services.complaint_acknowledge(
            case=case,
            actor=reviewer,
            definition="Still leaking",
            outcomes_sought="Repair",
            handler=reviewer,
            conflict_of_interest="None",
            acknowledged_at=aware(2027, 3, 1),
        )
        # Mon 1 Mar 2027 + 20 working days, Good Friday 26 Mar and Easter Monday 29 Mar.
        assert stage.response_due_on == dt.date(2027, 3, 31)
        problems = refused(
            services.stage_respond,
            case=case,
            actor=reviewer,
            decision=Decision.PARTLY_UPHELD,
            reasons="Two visits were missed.",
            actions_confirmed=True,
        )
        assert problems == [
            "The complaint is upheld in whole or part, so record what will be done to put "
            "things right (Code 7.1)."
        ]
        services.remedy_add(
            case=case,
            actor=reviewer,
            kind=RemedyKind.APOLOGY,
            description="Apology letter",
            due_on=dt.date(2027, 3, 5),
        )
        services.stage_respond(
            case=case,
            actor=reviewer,
            decision=Decision.PARTLY_UPHELD,
            reasons="Two visits were missed.",
            actions_confirmed=True,
        )
        case.refresh_from_db()
        assert case.status == CaseStatus.STAGE2_RESPONDED
        assert "request_escalation" not in [t.name for t in case_transitions(case)]

    def test_refuse_escalation(self, demo_site):
        case = CaseFactory(escalated=True)
        reason = ComplaintProcessSettings.for_site(demo_site).exclusion_reasons.get(
            title="Court action has started"
        )
        services.escalation_refuse(
            case=case, actor=None, exclusion_reason=reason, explanation="Claim issued 3 March."
        )
        case.refresh_from_db()
        assert case.status == CaseStatus.ESCALATION_REFUSED

    def test_a_third_stage_cannot_exist(self):
        case = CaseFactory(escalated=True)
        from django.db import IntegrityError, transaction

        with pytest.raises(IntegrityError), transaction.atomic():
            Stage.objects.create(
                case=case,
                number=3,
                requested_at=aware(2026, 1, 1),
                acknowledgement_due_on=dt.date(2026, 1, 8),
            )

    def test_cannot_escalate_twice_or_respond_out_of_order(self):
        case = CaseFactory(escalated=True)
        assert refused(services.escalation_request, case=case) == [
            "“Escalate to stage 2” is not possible while the case is “Stage 2: requested”."
        ]


def case_transitions(case):
    from casework.workflow import allowed_transitions

    return allowed_transitions(case.kind, case.status)


class TestLinksAndUpdates:
    def test_related_issue_joins_stage1_until_the_response(self):
        case = CaseFactory(acknowledged=True)
        assert services.related_issue_add(case=case, description="Also the window") == case
        assert events(case)[-1] == "issue_added"

    def test_related_issue_after_the_response_is_a_new_linked_complaint(self):
        case = CaseFactory(responded=True)
        new_case = services.related_issue_add(case=case, description="Now the roof leaks")
        assert new_case != case
        assert new_case.linked_from == case
        assert new_case.resident == case.resident
        assert events(case)[-1] == "linked_case"

    def test_unhappy_with_a_service_request_raises_a_linked_complaint(self):
        request = CaseFactory(kind=CaseKind.SERVICE_REQUEST)
        complaint = services.service_request_raise_complaint(
            request=request, description="The repair has been cancelled three times."
        )
        request.refresh_from_db()
        assert request.status == CaseStatus.OPEN
        assert complaint.kind == CaseKind.COMPLAINT
        assert complaint.linked_from == request

    def test_agreed_updates_fall_due_on_the_clock(self):
        case = CaseFactory(acknowledged=True)
        stage = services.stage_agree_updates(case=case, actor=None, interval_days=5)
        first = stage.next_update_due_on
        assert first > dt.date.today()
        assert refused(services.stage_agree_updates, case=case, actor=None, interval_days=0)
        services.stage_update_sent(case=case, actor=None, summary="Surveyor booked.")
        assert events(case)[-2:] == ["updates_agreed", "update_sent"]

    def test_withdraw(self):
        case = CaseFactory(acknowledged=True)
        services.case_withdraw(case=case, actor_label="Resident", reason="Sorted now")
        case.refresh_from_db()
        assert case.status == CaseStatus.WITHDRAWN
        assert case.timeline.last().summary == "Withdrawn: Sorted now"


class TestFullRecord:
    def test_timeline_entries_cannot_be_changed_or_deleted(self):
        case = CaseFactory()
        entry = case.timeline.get()
        entry.summary = "Rewritten history"
        with pytest.raises(AppendOnlyError):
            entry.save()
        with pytest.raises(AppendOnlyError):
            entry.delete()
        with pytest.raises(AppendOnlyError):
            TimelineEntry.objects.filter(case=case).update(summary="x")
        with pytest.raises(AppendOnlyError):
            TimelineEntry.objects.filter(case=case).delete()

    def test_a_refused_change_leaves_no_trace(self):
        case = CaseFactory()
        count = TimelineEntry.objects.count()
        refused(
            services.stage_extend,
            case=case,
            actor=None,
            working_days=5,
            reason="x",
            resident_told_on=None,
            ombudsman_details_given=False,
        )
        assert TimelineEntry.objects.count() == count

    def test_correspondence_and_notes_land_on_the_timeline(self):
        case = CaseFactory()
        services.correspondence_record(
            case=case,
            actor=None,
            direction="in",
            channel=Channel.LETTER,
            correspondent="Amina Khan",
            body="Photos of the ceiling enclosed.",
        )
        services.note_add(case=case, actor=None, text="Called the contractor.")
        assert events(case)[-2:] == ["correspondence_in", "note"]
        assert case.timeline.last().visibility == Visibility.INTERNAL


class TestConsentAnswer:
    """The resident's own answer on whether a representative acts for them (issue 4)."""

    def test_each_reason_it_cannot_be_recorded(self):
        alone = CaseFactory()
        assert refused(services.consent_answer, case=alone, agrees=True) == [
            "No one is acting for the resident on this case."
        ]
        deemed = CaseFactory(representative=PersonFactory(), representative_type="councillor")
        assert deemed.consent_basis == ConsentBasis.DEEMED
        assert refused(services.consent_answer, case=deemed, agrees=True) == [
            "This representative does not need the resident's confirmation."
        ]

    def test_answered_once_and_on_the_record(self):
        case = CaseFactory(
            representative=PersonFactory(full_name="Sam Advocate"), representative_type="advocate"
        )
        assert case.consent_basis == ConsentBasis.AWAITING
        services.consent_answer(case=case, agrees=True, when=aware(2026, 11, 2, 10))
        case.refresh_from_db()
        assert case.consent_basis == ConsentBasis.RECORDED
        assert case.consent_evidence.endswith(
            "Confirmed by the resident through the emailed link on 2 November 2026."
        )
        assert events(case)[-1] == "consent_answered"
        assert refused(services.consent_answer, case=case, agrees=False) == [
            "The resident has already answered."
        ]
