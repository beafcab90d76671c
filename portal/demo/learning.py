"""The demo landlord's lessons learned from complaints (Code 8.1d, 9.1-9.3; issue 6), so a new
user sees a log with something in every state: changes done and published for residents, one
done but kept internal, some planned or under way, and one past its date.

Each lesson is recorded through `casework.services.learning_record`, with the clock set to the
day it was recorded, and finished through `learning_update` on the day it was done, so the
linked cases' timelines and the learning figures read as they would have. Lessons that come from
cases are linked to demo complaints about the same thing received before the lesson was
recorded.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import time_machine
from django.db import transaction

from casework import services
from casework.choices import CaseKind, LessonStatus, LessonTheme
from casework.models import Case, Lesson
from portal.demo.cases import demo_staff

LONDON = ZoneInfo("Europe/London")


@dataclass(frozen=True)
class DemoLesson:
    theme: str
    what_went_wrong: str
    what_changed: str
    owner: int  # 0 is the complaints officer; 1-4 the investigators
    recorded: int  # days before today
    due_after: int  # days after it was recorded
    status: str = LessonStatus.PLANNED
    done_after: int | None = None  # days after it was recorded
    public_summary: str = ""
    published: bool = False
    category: str = ""  # link complaints in this category received before it was recorded
    cases: int = 0
    notes: str = ""


LESSONS = [
    DemoLesson(
        theme=LessonTheme.DAMP_AND_MOULD,
        what_went_wrong="Mould was wiped down and painted over without finding the cause, and "
        "it came back within weeks in several homes.",
        what_changed="A surveyor now inspects every damp and mould report within 10 working "
        "days, and the cause is fixed before any redecorating.",
        owner=1,
        recorded=330,
        due_after=90,
        status=LessonStatus.DONE,
        done_after=76,
        public_summary="When you report damp or mould, a surveyor now visits within 10 working "
        "days. We fix the cause, such as a leak or poor ventilation, before we redecorate.",
        published=True,
        category="Damp and mould",
        cases=3,
    ),
    DemoLesson(
        theme=LessonTheme.REPAIRS,
        what_went_wrong="Repair appointments were missed without warning; residents took time "
        "off work and nobody came.",
        what_changed="Residents get a text the day before and on the morning of each repair "
        "appointment, and a call if the operative is running late.",
        owner=2,
        recorded=300,
        due_after=60,
        status=LessonStatus.DONE,
        done_after=52,
        public_summary="We now send you a text the day before a repair appointment and on the "
        "morning itself. If we are running late, we will ring you.",
        published=True,
        category="Repairs",
        cases=4,
    ),
    DemoLesson(
        theme=LessonTheme.COMMUNICATION,
        what_went_wrong="Residents whose complaint answer was extended heard nothing from us "
        "until the new date.",
        what_changed="When an answer will take longer, the handler agrees with the resident how "
        "often we will update them (Code 5.9), and the case list shows when the next update is "
        "due.",
        owner=0,
        recorded=270,
        due_after=45,
        status=LessonStatus.DONE,
        done_after=40,
        public_summary="If we need more time to answer your complaint, we now agree with you "
        "how often we will update you, and we keep to it.",
        published=True,
        category="Repairs",
        cases=2,
    ),
    DemoLesson(
        theme=LessonTheme.COMPLAINT_HANDLING,
        what_went_wrong="Some stage 1 answers did not set out what the complaint was about, so "
        "residents could not tell whether every point had been answered.",
        what_changed="Every stage 1 and stage 2 answer now starts with our understanding of the "
        "complaint, and a second officer checks each point is answered before it is sent.",
        owner=0,
        recorded=240,
        due_after=60,
        status=LessonStatus.DONE,
        done_after=35,
        public_summary="Our answers to complaints now start by setting out what we understand "
        "your complaint to be, and a second person checks we have answered every part.",
        published=True,
        category="Staff conduct",
        cases=2,
    ),
    DemoLesson(
        theme=LessonTheme.CONTRACTORS,
        what_went_wrong="Complaints about our repairs contractor were passed to the contractor "
        "to answer, outside our own two stages.",
        what_changed="Complaints about contractors now come to our complaints team and follow "
        "our two stages (Code 5.4). The contract says the contractor must send us what we need "
        "within 5 working days.",
        owner=3,
        recorded=210,
        due_after=90,
        status=LessonStatus.DONE,
        done_after=84,
        public_summary="If you complain about one of our contractors, we now deal with it "
        "ourselves, in the same two stages as any other complaint.",
        published=True,
        category="Repairs",
        cases=2,
    ),
    DemoLesson(
        theme=LessonTheme.ACCESSIBILITY,
        what_went_wrong="A resident who had asked for large print was still sent standard letters.",
        what_changed="Agreed reasonable adjustments show at the top of every case and are "
        "applied to letters when they are issued; each is reviewed every year (Code 5.10).",
        owner=0,
        recorded=180,
        due_after=30,
        status=LessonStatus.DONE,
        done_after=28,
        public_summary="If we have agreed to change how we contact you, for example large print "
        "or phone calls only, every letter and call about your complaint now follows it.",
        published=True,
    ),
    DemoLesson(
        theme=LessonTheme.RECORD_KEEPING,
        what_went_wrong="Phone calls about complaints were not always noted, so the record did "
        "not show what the resident had been told.",
        what_changed="Staff note every call on the case the same day, and the complaints "
        "officer checks a sample of cases each month (Code 5.12).",
        owner=0,
        recorded=150,
        due_after=30,
        status=LessonStatus.DONE,
        done_after=21,
        notes="Internal change only: nothing for residents to notice, so not published.",
        category="Rent and service charges",
        cases=1,
    ),
    DemoLesson(
        theme=LessonTheme.STAFF_KNOWLEDGE,
        what_went_wrong="New contact centre staff did not recognise a complaint when the "
        "resident did not use the word (Code 1.3).",
        what_changed="Every contact centre adviser completes complaints training in their first "
        "month, with a refresher each year.",
        owner=4,
        recorded=120,
        due_after=150,
        status=LessonStatus.IN_PROGRESS,
        category="Estate services and cleaning",
        cases=2,
    ),
    DemoLesson(
        theme=LessonTheme.NEIGHBOURHOODS,
        what_went_wrong="Reports of anti-social behaviour were closed without telling the "
        "person who reported them what had been done.",
        what_changed="Each report gets an action plan agreed with the resident, and a call "
        "before it is closed.",
        owner=1,
        recorded=95,
        due_after=120,
        status=LessonStatus.IN_PROGRESS,
        category="Anti-social behaviour",
        cases=3,
    ),
    DemoLesson(
        theme=LessonTheme.REPAIRS,
        what_went_wrong="Complaints about communal repairs were passed back and forth between "
        "the repairs and estate services teams.",
        what_changed="One team owns every communal repair from the first report to the check "
        "that it is done.",
        owner=2,
        recorded=110,
        due_after=75,  # past its date: the overdue list shows it
        status=LessonStatus.IN_PROGRESS,
        category="Estate services and cleaning",
        cases=2,
    ),
    DemoLesson(
        theme=LessonTheme.POLICY,
        what_went_wrong="Our compensation guidance was out of date, so similar complaints were "
        "offered different amounts.",
        what_changed="A new remedies policy following the Ombudsman's remedies guidance (Code "
        "7.4), with a table of amounts, for the Board to approve.",
        owner=0,
        recorded=60,
        due_after=120,
    ),
    DemoLesson(
        theme=LessonTheme.COMMUNICATION,
        what_went_wrong="Rent and service charge letters used words residents did not "
        "understand, which led to complaints about charges that were correct.",
        what_changed="Rewrite the rent and service charge letters in plain English and test "
        "them with the residents' panel.",
        owner=3,
        recorded=30,
        due_after=90,
        category="Rent and service charges",
        cases=2,
    ),
]


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(11, 0), tzinfo=LONDON)


def _cases(lesson: DemoLesson, before: dt.datetime) -> list[Case]:
    if not lesson.cases:
        return []
    return list(
        Case.objects.filter(
            kind=CaseKind.COMPLAINT, category__name=lesson.category, received_at__lt=before
        ).order_by("-received_at", "pk")[: lesson.cases]
    )


def demo_lessons_record(*, officer, today: dt.date) -> int:
    """Fill an empty lessons-learned log with the demo's lessons. Returns how many were made;
    makes none when the log has any lesson already."""
    if Lesson.objects.exists():
        return 0
    staff = demo_staff(officer)
    owners = [staff.officer, *staff.investigators]
    with transaction.atomic():  # the whole log or none of it, so a second run can fill it
        for lesson in LESSONS:
            _record(lesson, officer=officer, owner=owners[lesson.owner], today=today)
    return len(LESSONS)


def _record(lesson: DemoLesson, *, officer, owner, today: dt.date) -> None:
    recorded = _at(today - dt.timedelta(days=lesson.recorded))
    with time_machine.travel(recorded, tick=False):
        made = services.learning_record(
            actor=officer,
            theme=lesson.theme,
            what_went_wrong=lesson.what_went_wrong,
            what_changed=lesson.what_changed,
            owner=owner,
            due_on=recorded.date() + dt.timedelta(days=lesson.due_after),
            status=LessonStatus.IN_PROGRESS
            if lesson.status != LessonStatus.PLANNED
            else LessonStatus.PLANNED,
            notes=lesson.notes,
            cases=_cases(lesson, recorded),
        )
    if lesson.status == LessonStatus.DONE:
        done = recorded.date() + dt.timedelta(days=lesson.done_after)
        with time_machine.travel(_at(done), tick=False):
            services.learning_update(
                lesson=made,
                actor=officer,
                status=LessonStatus.DONE,
                completed_on=done,
                public_summary=lesson.public_summary,
                published=lesson.published,
            )
