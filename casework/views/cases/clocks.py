"""How a clock reads on the staff screens. Overdue is said in words as well as shown in red."""

import datetime as dt

from django.utils.translation import gettext as _

from casework import selectors
from casework.deadlines import WorkingDayCalendar, days_left


def clock_row(clock: selectors.Clock) -> dict:
    """One clock as the templates show it: its state and the working days left, in words."""
    overdue_by = 0
    if clock.done_on:
        state = "done_late" if clock.done_late else "done"
        days = ""
    elif clock.overdue:
        state = "overdue"
        overdue_by = -clock.days_left
        days = _("%(n)d overdue") % {"n": overdue_by}
    else:
        state = "running"
        days = str(clock.days_left)
    return {"clock": clock, "state": state, "days": days, "overdue_by": overdue_by}


def date_clock(
    label: str,
    due_on: dt.date,
    done_on: dt.date | None,
    *,
    today: dt.date,
    calendar: WorkingDayCalendar,
) -> selectors.Clock:
    """A clock for something done by a date (evidence sent, an Ombudsman order complied with)."""
    return selectors.Clock(
        label=label,
        provision="",
        due_on=due_on,
        done_on=done_on,
        days_left=None if done_on else days_left(due_on, today, calendar),
    )
