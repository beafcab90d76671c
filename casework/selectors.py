"""Reads: the state of a case's clocks, and the lists staff work from."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.choices import (
    ActionStatus,
    AdjustmentStatus,
    CaseStatus,
    LessonStatus,
    LessonTheme,
    RemedyStatus,
)
from casework.deadlines import UK_TIME, WorkingDayCalendar, days_left, local_date
from casework.letters.rules import LetterType
from casework.models import (
    Case,
    Extension,
    Lesson,
    Letter,
    OutstandingAction,
    ReasonableAdjustment,
    Stage,
    TimelineEntry,
)


@dataclass(frozen=True)
class Clock:
    """One deadline on a case, as it stands on `today`."""

    label: str
    provision: str
    due_on: dt.date
    done_on: dt.date | None
    days_left: int | None  # working days; negative when overdue; None once done

    @property
    def overdue(self) -> bool:
        return self.done_on is None and self.days_left is not None and self.days_left < 0

    @property
    def done_late(self) -> bool:
        return self.done_on is not None and self.done_on > self.due_on


def _clock(label, provision, due_on, done, today, calendar) -> Clock:
    done_on = local_date(done) if done else None
    return Clock(
        label=label,
        provision=provision,
        due_on=due_on,
        done_on=done_on,
        days_left=None if done_on else days_left(due_on, today, calendar),
    )


def stage_clocks(stage: Stage, *, today: dt.date, calendar: WorkingDayCalendar) -> list[Clock]:
    first = stage.number == 1
    clocks = [
        _clock(
            _("Stage %(n)d acknowledgement") % {"n": stage.number},
            "6.2" if first else "6.11",
            stage.acknowledgement_due_on,
            # A case withdrawn or closed before acknowledgement stops the clock.
            stage.acknowledged_at or stage.refused_at or stage.case.closed_at,
            today,
            calendar,
        )
    ]
    if stage.response_due_on:
        clocks.append(
            _clock(
                _("Stage %(n)d response") % {"n": stage.number},
                "6.3" if first else "6.14",
                stage.response_due_on,
                stage.responded_at or stage.case.closed_at,
                today,
                calendar,
            )
        )
    if stage.next_update_due_on and not stage.responded_at:
        clocks.append(
            _clock(_("Next agreed update"), "5.9", stage.next_update_due_on, None, today, calendar)
        )
    return clocks


def shortened(text: str, limit: int = 60) -> str:
    """`text` cut at the last whole word within `limit` characters, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,.;:") + "…"


def case_clocks(case: Case, *, today: dt.date, calendar: WorkingDayCalendar) -> list[Clock]:
    """Every clock on the case: stages, outstanding actions, remedies and Ombudsman evidence."""
    clocks = []
    for stage in sorted(case.stages.all(), key=lambda s: s.number):
        clocks.extend(stage_clocks(stage, today=today, calendar=calendar))
    for action in case.actions.all():
        if action.status != ActionStatus.CANCELLED:
            clocks.append(
                _clock(
                    _("Action: %(what)s") % {"what": shortened(action.description)},
                    "6.6",
                    action.due_on,
                    action.completed_on,
                    today,
                    calendar,
                )
            )
    for remedy in case.remedies.all():
        if remedy.due_on and remedy.status != RemedyStatus.DECLINED:
            clocks.append(
                _clock(
                    _("Remedy: %(what)s") % {"what": remedy.get_kind_display()},
                    "7.3",
                    remedy.due_on,
                    remedy.completed_on,
                    today,
                    calendar,
                )
            )
    for referral in case.ombudsman_referrals.all():
        for request in referral.evidence_requests.all():
            clocks.append(
                _clock(
                    _("Evidence to the Ombudsman"),
                    "",
                    request.due_on,
                    request.sent_on,
                    today,
                    calendar,
                )
            )
    return clocks


def cases_with_clocks(queryset: QuerySet) -> QuerySet:
    """What case_clocks reads, in a fixed number of queries however many cases there are."""
    return queryset.select_related("resident", "representative", "category").prefetch_related(
        "stages__handler",
        "actions",
        "remedies",
        "ombudsman_referrals__evidence_requests",
    )


def overdue_q(today: dt.date) -> Q:
    """Cases with a clock past its date: an open stage, an outstanding action or a remedy."""
    return (
        _work_due_q(today, "lt")
        | Q(
            stages__acknowledged_at__isnull=True,
            stages__refused_at__isnull=True,
            stages__acknowledgement_due_on__lt=today,
            status__in=[CaseStatus.LOGGED, CaseStatus.STAGE2_REQUESTED],
        )
        | Q(
            stages__responded_at__isnull=True,
            stages__response_due_on__lt=today,
            status__in=[CaseStatus.STAGE1, CaseStatus.STAGE2],
        )
    )


def due_by_q(last_day: dt.date) -> Q:
    """Cases with a clock falling due on or before `last_day`."""
    return (
        _work_due_q(last_day, "lte")
        | Q(
            stages__acknowledged_at__isnull=True,
            stages__refused_at__isnull=True,
            stages__acknowledgement_due_on__lte=last_day,
            status__in=[CaseStatus.LOGGED, CaseStatus.STAGE2_REQUESTED],
        )
        | Q(
            stages__responded_at__isnull=True,
            stages__response_due_on__lte=last_day,
            status__in=[CaseStatus.STAGE1, CaseStatus.STAGE2],
        )
    )


def _work_due_q(day: dt.date, lookup: str) -> Q:
    return Q(**{"actions__status": ActionStatus.OPEN, f"actions__due_on__{lookup}": day}) | Q(
        **{"remedies__status": RemedyStatus.OFFERED, f"remedies__due_on__{lookup}": day}
    )


def adjustment_reviews_due(*, on_or_before: dt.date) -> QuerySet:
    """Reasonable adjustments whose review has fallen due (Code 5.10: keep them under review)."""
    return ReasonableAdjustment.objects.filter(
        status=AdjustmentStatus.ACTIVE, next_review_on__lte=on_or_before
    ).select_related("person")


def actions_due(*, on_or_before: dt.date, owner=None) -> QuerySet:
    actions = OutstandingAction.objects.filter(status=ActionStatus.OPEN, due_on__lte=on_or_before)
    if owner is not None:
        actions = actions.filter(owner=owner)
    return actions.select_related("case")


def lessons_overdue(*, on: dt.date) -> QuerySet:
    """Lessons not done whose date has passed by `on` (Code 9.1: follow each change through)."""
    return (
        Lesson.objects.exclude(status=LessonStatus.DONE)
        .filter(due_on__lt=on)
        .select_related("owner")
        .order_by("due_on", "pk")
    )


def improvements_published() -> QuerySet:
    """The changes we made from complaints that residents may read about (Code 8.1d, 9.3):
    done, marked for publication, with a summary for residents. Newest first. Only the
    summary, the theme and the date are read: never the internal account or the cases."""
    return (
        Lesson.objects.filter(status=LessonStatus.DONE, published=True, completed_on__isnull=False)
        .exclude(public_summary="")
        .order_by("-completed_on", "-pk")
        .only("pk", "theme", "public_summary", "completed_on")
    )


def learning_for_publication(start: dt.date, end: dt.date) -> dict:
    """The year's learning for the public "what we have changed" list and the annual report
    (Code 8.1d, 9.3), JSON-serialisable so a page can freeze it when published.

    - `themes`: each theme with the lessons recorded and the changes completed in the period,
      busiest first. Counts only.
    - `improvements`: the completed changes marked for publication, in the order they were
      done, in the words of their summary for residents. Never the internal account of what
      went wrong, the notes, the owner or the cases: no personal data.
    """
    since = dt.datetime.combine(start, dt.time.min, tzinfo=UK_TIME)
    before = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=UK_TIME)
    recorded = Lesson.objects.filter(recorded_at__gte=since, recorded_at__lt=before)
    completed = Lesson.objects.filter(
        status=LessonStatus.DONE, completed_on__gte=start, completed_on__lte=end
    )
    counts = {theme: {"recorded": 0, "completed": 0} for theme in LessonTheme.values}
    for theme in recorded.values_list("theme", flat=True):
        counts[theme]["recorded"] += 1
    for theme in completed.values_list("theme", flat=True):
        counts[theme]["completed"] += 1
    themes = [
        {"theme": theme, "label": str(LessonTheme(theme).label), **numbers}
        for theme, numbers in counts.items()
        if numbers["recorded"] or numbers["completed"]
    ]
    themes.sort(key=lambda row: (-row["recorded"], -row["completed"], row["label"]))
    improvements = [
        {
            "theme": theme,
            "theme_label": str(LessonTheme(theme).label),
            "summary": summary,
            "completed_on": completed_on.isoformat(),
        }
        for theme, summary, completed_on in completed.filter(published=True)
        .exclude(public_summary="")
        .order_by("completed_on", "pk")
        .values_list("theme", "public_summary", "completed_on")
    ]
    return {
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "themes": themes,
        "improvements": improvements,
    }


def today() -> dt.date:
    return timezone.localdate()


# Code 6.13: who took part in stage 1, and so may not handle or decide stage 2.

STAGE1_EVENTS = ("stage1_acknowledged", "stage1_responded", "assigned", "extended")


def stage1_participant_ids(case: Case) -> set[int]:
    """Everyone who acted on stage 1's decision: its handlers (as named, and as assigned over
    time), and whoever acknowledged it, extended it, answered it or issued its letters. Read
    from the record (the stage, its extensions and letters, and the timeline up to the request
    for stage 2), so an officer who did the work without being named is found too."""
    stage1 = case.stages.filter(number=1).first()
    if stage1 is None:
        return set()
    people = {stage1.handler_id}
    people |= set(Extension.objects.filter(stage=stage1).values_list("created_by_id", flat=True))
    people |= set(Letter.objects.filter(stage=stage1).values_list("issued_by_id", flat=True))
    stage2 = case.stages.filter(number=2).first()
    entries = TimelineEntry.objects.filter(case=case, event__in=STAGE1_EVENTS)
    if stage2 is not None:
        entries = entries.filter(occurred_at__lt=stage2.requested_at)
    for actor_id, data in entries.values_list("actor_id", "data"):
        people.add(actor_id)
        if isinstance(data, dict) and data.get("handler"):
            people.add(data["handler"])
    people.discard(None)
    return people


# Code 2.4, 6.9, 6.19: a clock stops when the resident is told, in writing.


@dataclass(frozen=True)
class UnsentLetter:
    """A step recorded on a stage with no letter of its kind on file for it."""

    stage: int
    letter_type: str
    message: str


def unsent_letters(case: Case) -> list[UnsentLetter]:
    """The answers and refusals recorded on the case with no letter of their kind issued for
    their stage (the acknowledgement is emailed as it is recorded). Reads the case's stages
    (prefetched on the case page) and its letters in one query."""
    sent = set(case.letters.values_list("stage_id", "letter_type"))
    missing = []
    for stage in sorted(case.stages.all(), key=lambda s: s.number):
        n = stage.number
        steps = [
            (
                stage.responded_at,
                LetterType.STAGE1_RESPONSE if n == 1 else LetterType.STAGE2_RESPONSE,
                _(
                    "Stage %(n)d was answered on %(date)s, but no response letter is on file "
                    "(Code %(p)s)."
                ),
                "6.9" if n == 1 else "6.19",
            ),
            (
                stage.refused_at,
                LetterType.REFUSAL_TO_ACCEPT if n == 1 else LetterType.REFUSAL_TO_ESCALATE,
                _(
                    "Stage %(n)d was refused on %(date)s, but no letter explaining why is on file "
                    "(Code %(p)s)."
                ),
                "2.4",
            ),
        ]
        for when, letter_type, message, provision in steps:
            if when and (stage.pk, letter_type.value) not in sent:
                date = f"{timezone.localtime(when):%-d %B %Y}"
                missing.append(
                    UnsentLetter(
                        stage=n,
                        letter_type=letter_type.value,
                        message=message % {"n": n, "date": date, "p": provision},
                    )
                )
    return missing


# Code 6.3, 6.14: an answer recorded after its response date (as extensions moved it).


def stage_answered_late(stage: Stage) -> bool:
    return bool(
        stage.responded_at
        and stage.response_due_on
        and timezone.localtime(stage.responded_at, UK_TIME).date() > stage.response_due_on
    )


def answered_late_case_ids() -> QuerySet:
    """The cases with a stage answered after its response date, as a subquery of case ids."""
    return (
        Stage.objects.filter(responded_at__isnull=False, response_due_on__isnull=False)
        .annotate(answered_on=TruncDate("responded_at", tzinfo=UK_TIME))
        .filter(answered_on__gt=F("response_due_on"))
        .values("case_id")
    )
