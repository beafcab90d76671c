"""Recording and updating lessons learned from complaints (Code 9.1-9.3). Each linked case gets a
staff-only timeline entry, in the same transaction, so its full record shows what it taught us."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.choices import LessonStatus, LessonTheme
from casework.learning import lesson_problems
from casework.models import Case, Lesson
from casework.services.record import refuse_if, timeline_record


class _Keep:
    """The value of an argument to `learning_update` that was not given: keep the field as is."""

    def __repr__(self):
        return "KEEP"


KEEP: Any = _Keep()

_FIELDS = [
    "theme",
    "what_went_wrong",
    "what_changed",
    "public_summary",
    "notes",
    "owner",
    "status",
    "due_on",
    "completed_on",
    "published",
]


def _check(lesson: Lesson) -> None:
    refuse_if(
        list(
            lesson_problems(
                theme=lesson.theme,
                what_went_wrong=lesson.what_went_wrong,
                what_changed=lesson.what_changed,
                owner_id=lesson.owner_id,
                due_on=lesson.due_on,
                status=lesson.status,
                completed_on=lesson.completed_on,
                published=lesson.published,
                public_summary=lesson.public_summary,
                today=timezone.localdate(),
            ).values()
        )
    )


def _summary(lesson: Lesson) -> str:
    return _("%(what)s (%(theme)s; %(status)s; to be done by %(due)s)") % {
        "what": lesson.what_changed,
        "theme": LessonTheme(lesson.theme).label,
        "status": LessonStatus(lesson.status).label.lower(),
        "due": f"{lesson.due_on:%-d %B %Y}",
    }


@transaction.atomic
def learning_record(
    *,
    actor,
    theme: str,
    what_went_wrong: str,
    what_changed: str,
    owner,
    due_on: dt.date | None,
    status: str = LessonStatus.PLANNED,
    completed_on: dt.date | None = None,
    public_summary: str = "",
    notes: str = "",
    published: bool = False,
    cases: Iterable[Case] = (),
) -> Lesson:
    """Log a lesson learned (Code 9.1), optionally from one or more cases."""
    lesson = Lesson(
        theme=theme,
        what_went_wrong=(what_went_wrong or "").strip(),
        what_changed=(what_changed or "").strip(),
        public_summary=(public_summary or "").strip(),
        notes=(notes or "").strip(),
        owner=owner,
        status=status,
        due_on=due_on,
        completed_on=completed_on,
        published=published,
        recorded_by=actor,
    )
    _check(lesson)
    lesson.save()
    cases = list(cases)
    lesson.cases.set(cases)
    for case in cases:
        timeline_record(
            case=case,
            actor=actor,
            event="lesson_recorded",
            summary=_("Lesson learned from this case: %(lesson)s") % {"lesson": _summary(lesson)},
            data={"lesson": lesson.pk, "status": lesson.status},
        )
    return lesson


@transaction.atomic
def learning_update(
    *,
    lesson: Lesson,
    actor,
    theme: str = KEEP,
    what_went_wrong: str = KEEP,
    what_changed: str = KEEP,
    public_summary: str = KEEP,
    notes: str = KEEP,
    owner=KEEP,
    status: str = KEEP,
    due_on: dt.date | None = KEEP,
    completed_on: dt.date | None = KEEP,
    published: bool = KEEP,
    cases: Iterable[Case] = KEEP,
) -> Lesson:
    """Change a lesson: its progress, its owner, what it says, the cases it came from.

    Only the arguments given change. Each case linked before or after gets a timeline entry
    naming what changed.
    """
    given = {
        "theme": theme,
        "what_went_wrong": what_went_wrong,
        "what_changed": what_changed,
        "public_summary": public_summary,
        "notes": notes,
        "owner": owner,
        "status": status,
        "due_on": due_on,
        "completed_on": completed_on,
        "published": published,
    }
    changed = []
    for name in _FIELDS:
        value = given[name]
        if value is KEEP:
            continue
        if isinstance(value, str):
            value = value.strip()
        if getattr(lesson, name) != value:
            setattr(lesson, name, value)
            changed.append(name)
    _check(lesson)
    before = {case.pk: case for case in lesson.cases.all()}
    after = before if cases is KEEP else {case.pk: case for case in cases}
    if not changed and after.keys() == before.keys():
        return lesson
    lesson.save()
    if after.keys() != before.keys():
        lesson.cases.set(list(after.values()))
    if after.keys() != before.keys():
        changed.append("cases")
    labels = ", ".join(str(Lesson._meta.get_field(name).verbose_name) for name in changed)
    for pk, case in {**before, **after}.items():
        if pk not in after:
            summary = _("No longer linked to the lesson learned: %(lesson)s")
        elif pk not in before:
            summary = _("Lesson learned from this case: %(lesson)s")
        else:
            summary = _("Lesson learned updated (%(changed)s): %(lesson)s")
        timeline_record(
            case=case,
            actor=actor,
            event="lesson_updated",
            summary=summary % {"lesson": _summary(lesson), "changed": labels},
            data={"lesson": lesson.pk, "status": lesson.status, "changed": changed},
        )
    return lesson
