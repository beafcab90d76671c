"""Benchmark (issue 6): a year's figures (`casework.figures.figures_for_period`, Code 8.1, 9.7;
TSM CH01 and CH02) over 100,000 cases on PostgreSQL, and the number of queries they take, which
must be the same over 1,000 cases: the figures read the record in a fixed number of queries.

Run with PostgreSQL, where the landlord's production record lives:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/redress_bench make bench

The cases are written with bulk_create, with the stages, extensions, decisions, remedies,
outstanding actions, refusals, withdrawals, escalations and Ombudsman referrals a real record
has, in roughly the proportions the demo landlord uses; timeline entries are left out because
no figure reads them. The median and the query count go in the README's performance section.
"""

import datetime as dt
import random
import statistics
import time
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from casework.choices import (
    REFERENCE_PREFIXES,
    ActionStatus,
    CaseKind,
    CaseStatus,
    Decision,
    DeterminationOutcome,
    LessonStatus,
    LessonTheme,
    RemedyKind,
    RemedyStatus,
)
from casework.deadlines import UK_TIME
from casework.figures import figures_for_period, figures_for_periods
from casework.models import (
    Case,
    ComplaintCategory,
    ComplaintProcessSettings,
    Determination,
    EvidenceRequest,
    ExclusionReason,
    Extension,
    Lesson,
    OmbudsmanOrder,
    OmbudsmanReferral,
    OutstandingAction,
    Person,
    Remedy,
    Stage,
    ensure_default_exclusion_reasons,
)
from casework.process import working_calendar
from portal.demo import cases as demo

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]

SMALL = 1_000
LARGE = 100_000
CHUNK = 10_000  # cases written per round of bulk_create, to keep memory flat
RUNS = 5
# The figures for a landlord's year are worked out when a report or self-assessment is
# published, or the governing body opens its view: a wait of seconds, not minutes, on 2 cores.
# The budget is on the processor time this process spends (the figures' own work: reading the
# rows and counting), so other jobs sharing the machine do not fail it; the wall-clock median,
# which includes PostgreSQL's share, is printed beside it for the README.
MEDIAN_BUDGET_SECONDS = 6.0

TODAY = dt.date(2026, 3, 31)
PERIOD = (dt.date(2025, 4, 1), TODAY)  # the reporting year, April to March
# Cases received from two months before the year, so some are still live when it starts.
FIRST_RECEIVED = PERIOD[0] - dt.timedelta(days=60)

# The demo landlord's proportions (portal/demo/cases.py).
CATEGORIES = list(zip(demo.CATEGORIES, demo.CATEGORY_WEIGHTS, strict=True))
CHANNELS = demo.CHANNELS
KINDS = demo.KINDS
DECISIONS = [(Decision.UPHELD, 35), (Decision.PARTLY_UPHELD, 27), (Decision.NOT_UPHELD, 38)]


def pick(rng: random.Random, options):
    values, weights = zip(*options, strict=True)
    return rng.choices(values, weights=weights, k=1)[0]


@contextmanager
def dates_as_given(*models):
    """Let bulk_create keep the `created_at` we give (the day a remedy was offered, an
    extension agreed), instead of stamping every row with the moment the benchmark ran."""
    fields = [model._meta.get_field("created_at") for model in models]
    for field in fields:
        field.auto_now_add = False
    try:
        yield
    finally:
        for field in fields:
            field.auto_now_add = True


class Record:
    """Writes made-up cases straight into the tables, `CHUNK` at a time."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        site = Site.objects.get(is_default_site=True)
        settings = ComplaintProcessSettings.for_site(site)
        settings.number_of_homes = 250_000
        settings.save()
        ensure_default_exclusion_reasons(settings)
        self.reasons = list(ExclusionReason.objects.filter(settings=settings))
        calendar = working_calendar(settings)
        self.add = lru_cache(maxsize=None)(calendar.add_working_days)
        self.categories = [
            (ComplaintCategory.objects.get_or_create(name=name)[0], weight)
            for name, weight in CATEGORIES
        ]
        self.made = Case.objects.count()

    def at(self, day: dt.date) -> dt.datetime:
        rng = self.rng
        return dt.datetime.combine(day, dt.time(rng.randint(8, 16), rng.randint(0, 59)), UK_TIME)

    def happened(self, moment: dt.datetime | dt.date) -> bool:
        day = moment.date() if isinstance(moment, dt.datetime) else moment
        return day <= TODAY

    def write(self, count: int) -> None:
        with dates_as_given(Remedy, OutstandingAction, Extension):
            for first in range(0, count, CHUNK):
                self._chunk(min(CHUNK, count - first))

    def _chunk(self, count: int) -> None:
        rng = self.rng
        self.people, self.cases, self.stages, self.extensions = [], [], [], []
        self.remedies, self.actions, self.referrals = [], [], []
        self.requests, self.determinations, self.orders = [], [], []
        span = (TODAY - FIRST_RECEIVED).days
        for _ in range(count):
            self.made += 1
            day = FIRST_RECEIVED + dt.timedelta(days=rng.randrange(span + 1))
            self._case(self.at(day))
        Person.objects.bulk_create(self.people, batch_size=2000)
        Case.objects.bulk_create(self.cases, batch_size=2000)
        Stage.objects.bulk_create(self.stages, batch_size=2000)
        for model, rows in [
            (Extension, self.extensions),
            (Remedy, self.remedies),
            (OutstandingAction, self.actions),
            (OmbudsmanReferral, self.referrals),
            (EvidenceRequest, self.requests),
            (Determination, self.determinations),
            (OmbudsmanOrder, self.orders),
        ]:
            model.objects.bulk_create(rows, batch_size=2000)

    # One case

    def _case(self, received: dt.datetime) -> None:
        rng = self.rng
        kind = pick(rng, KINDS)
        person = Person(full_name=f"Resident {self.made}", email=f"r{self.made}@example.org")
        self.people.append(person)
        case = Case(
            reference=f"{REFERENCE_PREFIXES[kind]}-{received.year}-{self.made:06d}",
            kind=kind,
            status=CaseStatus.OPEN,
            channel=pick(rng, CHANNELS),
            received_at=received,
            category=pick(rng, self.categories),
            description="A made-up case for the benchmark.",
            concerns_contractor=rng.random() < 0.15,
            resident=person,
        )
        self.cases.append(case)
        if kind == CaseKind.COMPLAINT:
            self._complaint(case, received)
        elif rng.random() < 0.8:
            closed = self.at(self.add(received.date(), rng.randint(1, 8)))
            if self.happened(closed):
                case.status, case.closed_at = CaseStatus.CLOSED, closed

    def _stage(self, case, number: int, requested: dt.datetime) -> Stage:
        stage = Stage(
            case=case,
            number=number,
            requested_at=requested,
            acknowledgement_due_on=self.add(requested.date(), 5),
        )
        self.stages.append(stage)
        return stage

    def _complaint(self, case: Case, received: dt.datetime) -> None:
        rng = self.rng
        case.status = CaseStatus.LOGGED
        stage = self._stage(case, 1, received)
        roll = rng.random()
        if roll < 0.07:  # refused under a policy exclusion (Code 2.1-2.5, 8.1b)
            refused = self.at(self.add(received.date(), rng.randint(1, 5)))
            if self.happened(refused):
                stage.refused_at, stage.refusal_reason = refused, rng.choice(self.reasons)
                stage.refusal_explanation = "It happened more than a year before we were told."
                case.status = CaseStatus.NOT_ACCEPTED
            return
        if roll < 0.11:  # withdrawn before the answer
            withdrawn = self.at(self.add(received.date(), rng.randint(1, 6)))
            if self.happened(withdrawn):
                case.status, case.closed_at = CaseStatus.WITHDRAWN, withdrawn
            return
        answered = self._answer(case, stage, received, limit=10)
        if answered is None:
            return
        if rng.random() < 0.18:
            self._escalate(case, answered)
        else:
            self._close(case, answered)

    def _answer(self, case, stage: Stage, requested: dt.datetime, *, limit: int):
        """Acknowledge (mostly within 5 working days, Code 6.2/6.11), then answer on time,
        within an extension (6.4/6.15) or late; None when not yet answered by today."""
        rng = self.rng
        ack_days = rng.randint(1, 5) if rng.random() < 0.9 else rng.randint(6, 9)
        acknowledged = self.at(self.add(requested.date(), ack_days))
        if not self.happened(acknowledged):
            return None
        due = self.add(acknowledged.date(), limit)
        stage.acknowledged_at = acknowledged
        stage.definition = "The resident says the repair was not done."
        stage.response_due_on = stage.original_response_due_on = due
        case.status = CaseStatus.STAGE1 if stage.number == 1 else CaseStatus.STAGE2
        roll = rng.random()
        if roll < 0.74:
            days = rng.randint(max(2, limit // 3), limit)
        elif roll < 0.88:
            extra = rng.randint(5, limit)
            told = self.add(acknowledged.date(), limit - 2)
            if not self.happened(told):
                return None
            stage.response_due_on = self.add(due, extra)
            self.extensions.append(
                Extension(
                    stage=stage,
                    working_days=extra,
                    reason="We are waiting for a surveyor's report.",
                    resident_told_on=told,
                    previous_due_on=due,
                    new_due_on=stage.response_due_on,
                    created_at=self.at(told),
                )
            )
            days = limit + rng.randint(1, extra)
        else:
            days = limit + rng.randint(1, 8)
        responded = self.at(self.add(acknowledged.date(), days))
        if not self.happened(responded):
            return None
        stage.responded_at, stage.decision = responded, pick(rng, DECISIONS)
        stage.reasons = "We checked the repair records and visited."
        case.status = (
            CaseStatus.STAGE1_RESPONDED if stage.number == 1 else CaseStatus.STAGE2_RESPONDED
        )
        if stage.decision != Decision.NOT_UPHELD:
            self._remedies(case, stage, responded)
        return responded

    def _remedies(self, case, stage, responded: dt.datetime) -> None:
        """Putting things right (Code 7.1-7.3), and what is still to do (6.6, 6.17)."""
        rng = self.rng
        on = responded.date()
        self.remedies.append(
            Remedy(
                case=case,
                stage=stage,
                kind=RemedyKind.APOLOGY,
                description="We apologise.",
                due_on=on,
                status=RemedyStatus.DONE,
                completed_on=on,
                created_at=responded,
            )
        )
        if rng.random() < 0.45:
            amount = Decimal(rng.choice([50, 75, 100, 150, 250, 400]))
            due = self.add(on, 10)
            paid = self.add(on, rng.randint(3, 15))
            done = self.happened(paid) and rng.random() < 0.94
            self.remedies.append(
                Remedy(
                    case=case,
                    stage=stage,
                    kind=RemedyKind.FINANCIAL,
                    description="A payment for the time and trouble caused.",
                    due_on=due,
                    amount=amount,
                    time_and_trouble=amount,
                    status=RemedyStatus.DONE if done else RemedyStatus.OFFERED,
                    completed_on=paid if done else None,
                    paid_on=paid if done else None,
                    created_at=responded,
                )
            )
        if rng.random() < 0.6:
            due = self.add(on, rng.randint(5, 30))
            done = self.happened(due) and rng.random() < 0.94
            self.actions.append(
                OutstandingAction(
                    case=case,
                    stage=stage,
                    description="Finish the repair and check it with the resident.",
                    due_on=due,
                    status=ActionStatus.DONE if done else ActionStatus.OPEN,
                    completed_on=due if done else None,
                    created_at=responded,
                )
            )

    def _escalate(self, case, answered: dt.datetime) -> None:
        rng = self.rng
        requested = self.at(self.add(answered.date(), rng.randint(2, 15)))
        if not self.happened(requested):
            return self._close(case, answered)
        stage = self._stage(case, 2, requested)
        case.status = CaseStatus.STAGE2_REQUESTED
        if rng.random() < 0.05:  # escalation refused under a policy exclusion
            refused = self.at(self.add(requested.date(), 3))
            if self.happened(refused):
                stage.refused_at, stage.refusal_reason = refused, rng.choice(self.reasons)
                stage.refusal_explanation = "The Ombudsman has already looked at this."
                case.status = CaseStatus.ESCALATION_REFUSED
            return None
        final = self._answer(case, stage, requested, limit=20)
        if final is None:
            return None
        if rng.random() < 0.25:
            self._ombudsman(case, final)
        return self._close(case, final)

    def _ombudsman(self, case, answered: dt.datetime) -> None:
        """Referral, evidence within 15 working days, determination and orders (Code 8.1c)."""
        rng = self.rng
        referred = self.add(answered.date(), rng.randint(10, 40))
        if not self.happened(referred):
            return
        referral = OmbudsmanReferral(case=case, referred_on=referred)
        self.referrals.append(referral)
        asked = self.add(referred, rng.randint(5, 20))
        if not self.happened(asked):
            return
        sent = self.add(asked, rng.choice([5, 9, 12, 14, 15, 18]))
        self.requests.append(
            EvidenceRequest(
                referral=referral,
                requested_on=asked,
                due_on=self.add(asked, 15),
                sent_on=sent if self.happened(sent) else None,
            )
        )
        determined = self.add(sent, rng.randint(20, 60))
        if not self.happened(determined):
            return
        outcome = rng.choice(
            [
                DeterminationOutcome.NO_MALADMINISTRATION,
                DeterminationOutcome.SERVICE_FAILURE,
                DeterminationOutcome.MALADMINISTRATION,
                DeterminationOutcome.REDRESS,
            ]
        )
        fault = outcome in (
            DeterminationOutcome.SERVICE_FAILURE,
            DeterminationOutcome.MALADMINISTRATION,
        )
        determination = Determination(
            referral=referral,
            determined_on=determined,
            outcome=outcome,
            complaint_handling_failure=fault and rng.random() < 0.5,
            summary="The Ombudsman looked at how we handled the repair.",
        )
        self.determinations.append(determination)
        if fault:
            due = determined + dt.timedelta(days=28)
            complied = due - dt.timedelta(days=rng.randint(-5, 20))
            self.orders.append(
                OmbudsmanOrder(
                    determination=determination,
                    description="Apologise and pay £250.",
                    due_on=due,
                    complied_on=complied if self.happened(complied) else None,
                )
            )

    def _close(self, case, answered: dt.datetime) -> None:
        closed = self.at(self.add(answered.date(), self.rng.randint(5, 15)))
        if self.happened(closed) and self.rng.random() < 0.9:
            case.status, case.closed_at = CaseStatus.CLOSED, closed


def lessons(owner_cases: list[Case]) -> None:
    """A year's lessons learned, some from cases (Code 9.1-9.3)."""
    rng = random.Random(7)
    for index in range(60):
        recorded = dt.datetime.combine(
            PERIOD[0] + dt.timedelta(days=6 * index), dt.time(10), UK_TIME
        )
        done = index % 3 == 0
        lesson = Lesson.objects.create(
            theme=LessonTheme.values[index % len(LessonTheme.values)],
            what_went_wrong="Residents were not told when repairs were put back.",
            what_changed="Repair delays now send a text message.",
            status=LessonStatus.DONE if done else LessonStatus.IN_PROGRESS,
            due_on=recorded.date() + dt.timedelta(days=60),
            completed_on=recorded.date() + dt.timedelta(days=40) if done else None,
            published=done,
            public_summary="We now text you when a repair is put back." if done else "",
            recorded_at=recorded,
        )
        lesson.cases.set(rng.sample(owner_cases, 3))


def figures_and_queries(calendar) -> tuple[dict, int, float, float]:
    """The figures, the queries they took, and the wall-clock and processor seconds."""
    with CaptureQueriesContext(connection) as queries:
        started, processor = time.perf_counter(), time.process_time()
        figures = figures_for_period(*PERIOD, calendar=calendar)
        took, used = time.perf_counter() - started, time.process_time() - processor
    return figures, len(queries), took, used


def test_a_years_figures_over_100000_cases_within_budget_in_a_fixed_number_of_queries():
    if connection.vendor != "postgresql":
        pytest.fail(
            "This benchmark measures the figures on PostgreSQL, the production database. Run "
            "it with DATABASE_URL pointing at a PostgreSQL server, for example:\n"
            "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/redress_bench make bench",
            pytrace=False,
        )
    record = Record(seed=2026)
    calendar = working_calendar(
        ComplaintProcessSettings.for_site(Site.objects.get(is_default_site=True))
    )

    record.write(SMALL)
    lessons(list(Case.objects.filter(kind=CaseKind.COMPLAINT)[:200]))
    small, small_queries, _took, _used = figures_and_queries(calendar)
    assert small["volumes"]["received"] > SMALL * 0.8

    started = time.perf_counter()
    record.write(LARGE - SMALL)
    building = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
    assert Case.objects.count() == LARGE

    figures_and_queries(calendar)  # warm up: the calendar's bank holidays, the query plans
    timings, processor, counts = [], [], set()
    for _ in range(RUNS):
        figures, queries, took, used = figures_and_queries(calendar)
        timings.append(took)
        processor.append(used)
        counts.add(queries)
    median, median_processor = statistics.median(timings), statistics.median(processor)
    volumes, timeliness = figures["volumes"], figures["timeliness"]
    print(
        f"\nfigures for a year over {LARGE:,} cases ({volumes['received']:,} received in the "
        f"year, {volumes['stage1_complaints']:,} stage 1 complaints, "
        f"{volumes['stage2_escalations']:,} escalations, "
        f"{figures['outcomes']['refused']:,} refused; CH02 stage 1 "
        f"{timeliness['ch02_stage1_percent']}%): median {median:.2f} s "
        f"({median_processor:.2f} s of processor time) over {RUNS} runs, "
        f"{small_queries} queries over {SMALL:,} cases and {sorted(counts)} over {LARGE:,}; "
        f"data built in {building:.0f} s"
    )
    # The governing body's view (Code 9.4-9.7): the year and its four quarters, read together.
    quarters = [
        (dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
        (dt.date(2025, 7, 1), dt.date(2025, 9, 30)),
        (dt.date(2025, 10, 1), dt.date(2025, 12, 31)),
        (dt.date(2026, 1, 1), PERIOD[1]),
    ]
    view_processor = []
    for _ in range(RUNS):
        started = time.process_time()
        figures_for_periods([PERIOD, *quarters], calendar=calendar)
        view_processor.append(time.process_time() - started)
    view_median = statistics.median(view_processor)
    print(
        f"the year and its four quarters together: {view_median:.2f} s of processor time "
        f"(median of {RUNS})"
    )
    # The query count does not grow with the record (the figures' own promise, issue 6).
    assert counts == {small_queries}
    # The record is realistic: every part of the figures has something in it.
    assert volumes["stage2_escalations"] > 1000
    assert timeliness["stage1"]["answered"] > 30_000
    assert figures["outcomes"]["refused"] > 1000
    assert figures["remedies"]["financial_offered"] > 1000
    assert figures["ombudsman"]["determinations"] > 100
    assert figures["learning"]["recorded"] > 0
    assert median_processor < MEDIAN_BUDGET_SECONDS
    assert view_median < 2 * MEDIAN_BUDGET_SECONDS
