"""The figures for a period as people read them (issue 6; Code 8.1b-d, 9.4-9.7; TSM CH01, CH02):
sections of labelled, formatted rows, tables and charts, shared by the governing body's view in
the admin, its board pack and the published annual report.

`report_sections(figures)` takes a result of `figures_for_period` (live, or frozen into a page)
and returns the sections in reading order. Every chart comes with a table of the same numbers
(the chart is an image with a text alternative; the table is what a screen reader or a printout
reads). Nothing here names a person or a case: the data-quality list's references stay in the
complaints team's own view, and only its count is shown.

Labels come from the catalogue and are translated when the section is built, so build the
sections inside the request (or `translation.override`) whose language they should be in.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import dateformat
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework.charts import Bar, bar_chart, column_chart
from casework.figures.catalogue import (
    DAYS,
    FIGURES,
    MONEY,
    PER_1000,
    PERCENT,
    ROWS,
    TABLE,
    figure_value,
)

NOTHING = "—"  # a figure with nothing to work it out from (a share of no answers)


@dataclass(frozen=True)
class FigureRow:
    label: str
    value: str  # formatted: "82.5%", "£1,234.00", "3.4 working days", "—" for None
    reference: str  # the Code provision or Tenant Satisfaction Measure


@dataclass(frozen=True)
class FigureTable:
    key: str
    caption: str
    headings: list[str]
    rows: list[list[str]]
    reference: str


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    rows: list[FigureRow]
    tables: list[FigureTable]
    charts: list[SafeString]


def _number(value) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return str(value)


def _money(value) -> str:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return f"£{amount:,.2f}"


def month_label(month: str) -> str:
    """ "2026-04" as "Apr 2026", the month's name in the active language."""
    try:
        year, number = (int(part) for part in month.split("-"))
        return dateformat.format(dt.date(year, number, 1), "M Y")
    except (ValueError, TypeError):
        return str(month)


def format_figure(key: str, value) -> str:
    """One figure's value as it is shown, by the kind its catalogue entry gives it; "—" when
    there is nothing to show (None: no answers to take a share of, no homes set)."""
    if value is None:
        return NOTHING
    figure = FIGURES.get(key)
    kind = figure.kind if figure else None
    if kind == PERCENT:
        return f"{float(value):,.1f}%"
    if kind == PER_1000:
        return f"{float(value):,.1f}"
    if kind == DAYS:
        return _("%(days)s working days") % {"days": f"{float(value):,.1f}"}
    if kind == MONEY:
        return _money(value)
    if kind == TABLE:
        return "; ".join(f"{label}: {_number(count)}" for label, count in _labelled(key, value))
    if kind == ROWS:
        columns = figure.columns
        return "; ".join(
            ", ".join(
                f"{columns.get(column, column)}: {_cell(column, cell)}"
                for column, cell in row.items()
            )
            for row in value
        )
    # COUNT, or a key the catalogue does not hold.
    return _number(value)


def _cell(column: str, value) -> str:
    if value is None:
        return NOTHING
    if column == "month":
        return month_label(value)
    return _number(value)


def _labelled(key: str, value: dict) -> list[tuple[str, object]]:
    """A TABLE figure's {key: count} as (label, count), in the catalogue's order of labels
    (the choices' order), then any others as they come (categories, exclusion reasons)."""
    figure = FIGURES.get(key)
    labels = figure.row_labels() if figure and figure.row_labels else {}
    value = value or {}
    ordered = [k for k in labels if k in value] + [k for k in value if k not in labels]
    return [(str(labels.get(k, k)), value[k]) for k in ordered]


def _label(key: str) -> str:
    return str(FIGURES[key].label)


def _row(figures: dict, key: str) -> FigureRow:
    return FigureRow(
        label=_label(key),
        value=format_figure(key, figure_value(figures, key)),
        reference=FIGURES[key].reference,
    )


# What the first column of each TABLE figure names, and what its numbers count.
_TABLE_HEADINGS: dict[str, Callable[[], tuple[str, str]]] = {
    "volumes.by_kind": lambda: (_("Kind"), _("Cases")),
    "volumes.by_channel": lambda: (_("How it reached us"), _("Cases")),
    "volumes.by_category": lambda: (_("Category"), _("Cases")),
    "volumes.complaints_by_category": lambda: (_("Category"), _("Complaints")),
    "volumes.complaints_by_stage_reached": lambda: (_("Stage reached"), _("Complaints")),
    "outcomes.decisions.stage1": lambda: (_("Decision"), _("Stage 1 answers")),
    "outcomes.decisions.stage2": lambda: (_("Decision"), _("Stage 2 answers")),
    "outcomes.refusals_by_reason": lambda: (_("Reason"), _("Complaints")),
    "outcomes.escalations_refused_by_reason": lambda: (_("Reason"), _("Escalations")),
    "remedies.by_kind": lambda: (_("Kind of remedy"), _("Remedies")),
    "ombudsman.referrals_by_scheme": lambda: (_("Ombudsman"), _("Referrals")),
    "ombudsman.findings": lambda: (_("Finding"), _("Findings")),
    "learning.recorded_by_theme": lambda: (_("Theme"), _("Lessons")),
    "learning.completed_by_theme": lambda: (_("Theme"), _("Improvements")),
}


def _table(figures: dict, key: str) -> FigureTable:
    figure = FIGURES[key]
    if figure.kind == ROWS:
        rows = figure_value(figures, key) or []
        columns = list(figure.columns)
        return FigureTable(
            key=key,
            caption=str(figure.label),
            headings=[str(figure.columns[column]) for column in columns],
            rows=[[_cell(column, row.get(column)) for column in columns] for row in rows],
            reference=figure.reference,
        )
    first, second = _TABLE_HEADINGS[key]()
    return FigureTable(
        key=key,
        caption=str(figure.label),
        headings=[first, second],
        rows=[
            [label, _number(count)]
            for label, count in _labelled(key, figure_value(figures, key) or {})
        ],
        reference=figure.reference,
    )


def _bars(table: FigureTable, column: int = 1) -> list[Bar]:
    """The bars of a chart drawn from a table's rows, so the chart and its table always show
    the same numbers."""
    bars = []
    for row in table.rows:
        text = row[column]
        try:
            number = int(text.replace(",", ""))
        except ValueError:
            number = 0
        bars.append(Bar(row[0], number, text))
    return bars


def chart_id(prefix: str, key: str) -> str:
    """A chart's id: the prefix and the key of the table it draws (a chart drawing part of a
    table, such as the complaints per month, has that table's key and more)."""
    return f"{prefix}-{key.replace('.', '-').replace('_', '-')}"


# The stage answers by how they were timed (Code 6.3-6.4, 6.14-6.15): a table of figures the
# catalogue already holds, with short labels that fit beside a bar.
_TIMING: list[tuple[str, Callable[[], str]]] = [
    ("answered_on_time", lambda: _("On time")),
    ("answered_within_extension", lambda: _("Within an extension")),
    ("answered_after_longer_extension", lambda: _("Longer extension, good reason")),
    ("answered_late", lambda: _("Late")),
    ("answered_missing_dates", lambda: _("Dates missing")),
]


def _timing_table(figures: dict, number: int) -> FigureTable:
    prefix = f"timeliness.stage{number}"
    return FigureTable(
        key=f"{prefix}.answers_by_timing",
        caption=_("Stage %(n)s answers, by when they were sent") % {"n": number},
        headings=[_("When it was sent"), _("Answers")],
        rows=[
            [label(), _number(figure_value(figures, f"{prefix}.{name}") or 0)]
            for name, label in _TIMING
        ],
        reference={1: "Code 6.3-6.4", 2: "Code 6.14-6.15"}[number],
    )


_STAGE_ROWS = [
    "answered",
    "answered_on_time",
    "answered_within_extension",
    "answered_after_longer_extension",
    "answered_late",
    "answered_missing_dates",
    "within_code_timescales",
    "within_code_timescales_percent",
    "average_working_days",
    "extended_after_due_date",
    "awaiting_response_overdue",
    "acknowledged",
    "acknowledged_on_time",
    "acknowledged_on_time_percent",
    "acknowledged_within_code_percent",
    "average_working_days_to_acknowledge",
    "awaiting_acknowledgement_overdue",
]


@dataclass(frozen=True)
class SectionPlan:
    """A section of plain rows and tables: which figures, in reading order, and which of its
    tables are also drawn as a bar chart."""

    key: str
    title: str  # lazy: translated when the section is built
    rows: tuple[str, ...]
    tables: tuple[str, ...] = ()
    charted: tuple[str, ...] = ()


VOLUMES = SectionPlan(
    key="volumes",
    title=gettext_lazy("How many complaints we received"),
    rows=(
        "volumes.received",
        "volumes.stage1_complaints",
        "volumes.stage2_escalations",
        "volumes.homes",
        "volumes.stage1_per_1000_homes",
        "volumes.stage2_per_1000_homes",
        "volumes.contractor_related",
        "volumes.complaints_contractor_related",
    ),
    tables=(
        "volumes.by_kind",
        "volumes.by_channel",
        "volumes.by_category",
        "volumes.complaints_by_category",
        "volumes.complaints_by_stage_reached",
    ),
    charted=("volumes.complaints_by_category",),
)
OUTCOMES = SectionPlan(
    key="outcomes",
    title=gettext_lazy("What we decided"),
    rows=(
        "outcomes.withdrawn",
        "outcomes.escalated",
        "outcomes.escalation_rate_percent",
        "outcomes.refused",
        "outcomes.escalations_refused",
    ),
    tables=(
        "outcomes.decisions.stage1",
        "outcomes.decisions.stage2",
        "outcomes.refusals_by_reason",
        "outcomes.escalations_refused_by_reason",
    ),
    # Code 8.1b: the types of complaint we refused.
    charted=("outcomes.decisions.stage1", "outcomes.refusals_by_reason"),
)
REMEDIES = SectionPlan(
    key="remedies",
    title=gettext_lazy("Putting things right"),
    rows=(
        "remedies.offered",
        "remedies.financial_offered",
        "remedies.financial_offered_total",
        "remedies.financial_offered_median",
        "remedies.financial_paid",
        "remedies.financial_paid_total",
        "remedies.financial_paid_median",
        "remedies.remedies_open_at_end",
        "remedies.remedies_overdue_at_end",
        "remedies.actions_open_at_end",
        "remedies.actions_overdue_at_end",
    ),
    tables=("remedies.by_kind",),
    charted=("remedies.by_kind",),
)
OMBUDSMAN = SectionPlan(
    key="ombudsman",
    title=gettext_lazy("The Ombudsman"),
    rows=(
        "ombudsman.referrals",
        "ombudsman.evidence_due",
        "ombudsman.evidence_on_time",
        "ombudsman.evidence_late",
        "ombudsman.evidence_not_sent",
        "ombudsman.evidence_on_time_percent",
        "ombudsman.determinations",
        # Code 8.1c: findings that we did not follow the Code.
        "ombudsman.code_non_compliance_findings",
        "ombudsman.orders",
        "ombudsman.orders_complied_on_time",
        "ombudsman.orders_complied_late",
        "ombudsman.orders_outstanding_at_end",
        "ombudsman.orders_overdue_at_end",
    ),
    tables=("ombudsman.referrals_by_scheme", "ombudsman.findings"),
    charted=("ombudsman.findings",),
)
LEARNING = SectionPlan(
    key="learning",
    title=gettext_lazy("What we learned"),
    rows=(
        "learning.recorded",
        "learning.recorded_from_cases",
        "learning.completed",
        "learning.published_improvements",
        "learning.open_at_end",
        "learning.overdue_at_end",
    ),
    tables=("learning.recorded_by_theme", "learning.completed_by_theme"),
    charted=("learning.recorded_by_theme",),
)
# Only the count: the list itself names cases, and stays in the complaints team's view.
DATA_QUALITY = SectionPlan(
    key="data_quality", title=gettext_lazy("Data quality"), rows=("data_quality.count",)
)


def _bar_chart(table: FigureTable, prefix: str) -> SafeString:
    return bar_chart(table.caption, _bars(table), chart_id=chart_id(prefix, table.key))


def _section(figures: dict, prefix: str, plan: SectionPlan) -> ReportSection:
    tables = {key: _table(figures, key) for key in plan.tables}
    return ReportSection(
        key=plan.key,
        title=str(plan.title),
        rows=[_row(figures, key) for key in plan.rows],
        tables=list(tables.values()),
        charts=[_bar_chart(tables[key], prefix) for key in plan.charted],
    )


def _timeliness(figures: dict, prefix: str, number: int) -> ReportSection:
    stage = f"timeliness.stage{number}"
    rows = [_row(figures, f"timeliness.ch02_stage{number}_percent")]
    rows += [_row(figures, f"{stage}.{name}") for name in _STAGE_ROWS]
    if number == 2:
        rows.append(_row(figures, "timeliness.within_code_timescales_percent"))
    timing = _timing_table(figures, number)
    return ReportSection(
        key=f"timeliness_stage{number}",
        title=_("How quickly we answered at stage %(n)s") % {"n": number},
        rows=rows,
        tables=[timing],
        charts=[_bar_chart(timing, prefix)],
    )


def _trends(figures: dict, prefix: str) -> ReportSection:
    months = _table(figures, "trends.months")
    received = list(FIGURES["trends.months"].columns).index("complaints_received")
    per_month = FigureTable(
        key="trends.months.complaints_received",
        caption=_("Complaints received, month by month"),
        headings=[months.headings[0], months.headings[received]],
        rows=[[row[0], row[received]] for row in months.rows],
        reference=months.reference,
    )
    return ReportSection(
        key="trends",
        title=_("Trends"),
        rows=[],
        # The month-by-month table holds the chart's numbers in its first two columns.
        tables=[months, _table(figures, "trends.categories")],
        charts=[
            column_chart(
                per_month.caption, _bars(per_month), chart_id=chart_id(prefix, per_month.key)
            )
        ],
    )


def report_sections(figures: dict, *, chart_prefix: str = "fig") -> list[ReportSection]:
    """The figures for a period in reading order. `chart_prefix` keeps the charts' ids unique
    when more than one period's sections are on a page."""
    return [
        _section(figures, chart_prefix, VOLUMES),
        _timeliness(figures, chart_prefix, 1),
        _timeliness(figures, chart_prefix, 2),
        *(
            _section(figures, chart_prefix, plan)
            for plan in (OUTCOMES, REMEDIES, OMBUDSMAN, LEARNING)
        ),
        _trends(figures, chart_prefix),
        _section(figures, chart_prefix, DATA_QUALITY),
    ]
