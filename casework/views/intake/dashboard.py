"""The casework panel on the admin dashboard: my cases, overdue, due in the next five working
days, and reasonable adjustments due for review.

It runs the same number of queries however many cases there are: each list is one query for
the cases plus the fixed set of prefetches `selectors.cases_with_clocks` makes.
"""

from collections.abc import Mapping
from typing import Any

from django.db.models import Exists, OuterRef
from wagtail.admin.ui.components import Component

from casework import permissions, selectors
from casework.models import Case, Stage
from casework.process import process_settings, working_calendar

SHOWN = 10
WEEK_IN_WORKING_DAYS = 5


def next_clock(case: Case, *, today, calendar) -> selectors.Clock | None:
    """The earliest clock still running on the case (the overdue one first, by its date)."""
    running = [
        clock
        for clock in selectors.case_clocks(case, today=today, calendar=calendar)
        if clock.done_on is None
    ]
    return min(running, key=lambda clock: clock.due_on, default=None)


def rows(cases, *, today, calendar) -> list[dict]:
    return [
        {"case": case, "clock": next_clock(case, today=today, calendar=calendar)} for case in cases
    ]


def my_cases(user):
    """Open cases whose current stage (the later one, once there are two) the user handles."""
    later_stage = Stage.objects.filter(case=OuterRef("case"), number__gt=OuterRef("number"))
    current_stage_handled = Stage.objects.filter(case=OuterRef("pk"), handler=user).exclude(
        Exists(later_stage)
    )
    return Case.objects.open().filter(Exists(current_stage_handled))


def adjustment_reviews(last_day) -> list[dict]:
    """One row per person, with their earliest review date. Only the name and date are shown;
    what the adjustment is stays on the person's page, where each view is logged."""
    people = {}
    for adjustment in selectors.adjustment_reviews_due(on_or_before=last_day).order_by(
        "next_review_on"
    ):
        people.setdefault(
            adjustment.person_id,
            {"person": adjustment.person, "review_on": adjustment.next_review_on},
        )
    return list(people.values())


class CaseworkPanel(Component):
    name = "casework"
    template_name = "casework/intake/dashboard_panel.html"
    # Above Wagtail's own panels (moderation, recent edits, locked pages).
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict:
        user = self.user
        settings = process_settings()
        calendar = working_calendar(settings)
        today = selectors.today()
        week_end = calendar.add_working_days(today, WEEK_IN_WORKING_DAYS)
        visible = permissions.cases_visible_to(user)
        overdue_pks = Case.objects.filter(selectors.overdue_q(today)).values("pk")

        mine = rows(selectors.cases_with_clocks(my_cases(user)), today=today, calendar=calendar)
        mine.sort(key=lambda row: (row["clock"] is None, row["clock"] and row["clock"].due_on))

        overdue = visible.filter(pk__in=overdue_pks)
        due_soon = visible.filter(
            pk__in=Case.objects.filter(selectors.due_by_q(week_end)).values("pk")
        )
        due_soon = due_soon.exclude(pk__in=overdue_pks)

        context = {
            "today": today,
            "week_end": week_end,
            "mine": mine[:SHOWN],
            "mine_count": len(mine),
            "overdue": rows(
                selectors.cases_with_clocks(overdue.order_by("received_at"))[:SHOWN],
                today=today,
                calendar=calendar,
            ),
            "overdue_count": overdue.count(),
            "due_soon": rows(
                selectors.cases_with_clocks(due_soon.order_by("received_at"))[:SHOWN],
                today=today,
                calendar=calendar,
            ),
            "due_soon_count": due_soon.count(),
            "shows_adjustments": permissions.user_can_work_any_case(user),
            "can_log": permissions.user_can_log_cases(user),
        }
        if context["shows_adjustments"]:
            reviews = adjustment_reviews(week_end)
            context.update(reviews=reviews[:SHOWN], reviews_count=len(reviews))
        return context
