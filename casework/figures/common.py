"""What every part of the figures shares: the period, dates and shares, and the data-quality
list that stops a figure dropping a case silently."""

import datetime as dt
import statistics
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from django.db.models.functions import TruncDate

from casework.code import Timescales
from casework.deadlines import UK_TIME, WorkingDayCalendar, local_date

NOT_CATEGORISED = "—"


class RememberingCalendar:
    """A working-day calendar that remembers its answers. A year's figures ask the same few
    hundred questions many thousands of times; the answers are the calendar's own."""

    def __init__(self, calendar: WorkingDayCalendar):
        self.calendar = calendar
        self.add_working_days = lru_cache(maxsize=None)(calendar.add_working_days)
        self.working_days_between = lru_cache(maxsize=None)(calendar.working_days_between)


@dataclass
class Period:
    """The period the figures are for: `start` to `end`, both dates inclusive, in UK time."""

    start: dt.date
    end: dt.date
    calendar: WorkingDayCalendar | RememberingCalendar
    timescales: Timescales  # the landlord's own (never longer than the Code's)

    def __post_init__(self):
        # Aware datetimes: from the start of `start` to before the day after `end`.
        self.since = dt.datetime.combine(self.start, dt.time.min, tzinfo=UK_TIME)
        self.before = dt.datetime.combine(
            self.end + dt.timedelta(days=1), dt.time.min, tzinfo=UK_TIME
        )
        if isinstance(self.calendar, WorkingDayCalendar):
            self.calendar = RememberingCalendar(self.calendar)

    def holds(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def by_end(self, day: dt.date | None) -> bool:
        """Whether something dated `day` had happened by the end of the period."""
        return day is not None and day <= self.end


def day(moment: dt.datetime | dt.date | None) -> dt.date | None:
    """The UK date of a moment, as the clocks count it (casework.deadlines)."""
    return local_date(moment) if moment else None


def uk_date(field: str) -> TruncDate:
    """The UK date of a datetime column, worked out by the database (`AT TIME ZONE` on
    PostgreSQL): the same date `day()` gives, without reading and converting each datetime in
    Python, which was a third of a year's figures."""
    return TruncDate(field, tzinfo=UK_TIME)


def share(part: int, whole: int) -> float | None:
    """A percentage to one decimal place; None when there is nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None


def average(values: list[int]) -> float | None:
    return round(statistics.mean(values), 1) if values else None


def money(value: Decimal | None) -> str:
    return f"{(value or Decimal(0)):.2f}"


def money_median(values: list[Decimal]) -> str | None:
    return money(statistics.median(values)) if values else None


def months_between(start: dt.date, end: dt.date) -> list[str]:
    """Every month the period touches, as "2026-04"."""
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass
class DataQuality:
    """Each record a figure could not use, and why (issue 6: nothing is dropped silently)."""

    problems: list[dict] = field(default_factory=list)

    def add(self, *, reference: str, figure: str, problem: str) -> None:
        self.problems.append({"reference": reference, "figure": figure, "problem": str(problem)})

    def as_dict(self) -> dict:
        ordered = sorted(self.problems, key=lambda p: (p["figure"], p["reference"], p["problem"]))
        return {"count": len(ordered), "problems": ordered}
