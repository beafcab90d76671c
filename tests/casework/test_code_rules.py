"""The Code's rules hold through the services whatever is typed: each refusal cites its
provision. The same rules through the admin screens are in test_admin_code_rules.py."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from casework import services
from casework.choices import Decision
from casework.figures.record import ExtensionFacts
from casework.figures.timeliness import LATE, agreed_extensions, response_timeliness
from casework.services import TransitionRefused
from tests.factories import CaseFactory, UserFactory, aware

pytestmark = pytest.mark.django_db


def refused(callable_, **kwargs) -> list[str]:
    with pytest.raises(TransitionRefused) as raised:
        callable_(**kwargs)
    return raised.value.problems


def extend(case, days, **kwargs):
    return services.stage_extend(
        **{
            "case": case,
            "actor": case.current_stage.handler,
            "working_days": days,
            "reason": "We are waiting for a damp survey.",
            "resident_told_on": timezone.localdate(),
            "ombudsman_details_given": True,
            **kwargs,
        }
    )


class TestExtensionsCappedPerStage:
    """Code 6.4, 6.15: the limit is on the stage's extensions in total."""

    def test_a_second_extension_past_the_total_needs_a_good_reason(self):
        case = CaseFactory(acknowledged=True)
        first = extend(case, 8)
        assert first.exceeds_limit is False
        problems = refused(extend, case=case, days=8)
        assert problems == [
            "This stage has already been extended by 8 working days. With this extension that "
            "is 16 in all, and a stage 1 response can be extended by up to 10 working days in "
            "total. To go beyond that, record the good reason for doing so (Complaint Handling "
            "Code 6.4)."
        ]
        second = extend(case, 8, good_reason="The whole estate flooded.")
        assert second.exceeds_limit is True

    def test_stage2_total_cites_6_15(self):
        case = CaseFactory(stage2_acknowledged=True)
        stage2 = case.stage(2)
        kwargs = {
            "case": case,
            "actor": stage2.handler,
            "reason": "Waiting for the contractor's records.",
            "resident_told_on": timezone.localdate(),
            "ombudsman_details_given": True,
        }
        services.stage_extend(**kwargs, working_days=15)
        problems = refused(services.stage_extend, **kwargs, working_days=6)
        assert "Complaint Handling Code 6.15" in problems[0]
        assert "20 working days in total" in problems[0]


class TestExtensionOnlyBeforeItsDate:
    """Code 6.4: an extension is agreed before the date it moves, judged when it is recorded."""

    def test_refused_once_the_date_has_passed_whatever_date_is_typed(self):
        case = CaseFactory(acknowledged=True)
        due = case.stage(1).response_due_on
        with time_machine.travel(aware(due.year, due.month, due.day) + dt.timedelta(days=49)):
            problems = refused(extend, case=case, days=5, resident_told_on=due - dt.timedelta(1))
        assert problems == [
            f"The response date, {due:%-d %B %Y}, has passed, so this stage is already late and "
            "can no longer be extended: an extension is agreed before the date it moves (Code "
            "6.4). Answer as soon as you can, and record why the answer is late."
        ]
        case.refresh_from_db()
        assert case.stage(1).response_due_on == due
        assert not case.stage(1).extensions.exists()

    def test_on_the_date_itself_it_can_still_be_extended(self):
        case = CaseFactory(acknowledged=True)
        due = case.stage(1).response_due_on
        with time_machine.travel(aware(due.year, due.month, due.day)):
            extension = extend(case, 5)
        assert extension.previous_due_on == due

    def test_a_late_answer_records_why(self):
        case = CaseFactory(acknowledged=True)
        stage = case.stage(1)
        due = stage.response_due_on
        answer = {
            "case": case,
            "actor": stage.handler,
            "decision": Decision.NOT_UPHELD,
            "reasons": "The repair was done.",
            "no_remedy_reason": "Nothing to put right.",
            "actions_confirmed": True,
        }
        with time_machine.travel(aware(due.year, due.month, due.day) + dt.timedelta(days=3)):
            assert refused(services.stage_respond, **answer) == [
                f"This answer is late: it was due by {due:%-d %B %Y} (Code 6.3). Record why it "
                "is late."
            ]
            services.stage_respond(**answer, late_reason="The surveyor was off sick.")
        stage.refresh_from_db()
        assert stage.late_reason == "The surveyor was off sick."

    def test_an_answer_in_time_keeps_no_late_reason(self):
        case = CaseFactory(acknowledged=True)
        stage = services.stage_respond(
            case=case,
            actor=None,
            decision=Decision.NOT_UPHELD,
            reasons="The repair was done.",
            no_remedy_reason="Nothing to put right.",
            actions_confirmed=True,
            late_reason="Typed by mistake.",
        )
        assert stage.late_reason == ""

    def test_the_figures_judge_an_extension_on_when_it_was_recorded(self):
        first_due = dt.date(2026, 3, 2)
        backdated = ExtensionFacts(
            working_days=5,
            previous_due_on=first_due,
            new_due_on=dt.date(2026, 5, 1),
            resident_told_on=dt.date(2026, 3, 1),  # typed as before the date
            agreed_on=dt.date(2026, 4, 20),  # recorded seven weeks after it
        )
        due, total, _longer, after = agreed_extensions(first_due, [backdated])
        assert (due, total, after) == (first_due, 0, True)
        timeliness = response_timeliness(
            answered=dt.date(2026, 4, 28),
            first_due=first_due,
            extensions=[backdated],
            extension_limit=10,
        )
        assert timeliness == LATE


class TestResidentToldOn:
    """Code 5.12: dates in the record must be true."""

    def test_not_in_the_future(self):
        case = CaseFactory(acknowledged=True)
        tomorrow = timezone.localdate() + dt.timedelta(days=1)
        assert refused(extend, case=case, days=5, resident_told_on=tomorrow) == [
            "The date the resident was told cannot be in the future (Code 6.4)."
        ]

    def test_not_before_the_complaint(self):
        case = CaseFactory(acknowledged=True, received_at=timezone.now() - dt.timedelta(days=2))
        received = timezone.localdate(case.received_at)
        problems = refused(
            extend, case=case, days=5, resident_told_on=received - dt.timedelta(days=30)
        )
        assert problems == [
            "The date the resident was told cannot be before the complaint was made, on "
            f"{received:%-d %B %Y} (Code 6.4)."
        ]


class TestStage2Independence:
    """Code 6.13: everyone who acted on stage 1, named or not, is kept off stage 2."""

    def stage1_by_officer(self):
        officer, named = UserFactory(), UserFactory()
        case = CaseFactory()
        services.complaint_acknowledge(
            case=case,
            actor=officer,
            definition="The ceiling leaks.",
            outcomes_sought="Fix it.",
            handler=named,
            conflict_of_interest="None",
        )
        services.stage_extend(
            case=case,
            actor=officer,
            working_days=5,
            reason="Waiting for the roofer.",
            resident_told_on=timezone.localdate(),
            ombudsman_details_given=True,
        )
        services.stage_respond(
            case=case,
            actor=officer,
            decision=Decision.NOT_UPHELD,
            reasons="The roof is sound.",
            no_remedy_reason="Nothing to put right.",
            actions_confirmed=True,
        )
        services.escalation_request(case=case, actor_label="Resident")
        return case, officer, named

    def acknowledge2(self, case, handler, actor=None):
        return services.complaint_acknowledge(
            case=case,
            actor=actor or handler,
            definition="The resident says it still leaks.",
            outcomes_sought="A new inspection.",
            handler=handler,
            conflict_of_interest="None",
        )

    def test_the_officer_who_did_stage_1_cannot_handle_stage_2(self):
        case, officer, _named = self.stage1_by_officer()
        problems = refused(self.acknowledge2, case=case, handler=officer)
        assert problems == [
            "This person acted on stage 1 of this complaint (they acknowledged, extended, "
            "answered or wrote about it), so they cannot handle stage 2: it must be reviewed by "
            "someone who did not deal with stage 1 (Code 6.13). Choose someone else."
        ]

    def test_nor_decide_or_extend_it(self):
        case, officer, named = self.stage1_by_officer()
        reviewer = UserFactory()
        self.acknowledge2(case, reviewer)
        message = (
            "You acted on stage 1 of this complaint, so you cannot extend or decide stage 2: it "
            "is reviewed by someone who did not deal with stage 1 (Code 6.13). Ask the stage 2 "
            "handler or another complaints officer."
        )
        for actor in (officer, named):
            problems = refused(
                services.stage_respond,
                case=case,
                actor=actor,
                decision=Decision.NOT_UPHELD,
                reasons="Still sound.",
                no_remedy_reason="Nothing to put right.",
                actions_confirmed=True,
            )
            assert problems == [message]
            assert refused(extend, case=case, days=5, actor=actor) == [message]
        stage = services.stage_respond(
            case=case,
            actor=reviewer,
            decision=Decision.NOT_UPHELD,
            reasons="Still sound.",
            no_remedy_reason="Nothing to put right.",
            actions_confirmed=True,
        )
        assert stage.number == 2

    def test_everyone_is_found_from_the_record_named_or_not(self):
        from casework.selectors import stage1_participant_ids

        case, officer, named = self.stage1_by_officer()
        assert {officer.pk, named.pk} <= stage1_participant_ids(case)


class TestImpossibleDates:
    """Code 7.3, 6.6, 5.12: dates on remedies and actions must be possible."""

    def test_a_remedy_due_before_the_complaint_is_refused_by_field(self):
        case = CaseFactory(acknowledged=True, received_at=aware(2026, 3, 2))
        with pytest.raises(TransitionRefused) as raised:
            services.remedy_add(
                case=case,
                actor=None,
                kind="apology",
                description="We apologise.",
                due_on=dt.date(2020, 1, 1),
            )
        assert raised.value.fields == {
            "due_on": [
                "A remedy cannot be due before the complaint was made, on 2 March 2026 (Code 7.3)."
            ]
        }
        assert not case.remedies.exists()

    def test_a_remedy_or_action_cannot_be_done_in_the_future(self):
        case = CaseFactory(acknowledged=True)
        today = timezone.localdate()
        remedy = services.remedy_add(
            case=case, actor=None, kind="apology", description="Sorry.", due_on=today
        )
        action = services.action_add(
            case=case, actor=None, description="Fix it.", owner=UserFactory(), due_on=today
        )
        future = today + dt.timedelta(days=3)
        message = (
            "The date it was done cannot be in the future. Record it once it is done (Code 5.12)."
        )
        with pytest.raises(TransitionRefused) as raised:
            services.remedy_complete(remedy=remedy, actor=None, completed_on=future)
        assert raised.value.fields == {"completed_on": [message]}
        with pytest.raises(TransitionRefused) as raised:
            services.action_complete(action=action, actor=None, completed_on=future)
        assert raised.value.fields == {"completed_on": [message]}
        assert services.remedy_complete(remedy=remedy, actor=None).completed_on == today

    def test_an_action_due_before_the_complaint_is_refused(self):
        case = CaseFactory(acknowledged=True, received_at=aware(2026, 3, 2))
        problems = refused(
            services.action_add,
            case=case,
            actor=None,
            description="Fix it.",
            owner=UserFactory(),
            due_on=dt.date(2026, 3, 1),
        )
        assert problems == [
            "An action cannot be due before the complaint was made, on 2 March 2026 (Code 6.6)."
        ]


class TestOnePublicAddress:
    """Links in letters and emails start with the landlord's public address, one setting."""

    def test_emails_and_the_policy_link_use_the_setting(self, demo_site):
        from django.core import mail
        from django.test import TestCase

        from casework.letters.branding import letter_branding
        from casework.process import process_settings, public_url

        settings = process_settings()
        settings.public_address = "https://complaints.example.org/"
        settings.save()
        assert demo_site.hostname == "localhost"  # what a fresh install leaves
        assert public_url("/follow/") == "https://complaints.example.org/follow/"
        policy = letter_branding(language="en-gb").policy_url
        assert policy.startswith("https://complaints.example.org/")
        assert "localhost" not in policy

        case = CaseFactory()
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.complaint_acknowledge(
                case=case,
                actor=None,
                definition="The ceiling leaks.",
                outcomes_sought="Fix it.",
                handler=UserFactory(),
                conflict_of_interest="None",
            )
        [email] = mail.outbox
        assert f"https://complaints.example.org/follow/cases/{case.reference}/" in email.body


class TestAnsweredWithNoLetter:
    """Code 6.9, 6.19, 2.4: a clock stops when the resident is told; an answer or refusal with
    no letter on file is flagged."""

    def test_an_answer_with_no_response_letter_is_listed(self):
        from casework.selectors import unsent_letters

        case = CaseFactory(stage2_responded=True)
        missing = unsent_letters(case)
        assert [(m.stage, m.letter_type) for m in missing] == [
            (1, "stage1_response"),
            (2, "stage2_response"),
        ]
        day = f"{timezone.localtime(case.stage(1).responded_at):%-d %B %Y}"
        assert missing[0].message == (
            f"Stage 1 was answered on {day}, but no response letter is on file (Code 6.9)."
        )

    def test_a_case_with_nothing_answered_has_none(self):
        from casework.selectors import unsent_letters

        assert unsent_letters(CaseFactory(acknowledged=True)) == []


class TestAdjustmentReview:
    """Code 5.10: an adjustment is reviewed: still needed with its next review, or ended."""

    def adjustment(self):
        from tests.factories import PersonFactory

        return services.adjustment_record(
            person=PersonFactory(),
            actor=None,
            kind="large_print",
            detail="",
            agreed_on=timezone.localdate() - dt.timedelta(days=200),
            next_review_on=timezone.localdate() - dt.timedelta(days=10),
        )

    def test_still_needed_moves_the_next_review_on(self):
        adjustment = self.adjustment()
        next_review = timezone.localdate() + dt.timedelta(days=180)
        assert refused(
            services.adjustment_review, adjustment=adjustment, actor=None, still_needed=True
        ) == [
            "Give the date of the next review, after today, as the adjustment is still needed "
            "(Code 5.10)."
        ]
        services.adjustment_review(
            adjustment=adjustment, actor=None, still_needed=True, next_review_on=next_review
        )
        adjustment.refresh_from_db()
        assert (adjustment.status, adjustment.next_review_on) == ("active", next_review)
        assert adjustment.last_reviewed_on == timezone.localdate()

    def test_no_longer_needed_ends_it(self):
        adjustment = services.adjustment_review(
            adjustment=self.adjustment(), actor=None, still_needed=False
        )
        assert adjustment.status == "ended"
        assert adjustment.last_reviewed_on == timezone.localdate()


def test_a_stage_answered_after_its_date_is_answered_late():
    from casework.selectors import answered_late_case_ids, stage_answered_late

    on_time = CaseFactory(responded=True)
    late = CaseFactory(acknowledged=True)
    due = late.stage(1).response_due_on
    with time_machine.travel(aware(due.year, due.month, due.day) + dt.timedelta(days=2)):
        services.stage_respond(
            case=late,
            actor=None,
            decision=Decision.NOT_UPHELD,
            reasons="Done.",
            no_remedy_reason="Nothing to put right.",
            actions_confirmed=True,
            late_reason="The file was mislaid.",
        )
    assert stage_answered_late(late.stage(1)) and not stage_answered_late(on_time.stage(1))
    assert set(answered_late_case_ids().values_list("case_id", flat=True)) == {late.pk}
