"""The figures for a period (issue 6), over cases built by hand through the services around
Christmas 2025, with every expected value worked out by hand in the comments.

The landlord: 2,500 homes; England's bank holidays; the Code's own timescales; the office closed
between Christmas and New Year. So the working days are:

    Nov 2025  3-7, 10-14, 17-21, 24-28
    Dec 2025  1-5, 8-12, 15-19, 22, 23, 24   (25, 26 bank holidays; 29, 30, 31 closed)
    Jan 2026  2, 5-9, 12-16, 19-23, 26-30   (1 bank holiday)
    Feb 2026  2-6, 9-13

The period is Monday 1 December 2025 to Saturday 31 January 2026. "N working days after a
date" is the Nth working day strictly after it (Code 6.2).
"""

import datetime as dt
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from casework import services
from casework.choices import (
    CaseKind,
    Channel,
    Decision,
    DeterminationOutcome,
    LessonStatus,
    LessonTheme,
    RemedyKind,
)
from casework.deadlines import WorkingDayCalendar
from casework.figures import (
    AFTER_LONGER_EXTENSION,
    CATALOGUE,
    FIGURES,
    LATE,
    ON_TIME,
    WITHIN_EXTENSION,
    ExtensionFacts,
    figure_choices,
    figure_rows,
    figure_value,
    figures_for_period,
    figures_for_periods,
    months_between,
    response_timeliness,
    within_code_timescales,
)
from casework.models import (
    Case,
    ClosureDay,
    ComplaintCategory,
    ExclusionReason,
    Extension,
    Remedy,
    Stage,
    ensure_default_exclusion_reasons,
)
from casework.process import process_settings, working_calendar
from casework.selectors import learning_for_publication
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
START, END = dt.date(2025, 12, 1), dt.date(2026, 1, 31)
OLD_ISSUE = "The issue is older than our time limit"
COURT = "Court action has started"


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=LONDON)


def d(day: str) -> dt.date:
    return dt.date.fromisoformat(day)


class Story:
    """Builds cases through the services, each step at its own moment."""

    def __init__(self):
        self.first = UserFactory(username="first-handler")
        self.second = UserFactory(username="second-handler")
        self.officer = UserFactory(username="officer")
        self.categories = {
            name: ComplaintCategory.objects.create(name=name)
            for name in ["Repairs", "Damp and mould", "Rent and service charges", "Staff conduct"]
        }

    def log(self, when: str, category: str | None = None, **fields) -> Case:
        with time_machine.travel(at(when), tick=False):
            return CaseFactory(
                received_at=at(when),
                category=self.categories.get(category),
                handler=self.first,
                stage2_handler=self.second,
                **fields,
            )

    def acknowledge(self, case: Case, when: str, stage2: bool = False) -> None:
        handler = self.second if stage2 else self.first
        with time_machine.travel(at(when), tick=False):
            services.complaint_acknowledge(
                case=case,
                actor=handler,
                definition="The repair was missed.",
                outcomes_sought="Fix it.",
                handler=handler,
                conflict_of_interest="None",
                acknowledged_at=at(when),
            )

    def remedy(self, case, when: str, kind=RemedyKind.FINANCIAL, amount=None, due=None):
        with time_machine.travel(at(when), tick=False):
            return services.remedy_add(
                case=case,
                actor=self.first,
                kind=kind,
                description="Putting it right.",
                due_on=d(due),
                amount=Decimal(amount) if amount else None,
            )

    def action(self, case, when: str, due: str):
        with time_machine.travel(at(when), tick=False):
            return services.action_add(
                case=case, actor=self.first, description="To do.", owner=self.first, due_on=d(due)
            )

    def respond(self, case: Case, when: str, decision: str) -> None:
        with time_machine.travel(at(when), tick=False):
            services.stage_respond(
                case=case,
                actor=self.first,
                decision=decision,
                reasons="Because.",
                no_remedy_reason="Nothing went wrong." if decision == Decision.NOT_UPHELD else "",
                actions_confirmed=True,
                late_reason="The survey came back late.",
            )

    def extend(self, case: Case, told: str, days: int, good_reason: str = "") -> None:
        with time_machine.travel(at(told), tick=False):
            services.stage_extend(
                case=case,
                actor=self.first,
                working_days=days,
                reason="Waiting for a survey.",
                resident_told_on=d(told),
                ombudsman_details_given=True,
                good_reason=good_reason,
            )

    def escalate(self, case: Case, when: str) -> None:
        with time_machine.travel(at(when), tick=False):
            services.escalation_request(case=case, requested_at=at(when), actor_label="Resident")

    def refuse(self, case: Case, when: str, reason: str, escalation: bool = False) -> None:
        refuse = services.escalation_refuse if escalation else services.complaint_refuse
        with time_machine.travel(at(when), tick=False):
            refuse(
                case=case,
                actor=self.first,
                exclusion_reason=ExclusionReason.objects.get(title=reason),
                explanation="It applies here because of the dates.",
            )

    def lesson(self, when: str, theme: str, due: str, cases=(), **fields):
        with time_machine.travel(at(when), tick=False):
            return services.learning_record(
                actor=self.officer,
                theme=theme,
                what_went_wrong="We did not call back.",
                what_changed="Call-backs are now booked in the diary.",
                owner=self.officer,
                due_on=d(due),
                cases=cases,
                **fields,
            )

    def lesson_done(self, lesson, when: str, published: bool = False):
        with time_machine.travel(at(when), tick=False):
            return services.learning_update(
                lesson=lesson,
                actor=self.officer,
                status=LessonStatus.DONE,
                completed_on=d(when),
                public_summary="We now phone you back on the day we say we will.",
                published=published,
            )


def landlord():
    settings = process_settings()
    settings.number_of_homes = 2500
    settings.nation = "ENG"
    settings.save()
    ensure_default_exclusion_reasons(settings)
    for day in ("2025-12-29", "2025-12-30", "2025-12-31"):
        ClosureDay.objects.create(settings=settings, date=d(day), description="Office closed")
    return settings


@pytest.fixture
def story(db):
    landlord()
    s = Story()
    cases = {}

    # A: received Mon 22 Dec, just before Christmas. Acknowledge within 5 working days: 23, 24,
    # (25, 26 bank holidays, weekend, 29-31 closed, 1 Jan bank holiday) 2 Jan, 5, 6 -> due Tue
    # 6 Jan. Acknowledged Wed 7 Jan: late, 6 working days after receipt (23, 24, 2, 5, 6, 7).
    # Answer due 10 working days after 7 Jan: 8, 9, 12-16, 19, 20, 21 -> Wed 21 Jan. Answered
    # then: on time, 10 working days. Upheld with £150, paid on 28 Jan; two actions: one due
    # 27 Jan still open at the end (overdue), one due 20 Feb (open, not overdue).
    a = cases["A"] = s.log("2025-12-22", "Repairs", channel=Channel.ONLINE)
    s.acknowledge(a, "2026-01-07")
    paid = s.remedy(a, "2026-01-21", amount="150.00", due="2026-02-04")
    s.action(a, "2026-01-21", due="2026-01-27")
    s.action(a, "2026-01-21", due="2026-02-20")
    s.respond(a, "2026-01-21", Decision.UPHELD)
    with time_machine.travel(at("2026-01-28"), tick=False):
        services.remedy_complete(remedy=paid, actor=s.first, completed_on=d("2026-01-28"))

    # B: received Wed 24 Dec. Acknowledge by 2 Jan, 5, 6, 7, 8 -> Thu 8 Jan; acknowledged Fri
    # 2 Jan: on time, 1 working day. Answer due 10 working days after 2 Jan: 5-9, 12-16 -> Fri
    # 16 Jan. Extended on Wed 14 Jan (told that day, before the 16th) by 10 working days ->
    # 19-23, 26-30 -> Fri 30 Jan. Answered Thu 29 Jan: within the extension, 19 working days
    # (5-9, 12-16, 19-23, 26-29). Partly upheld: an apology, done that day, and £250 due
    # Fri 30 Jan, still unpaid at the end (overdue). The resident escalates on Fri 30 Jan.
    b = cases["B"] = s.log("2025-12-24", "Damp and mould", channel=Channel.EMAIL)
    s.acknowledge(b, "2026-01-02")
    s.extend(b, "2026-01-14", 10)
    apology = s.remedy(b, "2026-01-29", kind=RemedyKind.APOLOGY, due="2026-01-29")
    s.remedy(b, "2026-01-29", amount="250.00", due="2026-01-30")
    s.respond(b, "2026-01-29", Decision.PARTLY_UPHELD)
    with time_machine.travel(at("2026-01-29"), tick=False):
        services.remedy_complete(remedy=apology, actor=s.first, completed_on=d("2026-01-29"))
    s.escalate(b, "2026-01-30")

    # C: received Mon 1 Dec about a contractor. Acknowledged Tue 2 Dec (due 2-5, 8 -> Mon 8 Dec):
    # on time, 1 working day. Answer due 10 working days after 2 Dec: 3-5, 8-12, 15, 16 -> Tue
    # 16 Dec. Answered Thu 18 Dec: late, 12 working days. Not upheld.
    # Escalated Mon 22 Dec. Stage 2 acknowledgement due 23, 24, 2 Jan, 5, 6 -> Tue 6 Jan;
    # acknowledged Mon 5 Jan: on time, 4 working days (23, 24, 2, 5). Stage 2 answer due 20
    # working days after 5 Jan: 6-9, 12-16, 19-23, 26-30, 2 Feb -> Mon 2 Feb. Answered Fri
    # 30 Jan: on time, 19 working days. Upheld with £400, due 13 Feb (open, not overdue).
    c = cases["C"] = s.log(
        "2025-12-01", "Repairs", concerns_contractor=True, contractor_name="Acme Repairs"
    )
    s.acknowledge(c, "2025-12-02")
    s.respond(c, "2025-12-18", Decision.NOT_UPHELD)
    s.escalate(c, "2025-12-22")
    s.acknowledge(c, "2026-01-05", stage2=True)
    s.remedy(c, "2026-01-30", amount="400.00", due="2026-02-13")
    with time_machine.travel(at("2026-01-30"), tick=False):
        services.stage_respond(
            case=c,
            actor=s.second,
            decision=Decision.UPHELD,
            reasons="Because.",
            actions_confirmed=True,
        )

    # D: received Tue 2 Dec by letter, not accepted on Thu 4 Dec: the issue is too old.
    d_ = cases["D"] = s.log("2025-12-02", "Rent and service charges", channel=Channel.LETTER)
    s.refuse(d_, "2025-12-04", OLD_ISSUE)

    # E: received Mon 8 Dec, withdrawn Wed 10 Dec before it was acknowledged.
    e = cases["E"] = s.log("2025-12-08", "Repairs")
    with time_machine.travel(at("2025-12-10"), tick=False):
        services.case_withdraw(case=e, reason="Sorted out.", actor_label="Resident")

    # F: received Mon 15 Dec, acknowledged Tue 16 Dec (due 16-19, 22 -> Mon 22 Dec): on time,
    # 1 working day. Answer due 10 working days after 16 Dec: 17, 18, 19, 22, 23, 24, 2 Jan,
    # 5, 6, 7 -> Wed 7 Jan. Extended only on Tue 13 Jan, after that date had passed, by 5
    # working days -> 8, 9, 12, 13, 14 -> Wed 14 Jan. Answered Wed 14 Jan: late (an extension
    # agreed after the date does not make the answer timely), 15 working days (17-19, 22-24,
    # 2, 5-9, 12-14). Not upheld. Its action, due 20 Jan, was done on 19 Jan.
    f = cases["F"] = s.log("2025-12-15", "Damp and mould", channel=Channel.ONLINE)
    s.acknowledge(f, "2025-12-16")
    # The services refuse such an extension now (Code 6.4); the record may still hold one
    # made before they did, typed as told on 6 Jan: the figures go by when it was recorded.
    with time_machine.travel(at("2026-01-13"), tick=False):
        stage_f = f.stage(1)
        moved_to = d("2026-01-14")
        Extension.objects.create(
            stage=stage_f,
            working_days=5,
            reason="Waiting for a survey.",
            resident_told_on=d("2026-01-06"),
            previous_due_on=stage_f.response_due_on,
            new_due_on=moved_to,
        )
        stage_f.response_due_on = moved_to
        stage_f.save(update_fields=["response_due_on"])
    done = s.action(f, "2026-01-14", due="2026-01-20")
    s.respond(f, "2026-01-14", Decision.NOT_UPHELD)
    with time_machine.travel(at("2026-01-19"), tick=False):
        services.action_complete(action=done, actor=s.first, completed_on=d("2026-01-19"))

    # G: received Mon 3 Nov (before the period), acknowledged Tue 4 Nov. Answer due 10
    # working days after 4 Nov: 5-7, 10-14, 17, 18 -> Tue 18 Nov. Extended on Mon 17 Nov by 15
    # working days, more than the 10 the Code allows, for a recorded good reason -> 19-21,
    # 24-28, 1-5 Dec, 8, 9 -> Tue 9 Dec. Answered Mon 8 Dec: after a longer extension, 24
    # working days (5-7, 10-14, 17-21, 24-28, 1-5, 8). Not upheld. Referred to the Ombudsman
    # on Mon 15 Dec.
    g = cases["G"] = s.log("2025-11-03", "Staff conduct")
    s.acknowledge(g, "2025-11-04")
    s.extend(g, "2025-11-17", 15, good_reason="Waiting for an independent surveyor.")
    s.respond(g, "2025-12-08", Decision.NOT_UPHELD)

    # H: received Mon 12 Jan, never acknowledged: due 13-16, 19 -> Mon 19 Jan, so overdue at
    # the end. I: received Fri 30 Jan, due 6 Feb: not yet overdue. J: received after the end.
    cases["H"] = s.log("2026-01-12")
    cases["I"] = s.log("2026-01-30", "Repairs")
    cases["J"] = s.log("2026-02-02", "Repairs")

    # K: received Mon 5 Jan, acknowledged Tue 6 Jan (due 6-9, 12 -> Mon 12 Jan): on time, 1
    # working day. Answer due 7-9, 12-16, 19, 20 -> Tue 20 Jan; not answered by the end.
    k = cases["K"] = s.log("2026-01-05", "Repairs", channel=Channel.EMAIL)
    s.acknowledge(k, "2026-01-06")

    # A service request by phone and a compliment online.
    s.log("2026-01-07", "Repairs", kind=CaseKind.SERVICE_REQUEST)
    s.log("2026-01-08", kind=CaseKind.COMPLIMENT, channel=Channel.ONLINE)

    # M: received Mon 3 Nov, answered Fri 14 Nov (before the period). Escalation asked for
    # Mon 1 Dec and refused Wed 3 Dec: court action has started. Referred to the Ombudsman on
    # Wed 10 Dec, who found no maladministration on Tue 20 Jan.
    m = cases["M"] = s.log("2025-11-03", "Staff conduct", channel=Channel.ONLINE)
    s.acknowledge(m, "2025-11-04")
    s.respond(m, "2025-11-14", Decision.NOT_UPHELD)
    s.escalate(m, "2025-12-01")
    s.refuse(m, "2025-12-03", COURT, escalation=True)

    # Z and Y: older complaints through both stages in June 2025, taken to the Ombudsman.
    z = cases["Z"] = s.log("2025-06-02", "Repairs", stage2_responded=True)
    y = cases["Y"] = s.log("2025-06-03", "Repairs", stage2_responded=True)

    def ombudsman(case, referred_on):
        return services.ombudsman_referral_record(
            case=case, actor=s.officer, referred_on=d(referred_on)
        )

    def evidence(referral, requested_on):
        return services.evidence_request_record(
            referral=referral, actor=s.officer, requested_on=d(requested_on)
        )

    g_referral, m_referral = ombudsman(g, "2025-12-15"), ombudsman(m, "2025-12-10")
    z_referral, y_referral = ombudsman(z, "2025-09-01"), ombudsman(y, "2025-07-01")
    # Evidence, 15 working days after the request:
    # R1 asked Mon 15 Dec: 16-19, 22-24, 2 Jan, 5-9, 12, 13 -> Tue 13 Jan; sent 12 Jan, on time.
    # R2 asked Fri 2 Jan: 5-9, 12-16, 19-23 -> Fri 23 Jan; sent Tue 27 Jan, late.
    # R3 asked Wed 14 Jan: 15, 16, 19-23, 26-30, 2-4 Feb -> Wed 4 Feb: after the period.
    # R4 asked Mon 1 Dec: 2-5, 8-12, 15-19, 22 -> Mon 22 Dec; never sent.
    r1 = evidence(g_referral, "2025-12-15")
    r2 = evidence(g_referral, "2026-01-02")
    r3 = evidence(m_referral, "2026-01-14")
    r4 = evidence(z_referral, "2025-12-01")
    assert (r1.due_on, r2.due_on, r3.due_on, r4.due_on) == (
        d("2026-01-13"),
        d("2026-01-23"),
        d("2026-02-04"),
        d("2025-12-22"),
    )
    services.evidence_sent(request=r1, actor=s.officer, sent_on=d("2026-01-12"))
    services.evidence_sent(
        request=r2, actor=s.officer, sent_on=d("2026-01-27"), late_explanation="Staff illness."
    )
    # Determinations: Z on Thu 15 Jan, maladministration and a finding that we did not follow
    # the Code, with four orders; M on Tue 20 Jan, no maladministration; Y on 20 Nov, before
    # the period (not counted).
    z_found = services.determination_record(
        referral=z_referral,
        actor=s.officer,
        determined_on=d("2026-01-15"),
        outcome=DeterminationOutcome.MALADMINISTRATION,
        summary="Repairs were slow and the complaint was answered late.",
        complaint_handling_failure=True,
        orders=[
            ("Apologise", d("2026-01-29")),  # complied 27 Jan: on time
            ("Review the repairs policy", d("2026-01-26")),  # complied 28 Jan: late
            ("Pay £300", d("2026-02-12")),  # outstanding, not yet due
            ("Inspect the home", d("2026-01-23")),  # outstanding and overdue
        ],
    )
    complied = {"Apologise": "2026-01-27", "Review the repairs policy": "2026-01-28"}
    for order in z_found.orders.all():
        if order.description in complied:
            services.order_complied(
                order=order, actor=s.officer, complied_on=d(complied[order.description])
            )
    services.determination_record(
        referral=m_referral,
        actor=s.officer,
        determined_on=d("2026-01-20"),
        outcome=DeterminationOutcome.NO_MALADMINISTRATION,
        summary="The landlord acted fairly.",
    )
    services.determination_record(
        referral=y_referral,
        actor=s.officer,
        determined_on=d("2025-11-20"),
        outcome=DeterminationOutcome.SEVERE_MALADMINISTRATION,
        summary="Before the period.",
        orders=[("Pay £1,000", d("2025-12-20"))],
    )

    # Learning. L1 recorded 10 Dec from C, done and published 20 Jan. L2 recorded 5 Jan from A
    # and K, due 16 Jan, in progress at the end (overdue). L3 recorded 15 Nov, done 12 Dec. L4
    # recorded 20 Jan, due 27 Feb (open, not overdue). L5 recorded after the end; L6 recorded
    # and done in November.
    l1 = s.lesson("2025-12-10", LessonTheme.COMMUNICATION, "2026-01-31", cases=[c])
    s.lesson_done(l1, "2026-01-20", published=True)
    s.lesson(
        "2026-01-05",
        LessonTheme.REPAIRS,
        "2026-01-16",
        cases=[a, k],
        status=LessonStatus.IN_PROGRESS,
    )
    l3 = s.lesson("2025-11-15", LessonTheme.COMPLAINT_HANDLING, "2025-12-15")
    s.lesson_done(l3, "2025-12-12")
    s.lesson("2026-01-20", LessonTheme.COMMUNICATION, "2026-02-27")
    s.lesson("2026-02-02", LessonTheme.REPAIRS, "2026-03-02")
    l6 = s.lesson("2025-11-03", LessonTheme.POLICY, "2025-11-30")
    s.lesson_done(l6, "2025-11-28", published=True)

    s.cases = cases
    return s


@pytest.fixture
def figures(story):
    with time_machine.travel(at("2026-02-10"), tick=False):
        return figures_for_period(START, END, calendar=working_calendar(process_settings()))


def test_volumes_and_ch01(figures):
    volumes = figures["volumes"]
    # Received in the period: A, B, C, D, E, F, H, I, K, the request and the compliment; not
    # G, M, Y, Z (before) or J (after).
    assert volumes["received"] == 11
    assert volumes["by_kind"] == {
        "complaint": 9,
        "service_request": 1,
        "compliment": 1,
        "comment": 0,
    }
    assert volumes["by_channel"] == {
        "online": 3,  # A, F, the compliment
        "phone": 5,  # C, E, H, I, the request
        "email": 2,  # B, K
        "letter": 1,  # D
        "in_person": 0,
        "social_media": 0,
        "contractor": 0,
        "councillor_or_mp": 0,
    }
    assert volumes["by_category"] == {
        "Damp and mould": 2,  # B, F
        "Rent and service charges": 1,  # D
        "Repairs": 6,  # A, C, E, I, K, the request
        "—": 2,  # H, the compliment
    }
    assert volumes["complaints_by_category"] == {
        "Damp and mould": 2,
        "Rent and service charges": 1,
        "Repairs": 5,
        "—": 1,
    }
    # Of the 9 complaints received, B and C reached stage 2 by the end.
    assert volumes["complaints_by_stage_reached"] == {"stage1": 7, "stage2": 2}
    assert volumes["contractor_related"] == 1  # C
    assert volumes["complaints_contractor_related"] == 1
    # CH01: 9 stage 1 complaints made (D refused and E withdrawn included); 3 escalations asked
    # for: M on 1 Dec, C on 22 Dec, B on 30 Jan. Per 1,000 of 2,500 homes: 9 / 2.5 = 3.6 and
    # 3 / 2.5 = 1.2.
    assert volumes["stage1_complaints"] == 9
    assert volumes["stage2_escalations"] == 3
    assert volumes["homes"] == 2500
    assert volumes["stage1_per_1000_homes"] == 3.6
    assert volumes["stage2_per_1000_homes"] == 1.2


def test_stage1_timeliness(figures):
    stage1 = figures["timeliness"]["stage1"]
    # Acknowledged in the period: C (2 Dec), F (16 Dec), B (2 Jan), K (6 Jan), A (7 Jan); all
    # on time but A. Working days to acknowledge: 1, 1, 1, 1, 6 -> 10 / 5 = 2.0.
    assert stage1["acknowledged"] == 5
    assert stage1["acknowledged_on_time"] == 4
    assert stage1["acknowledged_late"] == 1
    assert stage1["acknowledged_on_time_percent"] == 80.0
    assert stage1["acknowledged_within_code"] == 4
    assert stage1["acknowledged_within_code_percent"] == 80.0
    assert stage1["average_working_days_to_acknowledge"] == 2.0
    assert stage1["awaiting_acknowledgement_overdue"] == 1  # H, due 19 Jan
    # Answered in the period: G (8 Dec), C (18 Dec), F (14 Jan), A (21 Jan), B (29 Jan).
    assert stage1["answered"] == 5
    assert stage1["answered_on_time"] == 1  # A
    assert stage1["answered_within_extension"] == 1  # B
    assert stage1["answered_after_longer_extension"] == 1  # G
    assert stage1["answered_late"] == 2  # C; F, whose extension came after its date
    assert stage1["answered_missing_dates"] == 0
    assert stage1["extended_after_due_date"] == 1  # F
    # CH02: A and B, 2 of 5 = 40.0%. Working days taken: 24 + 12 + 15 + 10 + 19 = 80 -> 16.0.
    assert stage1["within_code_timescales"] == 2
    assert stage1["within_code_timescales_percent"] == 40.0
    assert stage1["average_working_days"] == 16.0
    assert stage1["awaiting_response_overdue"] == 1  # K, due 20 Jan


def test_stage2_timeliness_and_ch02(figures):
    timeliness = figures["timeliness"]
    stage2 = timeliness["stage2"]
    # C: acknowledged 5 Jan (due 6 Jan), 4 working days after the request; answered 30 Jan
    # (due 2 Feb), 19 working days. B's acknowledgement is not due until 6 Feb; M was refused.
    assert stage2["acknowledged"] == 1
    assert stage2["acknowledged_on_time_percent"] == 100.0
    assert stage2["average_working_days_to_acknowledge"] == 4.0
    assert stage2["awaiting_acknowledgement_overdue"] == 0
    assert stage2["answered"] == 1
    assert stage2["answered_on_time"] == 1
    assert stage2["within_code_timescales_percent"] == 100.0
    assert stage2["average_working_days"] == 19.0
    assert stage2["awaiting_response_overdue"] == 0
    assert timeliness["ch02_stage1_percent"] == 40.0
    assert timeliness["ch02_stage2_percent"] == 100.0
    # Both stages: (2 + 1) / (5 + 1) = 50.0%.
    assert timeliness["within_code_timescales_percent"] == 50.0


def test_outcomes(figures):
    outcomes = figures["outcomes"]
    assert outcomes["decisions"] == {
        "stage1": {"upheld": 1, "partly_upheld": 1, "not_upheld": 3},  # A; B; C, F, G
        "stage2": {"upheld": 1, "partly_upheld": 0, "not_upheld": 0},  # C
    }
    assert outcomes["withdrawn"] == 1  # E
    # Of the 5 stage 1 answers, B and C were escalated by the end: 2 / 5 = 40.0%.
    assert outcomes["stage1_answered"] == 5
    assert outcomes["escalated"] == 2
    assert outcomes["escalation_rate_percent"] == 40.0
    assert outcomes["refused"] == 1  # D
    assert outcomes["refusals_by_reason"] == {OLD_ISSUE: 1}
    assert outcomes["escalations_refused"] == 1  # M
    assert outcomes["escalations_refused_by_reason"] == {COURT: 1}


def test_remedies_and_outstanding_actions(figures):
    remedies = figures["remedies"]
    # Offered in the period: A £150, B an apology and £250, C £400.
    assert remedies["offered"] == 4
    assert remedies["by_kind"]["financial"] == 3
    assert remedies["by_kind"]["apology"] == 1
    assert sum(remedies["by_kind"].values()) == 4
    assert remedies["financial_offered"] == 3
    assert remedies["financial_offered_total"] == "800.00"  # 150 + 250 + 400
    assert remedies["financial_offered_median"] == "250.00"
    assert remedies["financial_paid"] == 1  # A's £150 on 28 Jan
    assert remedies["financial_paid_total"] == "150.00"
    assert remedies["financial_paid_median"] == "150.00"
    # Open at the end: B's £250 (due 30 Jan: overdue) and C's £400 (due 13 Feb).
    assert remedies["remedies_open_at_end"] == 2
    assert remedies["remedies_overdue_at_end"] == 1
    # A's two actions are open (one due 27 Jan: overdue); F's was done on 19 Jan.
    assert remedies["actions_open_at_end"] == 2
    assert remedies["actions_overdue_at_end"] == 1


def test_ombudsman(figures):
    ombudsman = figures["ombudsman"]
    assert ombudsman["referrals"] == 2  # G on 15 Dec, M on 10 Dec; not Y or Z
    assert ombudsman["referrals_by_scheme"] == {"housing": 2, "local_government": 0}
    # Due in the period: R1 (on time), R2 (late), R4 (not sent); R3 is due on 4 Feb.
    assert ombudsman["evidence_due"] == 3
    assert ombudsman["evidence_on_time"] == 1
    assert ombudsman["evidence_late"] == 1
    assert ombudsman["evidence_not_sent"] == 1
    assert ombudsman["evidence_on_time_percent"] == 33.3
    assert ombudsman["determinations"] == 2  # Z and M; Y was before the period
    assert ombudsman["findings"]["maladministration"] == 1
    assert ombudsman["findings"]["no_maladministration"] == 1
    assert sum(ombudsman["findings"].values()) == 2
    assert ombudsman["code_non_compliance_findings"] == 1  # Z
    assert ombudsman["orders"] == 4
    assert ombudsman["orders_complied_on_time"] == 1  # apologise
    assert ombudsman["orders_complied_late"] == 1  # review the policy
    assert ombudsman["orders_outstanding_at_end"] == 2  # pay, inspect
    assert ombudsman["orders_overdue_at_end"] == 1  # inspect, due 23 Jan


def test_learning(figures):
    learning = figures["learning"]
    assert learning["recorded"] == 3  # L1, L2, L4
    assert learning["recorded_from_cases"] == 2  # L1, L2
    assert learning["recorded_by_theme"]["communication"] == 2  # L1, L4
    assert learning["recorded_by_theme"]["repairs"] == 1  # L2
    assert sum(learning["recorded_by_theme"].values()) == 3
    assert learning["completed"] == 2  # L1 on 20 Jan, L3 on 12 Dec
    assert learning["completed_by_theme"]["communication"] == 1
    assert learning["completed_by_theme"]["complaint_handling"] == 1
    assert learning["published_improvements"] == 1  # L1
    assert learning["open_at_end"] == 2  # L2, L4
    assert learning["overdue_at_end"] == 1  # L2, due 16 Jan


def test_trends(figures):
    months = {row["month"]: row for row in figures["trends"]["months"]}
    assert list(months) == ["2025-12", "2026-01"]
    assert months["2025-12"] == {
        "month": "2025-12",
        "complaints_received": 6,  # C, D, E, F, A, B
        "stage2_escalations": 2,  # M, C
        "stage1_answered": 2,  # G, C
        "stage1_within_code": 0,
        "stage2_answered": 0,
        "stage2_within_code": 0,
    }
    assert months["2026-01"] == {
        "month": "2026-01",
        "complaints_received": 3,  # K, H, I
        "stage2_escalations": 1,  # B
        "stage1_answered": 3,  # F, A, B
        "stage1_within_code": 2,  # A, B
        "stage2_answered": 1,  # C
        "stage2_within_code": 1,
    }
    categories = {row["category"]: row for row in figures["trends"]["categories"]}
    assert categories == {
        # B partly upheld, F not upheld
        "Damp and mould": {
            "category": "Damp and mould",
            "complaints_received": 2,
            "decisions": 2,
            "upheld_or_partly": 1,
        },
        "Rent and service charges": {
            "category": "Rent and service charges",
            "complaints_received": 1,
            "decisions": 0,
            "upheld_or_partly": 0,
        },
        # A upheld at stage 1; C not upheld at stage 1, upheld at stage 2
        "Repairs": {
            "category": "Repairs",
            "complaints_received": 5,
            "decisions": 3,
            "upheld_or_partly": 2,
        },
        # G, received in November, answered in December
        "Staff conduct": {
            "category": "Staff conduct",
            "complaints_received": 0,
            "decisions": 1,
            "upheld_or_partly": 0,
        },
        "—": {"category": "—", "complaints_received": 1, "decisions": 0, "upheld_or_partly": 0},
    }


def test_evidence_for_the_self_assessment(figures):
    evidence = figures["evidence"]
    assert evidence["stage1_acknowledged_on_time"]["display"] == "80.0% (4 of 5)"
    assert evidence["stage1_within_code"]["display"] == "40.0% (2 of 5)"
    assert evidence["stage2_within_code"]["display"] == "100.0% (1 of 1)"
    assert evidence["evidence_on_time"]["display"] == "33.3% (1 of 3)"


def test_a_clean_record_has_no_data_quality_problems(figures):
    assert figures["data_quality"] == {"count": 0, "problems": []}


def test_the_figures_are_plain_json(figures):
    assert json.loads(json.dumps(figures)) == figures


def test_every_catalogued_figure_is_in_the_result(figures):
    assert [key for key in FIGURES if figure_value(figures, key) is None] == []
    assert len(FIGURES) == len(CATALOGUE)
    assert figure_choices()[0] == ("volumes.received", FIGURES["volumes.received"].label)
    assert str(FIGURES["timeliness.stage2.answered_late"].label) == "Stage 2: answered late"
    assert FIGURES["volumes.stage1_per_1000_homes"].reference == "TSM CH01 (1)"
    assert ("Email", 2) in figure_rows(figures, "volumes.by_channel")
    assert figure_rows(figures, "outcomes.refusals_by_reason") == [(OLD_ISSUE, 1)]
    assert figure_value(figures, "volumes.no_such_figure") is None


def test_a_missing_date_is_counted_and_listed_not_dropped(story):
    cases = story.cases
    # A's acknowledgement date lost; E's withdrawal date lost; C's £400 without an amount;
    # the number of homes unset.
    Stage.objects.filter(case=cases["A"], number=1).update(acknowledged_at=None)
    Case.objects.filter(pk=cases["E"].pk).update(closed_at=None)
    Remedy.objects.filter(case=cases["C"], amount=Decimal("400.00")).update(amount=None)
    settings = process_settings()
    settings.number_of_homes = 0
    settings.save()

    with time_machine.travel(at("2026-02-10"), tick=False):
        again = figures_for_period(START, END, calendar=working_calendar(settings))

    stage1 = again["timeliness"]["stage1"]
    assert stage1["answered"] == 5  # A still counted as answered...
    assert stage1["answered_missing_dates"] == 1  # ...as one whose dates are missing
    # B of the 4 that could be assessed: 25.0%; (24 + 12 + 15 + 19) / 4 = 17.5 days.
    assert stage1["within_code_timescales_percent"] == 25.0
    assert stage1["average_working_days"] == 17.5
    assert stage1["acknowledged"] == 4
    assert stage1["awaiting_acknowledgement_overdue"] == 1  # still only H: A was answered
    assert again["outcomes"]["withdrawn"] == 0
    assert again["remedies"]["financial_offered"] == 2  # 150 + 250
    assert again["remedies"]["financial_offered_total"] == "400.00"
    assert again["remedies"]["financial_offered_median"] == "200.00"
    assert again["volumes"]["stage1_per_1000_homes"] is None

    quality = again["data_quality"]
    assert quality["count"] == 4
    listed = {(p["reference"], p["figure"]) for p in quality["problems"]}
    assert listed == {
        (cases["E"].reference, "outcomes.withdrawn"),
        (cases["C"].reference, "remedies.financial_offered"),
        (cases["A"].reference, "timeliness.stage1"),
        ("", "volumes.stage1_per_1000_homes"),
    }
    problem = next(p for p in quality["problems"] if p["figure"] == "timeliness.stage1")
    assert problem["problem"] == (
        "Stage 1 was answered, but the date it was acknowledged is missing."
    )


def test_a_shorter_timescale_of_our_own_still_counts_within_the_codes_for_ch02(db):
    # Our own stage 1 limit is 5 working days; the Code's is 10. Both complaints are
    # acknowledged on Mon 2 Mar 2026: our date is 3-6, 9 -> Mon 9 Mar; the Code's is 3-6,
    # 9-13, 16 -> Mon 16 Mar. One answered Wed 11 Mar is late by ours, within the Code's; one
    # answered Tue 17 Mar is late by both.
    settings = landlord()
    settings.stage1_response_days = 5
    settings.save()
    s = Story()
    for answered in ("2026-03-11", "2026-03-17"):
        case = s.log("2026-02-27")
        s.acknowledge(case, "2026-03-02")
        s.respond(case, answered, Decision.NOT_UPHELD)
    figures = figures_for_period(
        dt.date(2026, 3, 1), dt.date(2026, 3, 31), calendar=working_calendar(settings)
    )
    stage1 = figures["timeliness"]["stage1"]
    assert stage1["answered_late"] == 2
    assert stage1["within_code_timescales"] == 1
    assert stage1["within_code_timescales_percent"] == 50.0


def test_a_moment_counts_on_its_uk_date(db):
    """Dates are UK dates (worked out by the database): a complaint made at 00:30 on Wed 1 April
    2026, British Summer Time (23:30 on 31 March in UTC), counts in April; one made at 23:30 on
    Tue 31 March (22:30 UTC) counts in March. Each is a stage 1 complaint made that month."""
    landlord()
    april_first = dt.datetime(2026, 4, 1, 0, 30, tzinfo=LONDON)
    march_last = dt.datetime(2026, 3, 31, 23, 30, tzinfo=LONDON)
    for moment in (april_first, march_last):
        with time_machine.travel(moment, tick=False):
            CaseFactory(received_at=moment)
    calendar = working_calendar(process_settings())
    for start, end, reference_moment in (
        ("2026-04-01", "2026-04-30", april_first),
        ("2026-03-01", "2026-03-31", march_last),
    ):
        volumes = figures_for_period(d(start), d(end), calendar=calendar)["volumes"]
        assert (volumes["received"], volumes["stage1_complaints"]) == (1, 1), reference_moment


def test_periods_read_together_have_the_figures_each_has_alone(story):
    """The governing body's view reads a year and its quarters together
    (figures_for_periods): each period's figures are exactly those it has on its own, whether
    it is the whole span, a month, a fortnight across Christmas, one day, or starts before the
    record's first case."""
    calendar = working_calendar(process_settings())
    spans = [
        (START, END),
        (d("2025-12-01"), d("2025-12-31")),
        (d("2026-01-01"), d("2026-01-31")),
        (d("2025-12-22"), d("2026-01-09")),
        (d("2026-01-21"), d("2026-01-21")),
        (d("2025-10-01"), d("2025-12-15")),
        (d("2026-01-26"), d("2026-02-09")),
    ]
    with time_machine.travel(at("2026-02-10"), tick=False):
        together = figures_for_periods(spans, calendar=calendar)
        alone = [figures_for_period(start, end, calendar=calendar) for start, end in spans]
    assert [f["period"] for f in together] == [f["period"] for f in alone]
    for read_together, read_alone in zip(together, alone, strict=True):
        assert read_together == read_alone, read_alone["period"]
    assert figures_for_periods([], calendar=calendar) == []


@pytest.mark.parametrize(
    ("dates", "live"),
    [
        ({}, True),  # requested before the period, still waiting
        ({"requested": d("2026-02-01")}, False),  # requested after it
        ({"requested": d("2026-01-31")}, True),  # on its last day
        ({"responded": d("2025-11-30")}, False),  # answered the day before it began
        ({"responded": d("2025-12-01")}, True),  # answered on its first day
        ({"refused": d("2025-11-28")}, False),
        ({"refused": d("2025-12-02")}, True),
        ({"closed": d("2025-11-28")}, False),
        ({"closed": d("2026-02-05")}, True),
    ],
)
def test_a_stage_is_live_in_a_period_as_the_database_would_say(dates, live):
    from casework.figures.common import Period
    from casework.figures.record import StageRow, live_in

    stage = StageRow(
        pk=1,
        case_id=1,
        reference="CMP-2025-00001",
        number=1,
        category="Repairs",
        requested=dates.get("requested", d("2025-11-20")),
        acknowledgement_due_on=d("2025-11-27"),
        acknowledged=None,
        original_response_due_on=None,
        response_due_on=None,
        responded=dates.get("responded"),
        decision="",
        refused=dates.get("refused"),
        refusal_reason=None,
        closed=dates.get("closed"),
        ended=False,
    )
    period = Period(start=START, end=END, calendar=WorkingDayCalendar(), timescales=None)
    assert live_in(stage, period) is live


def test_queries_do_not_grow_with_cases(story, django_assert_num_queries):
    calendar = working_calendar(process_settings())
    # The site and its settings, cases received, stages, extensions, withdrawals, remedies,
    # actions, referrals, evidence, determinations, orders, lessons, categories: 14, however
    # many cases.
    with django_assert_num_queries(14) as first:
        figures_for_period(START, END, calendar=calendar)
    # Twelve more complaints, each through both stages, with remedies and extensions.
    for day in ("2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15"):
        for _ in range(3):
            case = story.log(day, "Repairs", stage2_responded=True)
            story.remedy(case, day, amount="20.00", due="2026-01-30")
    with django_assert_num_queries(len(first.captured_queries)):
        figures_for_period(START, END, calendar=calendar)


def test_the_years_learning_for_publication(story):
    published = learning_for_publication(START, END)
    assert published["themes"] == [
        {
            "theme": "communication",
            "label": "Communication and keeping residents informed",
            "recorded": 2,
            "completed": 1,
        },
        {"theme": "repairs", "label": "Repairs and maintenance", "recorded": 1, "completed": 0},
        {
            "theme": "complaint_handling",
            "label": "How we handle complaints",
            "recorded": 0,
            "completed": 1,
        },
    ]
    # Only L1: L3 is not published, L6 was done before the period. Only the public words.
    assert published["improvements"] == [
        {
            "theme": "communication",
            "theme_label": "Communication and keeping residents informed",
            "summary": "We now phone you back on the day we say we will.",
            "completed_on": "2026-01-20",
        }
    ]
    assert json.loads(json.dumps(published)) == published


def test_months_between_spans_a_new_year():
    assert months_between(dt.date(2025, 11, 30), dt.date(2026, 2, 1)) == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]


class TestTimelinessRules:
    """The rules on plain values: first response date Fri 16 Jan 2026."""

    FIRST_DUE = d("2026-01-16")

    def extension(self, days, previous, new, told, exceeds=False):
        return ExtensionFacts(days, d(previous), d(new), d(told), exceeds)

    def timeliness(self, answered, extensions, limit=10):
        return response_timeliness(
            answered=d(answered),
            first_due=self.FIRST_DUE,
            extensions=extensions,
            extension_limit=limit,
        )

    def test_by_the_first_date_is_on_time_even_with_an_extension(self):
        ext = self.extension(5, "2026-01-16", "2026-01-23", "2026-01-14")
        assert self.timeliness("2026-01-16", []) == ON_TIME
        assert self.timeliness("2026-01-15", [ext]) == ON_TIME

    def test_after_the_first_date_without_an_extension_is_late(self):
        assert self.timeliness("2026-01-19", []) == LATE

    def test_an_extension_agreed_on_the_due_date_counts(self):
        ext = self.extension(5, "2026-01-16", "2026-01-23", "2026-01-16")
        assert self.timeliness("2026-01-23", [ext]) == WITHIN_EXTENSION
        assert self.timeliness("2026-01-26", [ext]) == LATE  # after the extended date

    def test_an_extension_agreed_after_the_due_date_does_not(self):
        ext = self.extension(5, "2026-01-16", "2026-01-23", "2026-01-19")
        assert self.timeliness("2026-01-22", [ext]) == LATE

    def test_two_extensions_adding_up_to_more_than_our_limit_are_a_longer_extension(self):
        # 16 Jan + 6 working days -> 26 Jan; + 6 more -> 3 Feb: 12 in all, over 10. An answer
        # by 26 Jan needed only the first.
        first = self.extension(6, "2026-01-16", "2026-01-26", "2026-01-15")
        second = self.extension(6, "2026-01-26", "2026-02-03", "2026-01-23")
        assert self.timeliness("2026-01-26", [first, second]) == WITHIN_EXTENSION
        assert self.timeliness("2026-02-02", [first, second]) == AFTER_LONGER_EXTENSION

    def test_an_extension_over_our_limit_is_a_longer_extension(self):
        ext = self.extension(8, "2026-01-16", "2026-01-28", "2026-01-15", exceeds=True)
        assert self.timeliness("2026-01-27", [ext], limit=5) == AFTER_LONGER_EXTENSION

    def test_within_the_codes_timescales(self):
        # Acknowledged Fri 2 Jan 2026; the Code's 10 working days -> Fri 16 Jan (England).
        calendar = WorkingDayCalendar(nation="ENG")

        def within(answered, extensions, number=1):
            return within_code_timescales(
                number=number,
                acknowledged=d("2026-01-02"),
                answered=d(answered),
                first_due=self.FIRST_DUE,
                extensions=extensions,
                calendar=calendar,
            )

        ten = self.extension(10, "2026-01-16", "2026-01-30", "2026-01-14")
        eleven = self.extension(11, "2026-01-16", "2026-02-02", "2026-01-14", exceeds=True)
        assert within("2026-01-16", [])
        assert not within("2026-01-19", [])
        assert within("2026-01-30", [ten])  # an extension of 10: what the Code allows
        assert not within("2026-02-02", [ten])  # after the extended date
        assert not within("2026-01-30", [eleven])  # an extension longer than the Code allows
        # At stage 2 the Code allows 20 working days: 5-9, 12-16, 19-23, 26-30 -> Fri 30 Jan.
        assert within("2026-01-30", [], number=2)
        assert not within("2026-02-02", [], number=2)
