"""The working-day calendar and the Code's clocks, as pure functions over plain values.

The Complaint Handling Code (2024) counts every timescale in working days. A working day is a
weekday that is neither a bank holiday of the landlord's nation nor a day the landlord has
declared itself closed. "N working days from a date" is the Nth working day strictly after that
date, whatever day the date itself falls on: a complaint received on Saturday, or on a bank
holiday, starts its clock the same way as one received on a weekday.

Nothing here reads the database or Django settings. Callers build a `WorkingDayCalendar` from the
landlord's settings (`ComplaintProcessSettings.nation` and `.closure_dates()`) and pass it in with
the landlord's `Timescales`. Due dates are always computed from the stored start date, never kept
as a counter (see STYLE.md).
"""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils.translation import gettext

from casework.code import CODE_LIMITS, Nation, Timescales

# Residents and staff think of "the day it arrived" in UK time, not UTC: an email at 00:30 BST
# on 1 July arrived on 1 July.
UK_TIME = ZoneInfo("Europe/London")

# A datetime is a date too; it is spelled out to say both are welcome.
DateLike = dt.date | dt.datetime


def local_date(value: DateLike) -> dt.date:
    """The calendar date of `value` in the UK. Naive datetimes are taken as UK time already."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(UK_TIME)
        return value.date()
    return value


@lru_cache(maxsize=64)
def bank_holidays(nation: Nation | str, year: int) -> frozenset[dt.date]:
    """The bank holidays of `nation` in `year`, including substitute ("observed") days.

    Weekend dates are included (for example Boxing Day on a Saturday); they do not matter, as
    weekends are never working days. Cached because every due date consults them.
    """
    # The previous year is loaded too, so that a substitute day pushed into January by a late
    # December holiday would still be found. None is today, but it costs nothing.
    calendar = holidays.country_holidays("GB", subdiv=Nation(nation).value, years=(year - 1, year))
    return frozenset(day for day in calendar if day.year == year)


@dataclass(frozen=True)
class WorkingDayCalendar:
    """Which days count as working days for one landlord.

    `nation` picks the bank holidays (they differ: Scotland has 2 January, St Andrew's Day and an
    early August holiday but no Easter Monday; Northern Ireland has St Patrick's Day and the
    Battle of the Boyne). `closure_dates` are the landlord's own closed days.
    """

    nation: Nation = Nation.ENGLAND
    closure_dates: frozenset[dt.date] = frozenset()

    def __post_init__(self) -> None:
        # Accept "SCT" or a list of dates from callers, but keep the instance hashable.
        object.__setattr__(self, "nation", Nation(self.nation))
        object.__setattr__(self, "closure_dates", frozenset(self.closure_dates))

    def is_bank_holiday(self, day: DateLike) -> bool:
        day = local_date(day)
        return day in bank_holidays(self.nation, day.year)

    def is_working_day(self, day: DateLike) -> bool:
        day = local_date(day)
        return (
            day.weekday() < 5  # Monday to Friday
            and day not in self.closure_dates
            and not self.is_bank_holiday(day)
        )

    def next_working_day(self, day: DateLike) -> dt.date:
        """The first working day strictly after `day`."""
        return self.add_working_days(day, 1)

    def add_working_days(self, start: DateLike, n: int) -> dt.date:
        """The Nth working day strictly after `start` (Code 6.2, 6.3, 6.11, 6.14).

        The start day never counts, even when it is a working day, and need not be one. `n == 0`
        returns the start date unchanged. A negative `n` counts back: the |n|th working day
        strictly before `start`.
        """
        day = local_date(start)
        step = dt.timedelta(days=1 if n >= 0 else -1)
        remaining = abs(n)
        while remaining:
            day += step
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: DateLike, end: DateLike) -> int:
        """How many working days fall strictly after `start`, up to and including `end`.

        So `add_working_days(start, working_days_between(start, end)) == end` whenever `end` is a
        working day. The same day gives 0. When `end` is before `start` the answer is negative:
        minus the working days strictly after `end` up to and including `start`.
        """
        start, end = local_date(start), local_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            self.is_working_day(start + dt.timedelta(days=offset))
            for offset in range(1, (end - start).days + 1)
        )


# The clocks. Each is "the limit, in working days, from the day the clock starts".


def stage1_acknowledgement_due(
    received: DateLike, timescales: Timescales, calendar: WorkingDayCalendar
) -> dt.date:
    """Code 6.2: acknowledge, define and log a stage 1 complaint within 5 working days of
    receipt (or the landlord's shorter limit)."""
    return calendar.add_working_days(received, timescales.stage1_acknowledgement)


def stage1_response_due(
    acknowledged: DateLike, timescales: Timescales, calendar: WorkingDayCalendar
) -> dt.date:
    """Code 6.3: respond at stage 1 within 10 working days of the acknowledgement."""
    return calendar.add_working_days(acknowledged, timescales.stage1_response)


def stage2_acknowledgement_due(
    escalation_requested: DateLike, timescales: Timescales, calendar: WorkingDayCalendar
) -> dt.date:
    """Code 6.11: acknowledge, define and log a stage 2 complaint within 5 working days of the
    request to escalate."""
    return calendar.add_working_days(escalation_requested, timescales.stage2_acknowledgement)


def stage2_response_due(
    acknowledged: DateLike, timescales: Timescales, calendar: WorkingDayCalendar
) -> dt.date:
    """Code 6.14: respond at stage 2 within 20 working days of the acknowledgement."""
    return calendar.add_working_days(acknowledged, timescales.stage2_response)


def ombudsman_evidence_due(
    requested: DateLike, timescales: Timescales, calendar: WorkingDayCalendar
) -> dt.date:
    """Evidence the Housing Ombudsman asks for is due within 15 working days of its request."""
    return calendar.add_working_days(requested, timescales.ombudsman_evidence)


# Extensions (Code 6.4 at stage 1, 6.15 at stage 2).


def extended_due(
    original_due: DateLike, extension_days: int, calendar: WorkingDayCalendar
) -> dt.date:
    """The new due date: `extension_days` more working days after the original due date."""
    return calendar.add_working_days(original_due, extension_days)


def _extension_limit(stage: int, timescales: Timescales) -> tuple[int, str]:
    """The landlord's longest extension at `stage`, and the Code provision behind it."""
    name = {1: "stage1_extension", 2: "stage2_extension"}.get(int(stage))
    if name is None:
        raise ValueError(f"There is no stage {stage}: complaints have stages 1 and 2 (Code 5.2).")
    return getattr(timescales, name), CODE_LIMITS[name][0]


def extension_problem(
    stage: int,
    extension_days: int,
    timescales: Timescales,
    good_reason: str = "",
    already_extended: int = 0,
) -> str | None:
    """What is wrong with extending a response by `extension_days`, or None if nothing is.

    Code 6.4 (stage 1) and 6.15 (stage 2): a stage may be extended by at most the limit in
    total, however many extensions make it up; going beyond needs a good reason, which is
    recorded and reported. `already_extended` is the working days the stage's earlier
    extensions added. A reason of only spaces is no reason.
    """
    limit, provision = _extension_limit(stage, timescales)
    if extension_days < 1:
        return gettext("An extension must be at least 1 working day.")
    total = already_extended + extension_days
    if total > limit and not good_reason.strip():
        if already_extended:
            return gettext(
                "This stage has already been extended by %(already)d working days. With this "
                "extension that is %(total)d in all, and a stage %(stage)d response can be "
                "extended by up to %(limit)d working days in total. To go beyond that, record "
                "the good reason for doing so (Complaint Handling Code %(provision)s)."
            ) % {
                "already": already_extended,
                "total": total,
                "stage": int(stage),
                "limit": limit,
                "provision": provision,
            }
        return gettext(
            "You can extend a stage %(stage)d response by up to %(limit)d working days. To "
            "extend it for longer, record the good reason for doing so (Complaint Handling "
            "Code %(provision)s)."
        ) % {"stage": int(stage), "limit": limit, "provision": provision}
    return None


# How a clock stands on a given day.


def is_overdue(due: DateLike, today: DateLike) -> bool:
    """True once the due date has passed. The due date itself is still in time."""
    return local_date(today) > local_date(due)


def days_left(due: DateLike, today: DateLike, calendar: WorkingDayCalendar) -> int:
    """Working days left until `due`: 0 on the due date, negative once it has passed.

    A passed deadline never shows as 0, so that "overdue" and "due today" cannot be confused:
    from the day after a Friday deadline until the Monday it is 1 working day overdue (-1).
    """
    if not is_overdue(due, today):
        return calendar.working_days_between(today, due)
    return min(-1, calendar.working_days_between(today, due))
