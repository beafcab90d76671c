"""The figures for a period (issue 6), over cases built by hand around Christmas 2025, with the
expected values worked out by hand in the comments. England and Wales bank holidays: 25 and 26
December 2025, 1 January 2026."""

import datetime as dt
import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from casework import services
from casework.choices import CaseKind, Channel, Decision, RemedyKind
from casework.figures import figures_for_period, months_between, response_timeliness
from casework.models import ExclusionReason, Stage
from casework.process import process_settings, working_calendar
from tests.factories import CaseFactory, UserFactory

LONDON = ZoneInfo("Europe/London")
START, END = dt.date(2025, 12, 1), dt.date(2026, 1, 31)


def at(day: str, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour), tzinfo=LONDON)


def acknowledge(case, when: str, handler):
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


def respond(case, when: str, handler, decision):
    with time_machine.travel(at(when), tick=False):
        if decision != Decision.NOT_UPHELD:
            # A payment of £100 for each complaint upheld in whole or part.
            services.remedy_add(
                case=case,
                actor=handler,
                kind=RemedyKind.FINANCIAL,
                description="A payment for the trouble.",
                due_on=dt.date.fromisoformat(when) + dt.timedelta(days=10),
                amount=Decimal("100.00"),
            )
        services.stage_respond(
            case=case,
            actor=handler,
            decision=decision,
            reasons="Because.",
            no_remedy_reason="Nothing went wrong." if decision == Decision.NOT_UPHELD else "",
            actions_confirmed=True,
        )


def log(when: str, **fields):
    with time_machine.travel(at(when), tick=False):
        return CaseFactory(received_at=at(when), **fields)


@pytest.fixture
def figures(demo_site):
    settings = process_settings()
    settings.number_of_homes = 2000
    settings.nation = "ENG"
    settings.save()
    handler = UserFactory()

    # A: received Mon 22 Dec 2025. Acknowledge by the 5th working day after it, skipping
    # 25, 26 Dec and the weekend: 23, 24, 29, 30, 31 -> due Wed 31 Dec. Acknowledged Fri 2 Jan
    # (late). Answer due 10 working days after 2 Jan: 5-9, 12-16 Jan -> 16 Jan; answered then
    # (on time, 10 working days taken). Upheld.
    a = log("2025-12-22")
    acknowledge(a, "2026-01-02", handler)
    respond(a, "2026-01-16", handler, Decision.UPHELD)
    # B: received Mon 5 Jan, acknowledged Tue 6 Jan (due 12 Jan: on time). Answer due 10 working
    # days after 6 Jan -> 20 Jan. Extended on 19 Jan by 5 working days -> 27 Jan; answered
    # Mon 26 Jan: within the extension, 14 working days taken. Partly upheld.
    b = log("2026-01-05")
    acknowledge(b, "2026-01-06", handler)
    with time_machine.travel(at("2026-01-19"), tick=False):
        services.stage_extend(
            case=b,
            actor=handler,
            working_days=5,
            reason="Waiting for a survey.",
            resident_told_on=dt.date(2026, 1, 19),
            ombudsman_details_given=True,
        )
    respond(b, "2026-01-26", handler, Decision.PARTLY_UPHELD)
    # C: received and acknowledged Mon 5 Jan (on time). Answer due 10 working days after 5 Jan
    # -> 19 Jan; answered Wed 21 Jan: late, 12 working days taken. Not upheld; the resident
    # escalates on 23 Jan.
    c = log("2026-01-05", channel=Channel.EMAIL)
    acknowledge(c, "2026-01-05", handler)
    respond(c, "2026-01-21", handler, Decision.NOT_UPHELD)
    with time_machine.travel(at("2026-01-23"), tick=False):
        services.escalation_request(case=c, requested_at=at("2026-01-23"), actor_label="Resident")
    # D: received Wed 7 Jan, refused the next day for an exclusion reason.
    d = log("2026-01-07")
    reason = ExclusionReason.objects.order_by("pk").first()
    with time_machine.travel(at("2026-01-08"), tick=False):
        services.complaint_refuse(
            case=d, actor=handler, exclusion_reason=reason, explanation="Court action started."
        )
    # A service request by phone, and a complaint received after the period.
    log("2026-01-08", kind=CaseKind.SERVICE_REQUEST, channel=Channel.PHONE)
    log("2026-02-02")
    return {
        "figures": figures_for_period(START, END, calendar=working_calendar(settings)),
        "reason": reason.title,
    }


def test_volumes_and_ch01(figures):
    volumes = figures["figures"]["volumes"]
    assert volumes["received"] == 5  # A, B, C, D and the service request; not February's
    assert volumes["by_kind"]["complaint"] == 4
    assert volumes["by_kind"]["service_request"] == 1
    assert volumes["by_channel"]["email"] == 1  # C
    assert volumes["by_channel"]["phone"] == 4  # the factory's phone: A, B, D, the request
    assert volumes["stage1_complaints"] == 4
    assert volumes["stage2_escalations"] == 1
    assert volumes["stage1_per_1000_homes"] == 2.0  # 4 / 2000 * 1000
    assert volumes["stage2_per_1000_homes"] == 0.5  # 1 / 2000 * 1000


def test_timeliness_and_ch02(figures):
    stage1 = figures["figures"]["timeliness"]["stage1"]
    assert stage1["acknowledged"] == 3
    assert stage1["acknowledged_on_time"] == 2  # B and C; A was a working day late
    assert stage1["acknowledged_on_time_percent"] == 66.7
    assert stage1["answered"] == 3
    assert stage1["answered_on_time"] == 1  # A
    assert stage1["answered_within_extension"] == 1  # B
    assert stage1["answered_late"] == 1  # C
    assert stage1["within_code_timescales_percent"] == 66.7  # (1 + 1) / 3
    assert stage1["average_working_days"] == 12.0  # (10 + 14 + 12) / 3
    assert figures["figures"]["timeliness"]["ch02_stage1_percent"] == 66.7
    assert figures["figures"]["timeliness"]["stage2"]["answered"] == 0
    assert figures["figures"]["timeliness"]["ch02_stage2_percent"] is None


def test_outcomes(figures):
    outcomes = figures["figures"]["outcomes"]
    assert outcomes["decisions"]["stage1"] == {"upheld": 1, "partly_upheld": 1, "not_upheld": 1}
    assert outcomes["escalation_rate_percent"] == 33.3  # 1 escalation / 3 stage 1 answers
    assert outcomes["refused"] == 1
    assert outcomes["refusals_by_reason"] == {figures["reason"]: 1}
    assert outcomes["escalations_refused"] == 0
    remedies = figures["figures"]["remedies"]
    assert remedies["financial_offered"] == 2  # A and B
    assert remedies["financial_offered_total"] == "200.00"
    assert remedies["financial_offered_median"] == "100.00"
    assert remedies["financial_paid"] == 0


def test_trends_by_month_and_evidence_figures(figures):
    months = {m["month"]: m for m in figures["figures"]["trends"]["months"]}
    assert list(months) == ["2025-12", "2026-01"]
    assert months["2025-12"]["complaints_received"] == 1  # A
    assert months["2026-01"]["complaints_received"] == 3  # B, C, D
    assert months["2026-01"]["stage1_answered"] == 3
    assert months["2026-01"]["stage1_within_code"] == 2
    evidence = figures["figures"]["evidence"]["stage1_acknowledged_on_time"]
    assert evidence["display"] == "66.7% (2 of 3)"


def test_the_figures_are_plain_json(figures):
    assert json.loads(json.dumps(figures["figures"])) == figures["figures"]


def test_a_missing_date_is_listed_not_dropped(figures, demo_site):
    stage = Stage.objects.filter(number=1, responded_at__isnull=False).first()
    Stage.objects.filter(pk=stage.pk).update(acknowledged_at=None)
    again = figures_for_period(START, END, calendar=working_calendar(process_settings()))
    stage1 = again["timeliness"]["stage1"]
    assert stage1["answered"] == 3
    assert stage1["answered_missing_dates"] == 1
    assert stage.case.reference in [p["reference"] for p in again["data_quality"]]


def test_queries_do_not_grow_with_cases(figures, django_assert_num_queries):
    calendar = working_calendar(process_settings())
    with django_assert_num_queries(14) as first:
        figures_for_period(START, END, calendar=calendar)
    for day in ("2026-01-12", "2026-01-13", "2026-01-14"):
        log(day)
    with django_assert_num_queries(len(first.captured_queries)):
        figures_for_period(START, END, calendar=calendar)


def test_months_between_spans_a_new_year():
    assert months_between(dt.date(2025, 11, 30), dt.date(2026, 2, 1)) == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]


def test_an_answer_after_a_longer_extension_is_not_within_the_code():
    class S:
        responded_at = at("2026-01-30")
        original_response_due_on = dt.date(2026, 1, 20)
        response_due_on = dt.date(2026, 2, 10)

    class E:
        exceeds_limit = True

    assert response_timeliness(S, [E]) == "beyond_limit_extension"
    E.exceeds_limit = False
    assert response_timeliness(S, [E]) == "within_extension"
    assert response_timeliness(S, []) == "late"
