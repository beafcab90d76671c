"""Made-up cases for the demo landlord, from the start of its last reporting year to today, so
that a new user sees real figures, a busy case list and a dashboard with something due, and the
demo's annual report covers a whole year (issue 6).

Every case is made through casework's services, as staff would make it, with the clock set to
the moment each step happened (time-machine), so received, acknowledged, extended, answered and
escalated dates are consistent with the working-day rules and the timeline reads as it would.
The spread is realistic rather than uniform: most complaints are answered on time, some after an
extension, some late; some are refused, withdrawn, escalated, or taken to the Ombudsman.

The people are invented (names from a fixed list, addresses on made-up streets, email addresses
at example.org, which RFC 2606 reserves). Their emails are marked as sent when made, so the
outbox shows only what the developer does after loading the demo.
"""

import datetime as dt
import random
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import F

from casework import services
from casework.choices import (
    CaseKind,
    Channel,
    Decision,
    DeterminationOutcome,
    RemedyKind,
    RepresentativeType,
)
from casework.deadlines import WorkingDayCalendar
from casework.models import Case, ComplaintCategory, ExclusionReason, OutboundEmail
from casework.services.cases import PersonDetails
from portal.demo.self_assessment import reporting_year

LONDON = ZoneInfo("Europe/London")
POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"

CATEGORIES = [
    "Repairs",
    "Damp and mould",
    "Anti-social behaviour",
    "Rent and service charges",
    "Staff conduct",
    "Estate services and cleaning",
    "Lettings and moves",
]
# How often each category comes up, roughly as social landlords report it.
CATEGORY_WEIGHTS = [38, 18, 12, 10, 8, 9, 5]

CHANNELS = [
    (Channel.ONLINE, 34),
    (Channel.PHONE, 30),
    (Channel.EMAIL, 20),
    (Channel.LETTER, 4),
    (Channel.IN_PERSON, 5),
    (Channel.SOCIAL_MEDIA, 3),
    (Channel.CONTRACTOR, 2),
    (Channel.COUNCILLOR_OR_MP, 2),
]
KINDS = [
    (CaseKind.COMPLAINT, 58),
    (CaseKind.SERVICE_REQUEST, 30),
    (CaseKind.COMPLIMENT, 6),
    (CaseKind.COMMENT, 6),
]

FIRST_NAMES = [
    "Amara", "Ben", "Chloe", "Dariusz", "Ella", "Farah", "George", "Hannah", "Imran", "Jade",
    "Kwame", "Lily", "Mohammed", "Nia", "Oliver", "Patrycja", "Rhys", "Sana", "Tomasz", "Uzma",
    "Victor", "Wendy", "Yusuf", "Zara", "Aled", "Bronwen", "Callum", "Deepa", "Eilidh", "Femi",
]  # fmt: skip
LAST_NAMES = [
    "Adeyemi", "Baker", "Begum", "Clarke", "Davies", "Evans", "Green", "Hughes", "Iqbal",
    "Jones", "Khan", "Lewis", "Mensah", "Nowak", "Owen", "Patel", "Quinn", "Roberts", "Singh",
    "Taylor", "Wiśniewski", "Williams", "Young", "Ahmed", "Morgan",
]  # fmt: skip
STREETS = [
    "Market Street", "River Road", "Chapel Lane", "Station Road", "Orchard Close",
    "Victoria Court", "Mill Lane", "Park View", "Church Walk", "Albion Terrace",
]  # fmt: skip

WHAT_HAPPENED = {
    "Repairs": [
        "The boiler has broken down three times this winter and the engineer did not come when "
        "booked.",
        "The kitchen tap has leaked for two months. I reported it twice and nobody came.",
        "The front door does not lock properly. The repair was marked as done but it was not.",
    ],
    "Damp and mould": [
        "There is black mould in the children's bedroom. It came back after it was painted over.",
        "Damp is coming through the bathroom wall and the plaster is falling off.",
    ],
    "Anti-social behaviour": [
        "My neighbour plays loud music every night. I reported it four times and heard nothing.",
        "People gather in the stairwell at night. I asked for the door entry system to be fixed.",
    ],
    "Rent and service charges": [
        "My rent account shows arrears that I do not owe. I sent proof of my payments.",
        "The service charge went up with no explanation of what it pays for.",
    ],
    "Staff conduct": [
        "The officer who visited was rude to me and would not listen.",
        "I was promised a call back three times and nobody rang.",
    ],
    "Estate services and cleaning": [
        "The communal areas have not been cleaned for weeks and the bins overflow.",
        "The grass on the estate has not been cut all summer.",
    ],
    "Lettings and moves": [
        "My transfer application has been waiting for a year with no update.",
        "The flat I moved into was not clean and the cooker did not work.",
    ],
}
OUTCOMES = [
    "Fix the problem for good and tell me when it will be done.",
    "An apology and a date for the repair.",
    "Compensation for the time I have been without it.",
    "Someone to explain what went wrong.",
]
REASONS = [
    "Our records show the first two appointments were missed. The repair was finished on the "
    "third visit.",
    "We checked the account. Two payments were posted to the wrong week; we have corrected it.",
    "We spoke to the staff involved and listened to the call recording.",
    "We inspected the property and found the problem described.",
]


@dataclass
class Staff:
    officer: object
    investigators: list


LATE_REASONS = [
    "The contractor's report came in later than they promised.",
    "The handler was off sick and the case was not passed on in time.",
    "We were waiting for the resident to let us in for an inspection.",
]


def _at(day: dt.date, rng: random.Random, *, start_hour: int = 9) -> dt.datetime:
    """A moment in office hours on `day`, London time."""
    return dt.datetime.combine(
        day, dt.time(rng.randint(start_hour, 16), rng.randint(0, 59)), tzinfo=LONDON
    )


def _weighted(rng: random.Random, options):
    values, weights = zip(*options, strict=True)
    return rng.choices(values, weights=weights, k=1)[0]


def demo_staff(officer) -> Staff:
    """The complaints officer and four investigators who handle the demo cases. They cannot
    sign in: they have no usable password."""
    user_model = get_user_model()
    investigator_group = Group.objects.get(name="Investigator")
    investigators = []
    for first, last in [("Priya", "Shah"), ("Tom", "Evans"), ("Grace", "Okafor"), ("Dan", "Lee")]:
        username = f"{first}.{last}".lower()
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.org"},
        )
        if created:
            user.set_unusable_password()
            user.save()
            user.groups.add(investigator_group)
        investigators.append(user)
    return Staff(officer=officer, investigators=investigators)


def demo_categories() -> list[ComplaintCategory]:
    return [ComplaintCategory.objects.get_or_create(name=name)[0] for name in CATEGORIES]


class CaseStory:
    """One case, from receipt to wherever it had got to by `today`."""

    def __init__(self, rng, calendar: WorkingDayCalendar, staff: Staff, today: dt.date):
        self.rng = rng
        self.calendar = calendar
        self.staff = staff
        self.today = today

    def happened(self, when: dt.datetime) -> bool:
        return when.date() <= self.today

    def person(self) -> PersonDetails:
        rng = self.rng
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        handle = f"{first}.{last}{rng.randint(1, 99)}".lower().replace("ś", "s")
        method = rng.choices(["email", "phone", "letter"], weights=[75, 18, 7])[0]
        return PersonDetails(
            full_name=f"{first} {last}",
            email=f"{handle}@example.org",
            phone=f"07700 9{rng.randint(0, 99999):05d}",
            postal_address=f"{rng.randint(1, 120)} {rng.choice(STREETS)}\nExampleton",
            postcode=f"EX{rng.randint(1, 9)} {rng.randint(1, 9)}"
            + "".join(rng.choices(POSTCODE_LETTERS, k=2)),
            preferred_contact_method=method,
        )

    def handler(self, *, not_this=None):
        choices = [u for u in self.staff.investigators if u != not_this]
        return self.rng.choice(choices)

    def tell(self, received: dt.datetime, categories: list[ComplaintCategory]) -> Case | None:
        rng = self.rng
        kind = _weighted(rng, KINDS)
        channel = _weighted(rng, CHANNELS)
        category = rng.choices(categories, weights=CATEGORY_WEIGHTS, k=1)[0]
        representative, representative_type = None, ""
        if channel == Channel.COUNCILLOR_OR_MP:
            representative = PersonDetails(
                full_name="Cllr Rhiannon Price", email="cllr@example.org"
            )
            representative_type = RepresentativeType.COUNCILLOR
        with time_machine.travel(received, tick=False):
            case = services.case_log(
                kind=kind,
                channel=channel,
                description=rng.choice(WHAT_HAPPENED[category.name]),
                outcome_wanted=rng.choice(OUTCOMES) if kind == CaseKind.COMPLAINT else "",
                resident=self.person(),
                received_at=received,
                category=category,
                concerns_contractor=rng.random() < 0.15,
                contractor_name="Swift Repairs Ltd" if rng.random() < 0.5 else "",
                representative=representative,
                representative_type=representative_type,
                actor=self.staff.officer if channel != Channel.ONLINE else None,
            )
        if kind == CaseKind.COMPLAINT:
            self.complaint(case, received)
        elif kind != CaseKind.SERVICE_REQUEST or rng.random() < 0.8:
            closed = _at(self.calendar.add_working_days(received.date(), rng.randint(1, 8)), rng)
            if self.happened(closed):
                with time_machine.travel(closed, tick=False):
                    services.case_close(case=case, actor=self.staff.officer)
        return case

    # A complaint, stage by stage

    def complaint(self, case: Case, received: dt.datetime) -> None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.07:
            return self.refuse(case, received)
        if roll < 0.11:
            return self.withdraw(case, received, days=rng.randint(1, 6))
        # Most are acknowledged within the 5 working days (Code 6.2); some are late.
        ack_days = rng.randint(1, 5) if rng.random() < 0.9 else rng.randint(6, 9)
        acknowledged = _at(self.calendar.add_working_days(received.date(), ack_days), rng)
        if not self.happened(acknowledged):
            return None
        handler = self.handler()
        with time_machine.travel(acknowledged, tick=False):
            services.complaint_acknowledge(
                case=case,
                actor=self.staff.officer,
                definition=f"The resident says: {case.description}",
                outcomes_sought=case.outcome_wanted or "Put things right.",
                handler=handler,
                conflict_of_interest="None",
                acknowledged_at=acknowledged,
            )
        answered = self.answer(case, acknowledged, handler, stage=1)
        if answered is None:
            return None
        if rng.random() < 0.18:
            return self.escalate(case, answered, handler)
        return self.close(case, answered, days=rng.randint(5, 15))

    def answer(self, case, acknowledged: dt.datetime, handler, *, stage: int):
        """Respond within the timescale (10 or 20 working days, Code 6.3/6.14), within an
        extension (6.4/6.15), or late. Returns when, or None if not yet by today."""
        rng = self.rng
        limit = 10 if stage == 1 else 20
        roll = rng.random()
        if roll < 0.74:
            days = rng.randint(max(2, limit // 3), limit)
        elif roll < 0.88:
            extension = rng.randint(5, limit)
            told = _at(self.calendar.add_working_days(acknowledged.date(), limit - 2), rng)
            if not self.happened(told):
                return None
            with time_machine.travel(told, tick=False):
                services.stage_extend(
                    case=case,
                    actor=handler,
                    working_days=extension,
                    reason="We are waiting for a surveyor's report before we can answer.",
                    resident_told_on=told.date(),
                    ombudsman_details_given=True,
                )
            days = limit + rng.randint(1, extension)
        else:
            days = limit + rng.randint(1, 8)
        responded = _at(self.calendar.add_working_days(acknowledged.date(), days), rng)
        if not self.happened(responded):
            return None
        decision = rng.choices(
            [Decision.UPHELD, Decision.PARTLY_UPHELD, Decision.NOT_UPHELD], weights=[35, 27, 38]
        )[0]
        with time_machine.travel(responded, tick=False):
            if decision != Decision.NOT_UPHELD:
                self.remedies(case, handler, responded.date())
            services.stage_respond(
                case=case,
                actor=handler,
                decision=decision,
                reasons=rng.choice(REASONS),
                no_remedy_reason=(
                    "We found the service was delivered as promised."
                    if decision == Decision.NOT_UPHELD
                    else ""
                ),
                actions_confirmed=True,
                # Recorded only when the answer is late (Code 6.3, 6.14).
                late_reason=LATE_REASONS[case.pk % len(LATE_REASONS)],
            )
        return responded

    def remedies(self, case, handler, on: dt.date) -> None:
        rng = self.rng
        services.remedy_add(
            case=case,
            actor=handler,
            kind=RemedyKind.APOLOGY,
            description="We apologise for the delay and the trouble it caused.",
            due_on=on,
        )
        if rng.random() < 0.45:
            time_and_trouble = Decimal(rng.choice([25, 50, 75, 100]))
            distress = Decimal(rng.choice([0, 50, 100, 150, 250]))
            services.remedy_add(
                case=case,
                actor=handler,
                kind=RemedyKind.FINANCIAL,
                description="A payment for the time, trouble and distress caused.",
                due_on=self.calendar.add_working_days(on, 10),
                amount=time_and_trouble + distress,
                time_and_trouble=time_and_trouble,
                distress_and_inconvenience=distress,
            )
        if rng.random() < 0.6:
            services.action_add(
                case=case,
                actor=handler,
                description="Complete the outstanding repair and check it with the resident.",
                owner=handler,
                due_on=self.calendar.add_working_days(on, rng.randint(5, 30)),
            )

    def escalate(self, case, answered: dt.datetime, stage1_handler) -> None:
        rng = self.rng
        requested = _at(self.calendar.add_working_days(answered.date(), rng.randint(2, 15)), rng)
        if not self.happened(requested):
            return self.close(case, answered, days=20)
        with time_machine.travel(requested, tick=False):
            services.escalation_request(
                case=case,
                detail="I am not happy with the answer: the problem is still there.",
                requested_at=requested,
                actor_label="Resident",
            )
        acknowledged = _at(self.calendar.add_working_days(requested.date(), rng.randint(1, 5)), rng)
        if not self.happened(acknowledged):
            return None
        handler = self.handler(not_this=stage1_handler)  # Code 6.13
        with time_machine.travel(acknowledged, tick=False):
            services.complaint_acknowledge(
                case=case,
                actor=self.staff.officer,
                definition="The resident says the stage 1 answer did not put things right.",
                outcomes_sought="A fresh look and the problem fixed.",
                handler=handler,
                conflict_of_interest="None",
                acknowledged_at=acknowledged,
            )
        answered = self.answer(case, acknowledged, handler, stage=2)
        if answered is None:
            return None
        if rng.random() < 0.25:
            self.ombudsman(case, answered)
        return self.close(case, answered, days=rng.randint(5, 15))

    def ombudsman(self, case, answered: dt.datetime) -> None:
        rng = self.rng
        referred = self.calendar.add_working_days(answered.date(), rng.randint(10, 40))
        if referred > self.today:
            return
        officer = self.staff.officer
        with time_machine.travel(_at(referred, rng), tick=False):
            referral = services.ombudsman_referral_record(
                case=case,
                actor=officer,
                referred_on=referred,
                ombudsman_reference=f"2026{rng.randint(100000, 999999)}",
            )
        asked = self.calendar.add_working_days(referred, rng.randint(5, 20))
        if asked > self.today:
            return
        with time_machine.travel(_at(asked, rng), tick=False):
            request = services.evidence_request_record(
                referral=referral, actor=officer, requested_on=asked, what="The complaint file."
            )
        sent = self.calendar.add_working_days(asked, rng.choice([5, 9, 12, 14, 15, 18]))
        if sent > self.today:
            return
        with time_machine.travel(_at(sent, rng), tick=False):
            services.evidence_sent(
                request=request,
                actor=officer,
                sent_on=sent,
                late_explanation=""
                if sent <= self.calendar.add_working_days(asked, 15)
                else ("The file was held by our repairs contractor."),
            )
        determined = self.calendar.add_working_days(sent, rng.randint(20, 60))
        if determined > self.today:
            return
        outcome = rng.choice(
            [
                DeterminationOutcome.NO_MALADMINISTRATION,
                DeterminationOutcome.SERVICE_FAILURE,
                DeterminationOutcome.MALADMINISTRATION,
                DeterminationOutcome.REDRESS,
            ]
        )
        found_fault = outcome in (
            DeterminationOutcome.SERVICE_FAILURE,
            DeterminationOutcome.MALADMINISTRATION,
        )
        orders = []
        if found_fault:
            orders = [("Apologise and pay £250 for distress.", determined + dt.timedelta(days=28))]
        with time_machine.travel(_at(determined, rng), tick=False):
            services.determination_record(
                referral=referral,
                actor=officer,
                determined_on=determined,
                outcome=outcome,
                summary="The Ombudsman looked at how we handled the repair and the complaint.",
                complaint_handling_failure=found_fault and rng.random() < 0.5,
                orders=orders,
            )

    def refuse(self, case, received: dt.datetime) -> None:
        rng = self.rng
        when = _at(self.calendar.add_working_days(received.date(), rng.randint(1, 5)), rng)
        if not self.happened(when):
            return
        reason = rng.choice(list(ExclusionReason.objects.all()))
        with time_machine.travel(when, tick=False):
            services.complaint_refuse(
                case=case,
                actor=self.staff.officer,
                exclusion_reason=reason,
                explanation="The events happened more than a year before the resident told "
                "us, and the resident knew of them at the time.",
            )

    def withdraw(self, case, since: dt.datetime, *, days: int) -> None:
        when = _at(self.calendar.add_working_days(since.date(), days), self.rng)
        if self.happened(when):
            with time_machine.travel(when, tick=False):
                services.case_withdraw(
                    case=case,
                    reason="The resident says the problem is now sorted.",
                    actor=self.staff.officer,
                )

    def close(self, case, answered: dt.datetime, *, days: int) -> None:
        """Complete what was promised as each falls due (Code 7.3), then close the case once
        nothing is left; a few promises slip and stay overdue, keeping their case open."""
        when = _at(self.calendar.add_working_days(answered.date(), days), self.rng)
        officer = self.staff.officer
        pending = [
            *(("remedy", r) for r in case.remedies.filter(completed_on__isnull=True)),
            *(("action", a) for a in case.actions.filter(completed_on__isnull=True)),
        ]
        last = when.date()
        for kind, item in pending:
            done_on = item.due_on or answered.date()
            if done_on > self.today or self.rng.random() < 0.06:
                return  # still to do, or overdue: the case stays open
            with time_machine.travel(_at(done_on, self.rng), tick=False):
                if kind == "remedy":
                    services.remedy_complete(remedy=item, actor=officer, completed_on=done_on)
                else:
                    services.action_complete(action=item, actor=officer, completed_on=done_on)
            last = max(last, done_on)
        when = max(when, _at(last, self.rng))
        if self.happened(when):
            with time_machine.travel(when, tick=False):
                services.case_close(case=case, actor=officer)


def demo_cases_generate(
    *, officer, calendar: WorkingDayCalendar, today: dt.date, count: int, seed: int = 2026
) -> int:
    """Make `count` cases received from the start of the last complete April-to-March
    reporting year up to `today` (the same ones for the same seed), so the demo's annual report
    and self-assessment cover a whole year of them. Returns how many were made; makes none when
    any case exists already."""
    if Case.objects.exists():
        return 0
    rng = random.Random(seed)  # noqa: S311 - made-up data, the same every time
    staff = demo_staff(officer)
    categories = demo_categories()
    story = CaseStory(rng, calendar, staff, today)
    start = reporting_year(today)[0]
    span = (today - start).days
    days = sorted(start + dt.timedelta(days=rng.randrange(span)) for _ in range(count))
    first_email = OutboundEmail.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    with transaction.atomic():
        for day in days:
            # Online forms come in at any hour; the rest in office hours.
            story.tell(_at(day, rng, start_hour=8), categories)
        # Made-up history: its emails count as sent when they were written.
        OutboundEmail.objects.filter(pk__gt=first_email).update(
            status=OutboundEmail.Status.SENT, sent_at=F("created_at")
        )
    return count
