"""Staff emails (issue 5, Notifications): the daily digest, new cases and assignments."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from casework import services
from casework.choices import AdjustmentKind
from casework.models import OutboundEmail
from casework.notifications import digests, digests_send, new_case_notify
from casework.process import process_settings, working_calendar
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar():
    return working_calendar(process_settings())


def lines(digest, which) -> list[tuple[str, str]]:
    return [(line.case.reference, line.clock.label) for line in getattr(digest, which)]


class TestDigest:
    def test_due_soon_then_overdue_then_done(self, calendar):
        case = CaseFactory(acknowledged=True)
        stage = case.stage(1)
        due = stage.response_due_on
        # Three working days ahead: not yet in the digest.
        early = due - dt.timedelta(days=14)
        assert digests(today=early, calendar=calendar) == []
        [digest] = digests(today=due, calendar=calendar)
        assert digest.user == stage.handler
        assert lines(digest, "due_soon") == [(case.reference, "Stage 1 response")]
        assert digest.overdue == []
        late = calendar.add_working_days(due, 1)
        [digest] = digests(today=late, calendar=calendar)
        assert lines(digest, "overdue") == [(case.reference, "Stage 1 response")]
        assert digest.overdue[0].days_late == 1
        responded = CaseFactory(responded=True)
        assert all(
            line.case != responded
            for d in digests(today=late, calendar=calendar)
            for line in d.overdue + d.due_soon
        )

    def test_an_action_goes_to_its_owner_and_a_review_to_the_handler(self, calendar):
        # Received a month ago, so that an action due on the digest's day is possible.
        case = CaseFactory(acknowledged=True, received_at=timezone.now() - dt.timedelta(days=30))
        handler = case.stage(1).handler
        owner = UserFactory(email="repairs@example-homes.test")
        today = calendar.next_working_day(case.stage(1).response_due_on - dt.timedelta(days=20))
        services.action_add(
            case=case, actor=handler, description="Replace the ceiling", owner=owner, due_on=today
        )
        services.adjustment_record(
            person=case.resident,
            actor=handler,
            kind=AdjustmentKind.LARGE_PRINT,
            detail="",
            agreed_on=today - dt.timedelta(days=400),
            next_review_on=today - dt.timedelta(days=1),
        )
        by_user = {d.user: d for d in digests(today=today, calendar=calendar)}
        assert lines(by_user[owner], "due_soon") == [
            (case.reference, "Action: Replace the ceiling")
        ]
        assert by_user[owner].adjustment_reviews == []
        assert [a.kind for a in by_user[handler].adjustment_reviews] == [AdjustmentKind.LARGE_PRINT]

    def test_an_agreed_update_falling_due_is_in_the_handlers_digest(self, calendar):
        # Code 5.9: the update agreed with the resident is kept to.
        case = CaseFactory(acknowledged=True)
        stage = services.stage_agree_updates(
            case=case, actor=case.stage(1).handler, interval_days=3
        )
        due = stage.next_update_due_on
        [digest] = digests(today=calendar.add_working_days(due, -1), calendar=calendar)
        assert (case.reference, "Next agreed update") in lines(digest, "due_soon")
        [digest] = digests(today=calendar.add_working_days(due, 1), calendar=calendar)
        assert (case.reference, "Next agreed update") in lines(digest, "overdue")

    def test_ombudsman_evidence_goes_to_the_complaints_team_even_on_a_closed_case(self, calendar):
        officer = UserFactory(email="officer@example-homes.test")
        officer.groups.add(Group.objects.get(name="Complaints officer"))
        case = CaseFactory(responded=True)
        handler = case.stage(1).handler
        services.case_close(case=case, actor=handler)
        referral = services.ombudsman_referral_record(
            case=case, actor=officer, referred_on=dt.date(2026, 11, 2)
        )
        request = services.evidence_request_record(
            referral=referral, actor=officer, requested_on=dt.date(2026, 11, 2)
        )
        # 15 working days (Ombudsman evidence): three days before, nobody hears of it.
        assert digests(today=calendar.add_working_days(request.due_on, -3), calendar=calendar) == []
        near = calendar.add_working_days(request.due_on, -2)
        by_user = {d.user: d for d in digests(today=near, calendar=calendar)}
        assert set(by_user) == {officer}
        assert [(line.case, line.clock.due_on) for line in by_user[officer].ombudsman_evidence] == [
            (case, request.due_on)
        ]
        with TestCase.captureOnCommitCallbacks(execute=True):
            digests_send(today=near, calendar=calendar)
        [email] = [e for e in mail.outbox if e.to == ["officer@example-homes.test"]]
        assert "EVIDENCE THE OMBUDSMAN ASKED FOR" in email.body
        assert f"{case.reference}: due {request.due_on:%-d %B %Y}" in email.body
        services.evidence_sent(request=request, actor=officer, sent_on=near)
        assert digests(today=near, calendar=calendar) == []

    def test_a_fixed_number_of_queries(self, calendar):
        CaseFactory(acknowledged=True)
        today = CaseFactory(acknowledged=True).stage(1).response_due_on
        with CaptureQueriesContext(connection) as few:
            digests(today=today, calendar=calendar)
        for _ in range(5):
            CaseFactory(acknowledged=True)
        with CaptureQueriesContext(connection) as more:
            digests(today=today, calendar=calendar)
        assert len(more) == len(few)


class TestSending:
    def test_each_handler_gets_one_digest_a_day(self, calendar):
        case = CaseFactory(acknowledged=True)
        handler = case.stage(1).handler
        handler.email = "handler@example-homes.test"
        handler.save()
        today = case.stage(1).response_due_on
        with TestCase.captureOnCommitCallbacks(execute=True):
            assert digests_send(today=today, calendar=calendar)["queued"] == 1
            assert digests_send(today=today, calendar=calendar) == {
                "queued": 0,
                "already_sent": 1,
                "no_address": 0,
            }
        [email] = mail.outbox
        assert email.to == ["handler@example-homes.test"]
        assert f"{case.reference}: Stage 1 response" in email.body
        assert "DUE IN THE NEXT 2 WORKING DAYS" in email.body
        assert OutboundEmail.objects.filter(purpose="staff_digest").count() == 1

    def test_the_command_skips_days_off_and_rejects_bad_dates(self, calendar):
        CaseFactory(acknowledged=True)
        out = StringIO()
        call_command("send_daily_digest", "--date", "2026-12-25", stdout=out)
        assert "not a working day" in out.getvalue()
        assert not OutboundEmail.objects.filter(purpose="staff_digest").exists()
        with pytest.raises(CommandError, match="--date must look like"):
            call_command("send_daily_digest", "--date", "25/12/2026")


class TestTeamAndAssignment:
    def test_a_new_case_goes_to_the_complaints_team(self):
        officer = UserFactory(email="officer@example-homes.test")
        officer.groups.add(Group.objects.get(name="Complaints officer"))
        UserFactory(email="not-on-the-team@example-homes.test")
        case = CaseFactory()
        with TestCase.captureOnCommitCallbacks(execute=True):
            new_case_notify(case)
            new_case_notify(case)  # once only
        [email] = mail.outbox
        assert email.to == ["officer@example-homes.test"]
        assert email.subject == f"New complaint: {case.reference}"
        assert f"/admin/cases/{case.pk}/" in email.body

    def test_assignment_tells_the_new_handler_but_not_someone_taking_it_themselves(self):
        case = CaseFactory()
        manager = UserFactory()
        handler = UserFactory(email="handler@example-homes.test")
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.stage_assign(
                case=case, actor=manager, handler=handler, conflict_of_interest="None"
            )
        [email] = mail.outbox
        assert email.to == ["handler@example-homes.test"]
        assert email.subject == f"Assigned to you: {case.reference}, stage 1"
        mail.outbox.clear()
        self_assigner = UserFactory(email="self@example-homes.test")
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.stage_assign(
                case=case, actor=self_assigner, handler=self_assigner, conflict_of_interest="None"
            )
        assert mail.outbox == []
