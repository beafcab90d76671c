"""Learning from complaints (Code 8.1d, 9.1-9.4): lessons recorded and changes completed in the
period, and those still open at its end, overdue or not."""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from casework.choices import LessonStatus, LessonTheme
from casework.figures.common import DataQuality, Period, day
from casework.models import Lesson


def learning_figures(period: Period, quality: DataQuality) -> dict:
    start, end = period.start, period.end
    recorded_in_period = Q(recorded_at__gte=period.since, recorded_at__lt=period.before)
    completed_in_period = Q(completed_on__gte=start, completed_on__lte=end)
    open_at_end = Q(recorded_at__lt=period.before) & (
        Q(completed_on__isnull=True) | Q(completed_on__gt=end)
    )
    lessons = list(
        Lesson.objects.filter(recorded_in_period | completed_in_period | open_at_end)
        .annotate(from_cases=Exists(Lesson.cases.through.objects.filter(lesson_id=OuterRef("pk"))))
        .values(
            "pk",
            "theme",
            "status",
            "recorded_at",
            "due_on",
            "completed_on",
            "published",
            "from_cases",
        )
    )
    recorded = [row for row in lessons if period.holds(day(row["recorded_at"]))]
    completed = []
    for row in lessons:
        if row["status"] == LessonStatus.DONE and row["completed_on"] is None:
            quality.add(
                reference=str(_("Lesson %(number)s") % {"number": row["pk"]}),
                figure="learning.completed",
                problem=_("Marked done, but the date it was done is missing."),
            )
        elif period.holds(row["completed_on"]):
            completed.append(row)
    # Open at the end: not done by then (a lesson done later was still open).
    still_open = [
        row
        for row in lessons
        if day(row["recorded_at"]) <= end
        and (
            row["completed_on"] > end
            if row["completed_on"] is not None
            else row["status"] != LessonStatus.DONE
        )
    ]
    return {
        "recorded": len(recorded),
        "recorded_from_cases": sum(1 for row in recorded if row["from_cases"]),
        "recorded_by_theme": {
            theme: sum(1 for row in recorded if row["theme"] == theme)
            for theme in LessonTheme.values
        },
        "completed": len(completed),
        "completed_by_theme": {
            theme: sum(1 for row in completed if row["theme"] == theme)
            for theme in LessonTheme.values
        },
        "published_improvements": sum(1 for row in completed if row["published"]),
        "open_at_end": len(still_open),
        "overdue_at_end": sum(1 for row in still_open if row["due_on"] < end),
    }
