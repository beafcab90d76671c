"""What the governing body and the Member Responsible for Complaints read (Code 9.4-9.7), as
plain functions: the landlord's reporting year and its quarters, the headline figures quarter by
quarter, and the figures flattened to one line each for the Regulator's and the Ombudsman's
spreadsheets. No personal data: only figures from the catalogue, never the data-quality list.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import dateformat
from django.utils.translation import gettext as _

from casework.figures.catalogue import (
    CATALOGUE,
    FIGURES,
    MONEY,
    ROWS,
    TABLE,
    figure_rows,
    figure_value,
)
from casework.figures.presentation import FigureTable, format_figure, month_label

DEFAULT_START_MONTH = 4  # April to March, the year the Regulator's measures are reported for


def start_month() -> int:
    """The month the landlord's reporting year starts in (setting
    `REDRESS_REPORTING_YEAR_START_MONTH`, April by default)."""
    month = getattr(settings, "REDRESS_REPORTING_YEAR_START_MONTH", DEFAULT_START_MONTH)
    return month if isinstance(month, int) and 1 <= month <= 12 else DEFAULT_START_MONTH


def _add_months(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 + months
    return dt.date(total // 12, total % 12 + 1, 1)


@dataclass(frozen=True)
class ReportingPeriod:
    key: str  # "year", "q1".."q4"
    label: str
    start: dt.date
    end: dt.date


def _span(start: dt.date, end: dt.date) -> str:
    return _("%(start)s to %(end)s") % {
        "start": dateformat.format(start, "F Y"),
        "end": dateformat.format(end, "F Y"),
    }


def reporting_year(year: int, month: int | None = None) -> ReportingPeriod:
    """The reporting year that starts in `year`: 2026 is April 2026 to March 2027."""
    start = dt.date(year, month or start_month(), 1)
    end = _add_months(start, 12) - dt.timedelta(days=1)
    return ReportingPeriod("year", _span(start, end), start, end)


def reporting_year_of(day: dt.date, month: int | None = None) -> int:
    """The reporting year a day falls in (its starting calendar year)."""
    return day.year if day.month >= (month or start_month()) else day.year - 1


def quarters(year: int, month: int | None = None) -> list[ReportingPeriod]:
    start = reporting_year(year, month).start
    periods = []
    for number in range(1, 5):
        begins = _add_months(start, 3 * (number - 1))
        ends = _add_months(begins, 3) - dt.timedelta(days=1)
        label = _("Quarter %(n)s: %(span)s") % {"n": number, "span": _span(begins, ends)}
        periods.append(ReportingPeriod(f"q{number}", label, begins, ends))
    return periods


def so_far(period: ReportingPeriod, today: dt.date) -> ReportingPeriod | None:
    """The part of a period that has happened by `today`: None when it has not started, and
    cut short at today while it runs, so "past its date at the end" means past it today."""
    if period.start > today:
        return None
    if period.end <= today:
        return period
    label = _("%(period)s, so far") % {"period": period.label}
    return ReportingPeriod(period.key, label, period.start, today)


# The headline figures the governing body follows quarter by quarter (Code 9.7: volume,
# categories, outcomes, performance, Ombudsman outcomes; TSM CH01, CH02).
QUARTER_FIGURES = [
    "volumes.received",
    "volumes.stage1_complaints",
    "volumes.stage2_escalations",
    "volumes.stage1_per_1000_homes",
    "volumes.stage2_per_1000_homes",
    "timeliness.stage1.acknowledged_within_code_percent",
    "timeliness.ch02_stage1_percent",
    "timeliness.ch02_stage2_percent",
    "timeliness.stage1.average_working_days",
    "timeliness.stage2.average_working_days",
    "timeliness.stage1.awaiting_response_overdue",
    "timeliness.stage2.awaiting_response_overdue",
    "outcomes.escalation_rate_percent",
    "outcomes.refused",
    "remedies.financial_paid_total",
    "remedies.actions_overdue_at_end",
    "ombudsman.referrals",
    "ombudsman.determinations",
    "ombudsman.code_non_compliance_findings",
    "ombudsman.orders_outstanding_at_end",
    "learning.completed",
    "learning.overdue_at_end",
]


def quarter_table(columns: list[tuple[ReportingPeriod, dict]]) -> FigureTable:
    """The headline figures, one row each, one column per period (the quarters, then the
    year)."""
    return FigureTable(
        key="scrutiny.quarters",
        caption=_("Quarter by quarter"),
        headings=[_("Figure"), *(_short(period) for period, _figures in columns)],
        rows=[
            [
                str(FIGURES[key].label),
                *(format_figure(key, figure_value(figures, key)) for _p, figures in columns),
            ]
            for key in QUARTER_FIGURES
        ],
        reference="Code 9.4-9.7",
    )


def _short(period: ReportingPeriod) -> str:
    if period.key == "year":
        return _("The year")
    return _("Q%(n)s (%(start)s to %(end)s)") % {
        "n": period.key[1:],
        "start": dateformat.format(period.start, "M"),
        "end": dateformat.format(period.end, "M"),
    }


@dataclass(frozen=True)
class FigureLine:
    key: str
    label: str
    reference: str
    value: object  # a number, a Decimal for money, "" for nothing to work it out from


def _raw(figure_key: str, value):
    if value is None:
        return ""
    if FIGURES[figure_key].kind == MONEY:
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return str(value)
    return value


def figure_lines(figures: dict) -> list[FigureLine]:
    """Every figure the catalogue names, one line each, tables flattened to a line per row
    (and per cell for month-by-month and category-by-category), for a spreadsheet."""
    period = figures.get("period", {})
    lines = [
        FigureLine("period.start", _("Period from"), "", period.get("start", "")),
        FigureLine("period.end", _("Period to"), "", period.get("end", "")),
        FigureLine("calculated_at", _("Worked out at"), "", figures.get("calculated_at", "")),
    ]
    for figure in CATALOGUE:
        label = str(figure.label)
        if figure.kind == TABLE:
            labels = figure.row_labels() if figure.row_labels else {}
            names = {str(labels.get(k, k)): k for k in figure_value(figures, figure.key) or {}}
            for row_label, count in figure_rows(figures, figure.key):
                lines.append(
                    FigureLine(
                        f"{figure.key}.{names[str(row_label)]}",
                        f"{label}: {row_label}",
                        figure.reference,
                        count,
                    )
                )
        elif figure.kind == ROWS:
            first, *columns = list(figure.columns)
            for row in figure_value(figures, figure.key) or []:
                name = row.get(first, "")
                shown = month_label(name) if first == "month" else name
                for column in columns:
                    lines.append(
                        FigureLine(
                            f"{figure.key}.{name}.{column}",
                            f"{label}: {shown}: {figure.columns[column]}",
                            figure.reference,
                            row.get(column, ""),
                        )
                    )
        else:
            value = _raw(figure.key, figure_value(figures, figure.key))
            lines.append(FigureLine(figure.key, label, figure.reference, value))
    return lines
