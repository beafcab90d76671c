"""The complaints figures for a period, from the casework record (issue 6; Code 8.1, 9.7; the
Regulator's Tenant Satisfaction Measures CH01 and CH02).

`figures_for_period(start, end, calendar=...)` returns one JSON-serialisable dict with stable
keys: what pages freeze when published, and what the governing body's view and the exports show.
It reads the record in a fixed number of queries, whatever its size. `FIGURES` (catalogue.py)
says what each figure is, with its label and the Code provision or measure it answers.
`figures_for_periods(spans, calendar=...)` gives the same for several periods at once (a year
and its quarters), reading the cases and stages once.

The result's parts, and what counts where (dates are UK dates; the period includes both ends):

- `period`, `calculated_at`;
- `volumes` (volumes.py): cases *received* in the period, by kind, channel, category and the
  stage reached by its end; CH01 counts the stage 1 complaints made and the escalations to
  stage 2 asked for in the period, per 1,000 homes (the settings' number of homes);
- `timeliness` (timeliness.py), `stage1` and `stage2`: acknowledgements *made* in the period
  against their 5-working-day clock (Code 6.2, 6.11), answers *given* in the period against the
  response clock (6.3-6.4, 6.14-6.15) - on time, within an extension, after a longer extension,
  late - and CH02, the share within the Code's timescales; stages still waiting at the end
  although past their date;
- `outcomes` (outcomes.py): decisions of the answers given; complaints withdrawn; the stage 1
  answers escalated by the end; refusals and refused escalations by exclusion reason (8.1b);
- `remedies` (outcomes.py): remedies offered and financial remedies paid in the period;
  remedies and outstanding actions open at its end, and those past their date;
- `ombudsman` (ombudsman.py): referrals made, evidence requests falling due, determinations
  made, their findings (including that we did not follow the Code, 8.1c) and orders;
- `learning` (learning.py): lessons recorded and improvements completed, open and overdue;
- `trends` (trends.py): month by month and category by category;
- `data_quality`: each record a figure needed but could not use, with its reference and what
  is missing. Nothing is dropped silently;
- `evidence` (evidence.py): the figures a self-assessment row can show, as "x% (n of m)".
"""

import datetime as dt

from django.utils import timezone

from casework.deadlines import WorkingDayCalendar
from casework.figures.catalogue import (
    CATALOGUE,
    FIGURES,
    Figure,
    figure_choices,
    figure_rows,
    figure_value,
)
from casework.figures.common import DataQuality, Period, months_between
from casework.figures.evidence import EVIDENCE_FIGURES, EvidenceFigure, evidence
from casework.figures.learning import learning_figures
from casework.figures.ombudsman import ombudsman_figures
from casework.figures.outcomes import outcome_figures, remedy_figures
from casework.figures.record import ExtensionFacts, live_in, load_stages
from casework.figures.timeliness import (
    AFTER_LONGER_EXTENSION,
    LATE,
    ON_TIME,
    WITHIN_EXTENSION,
    response_timeliness,
    timeliness_figures,
    within_code_timescales,
)
from casework.figures.trends import trend_figures
from casework.figures.volumes import load_received, volume_figures
from casework.process import process_settings

__all__ = [
    "AFTER_LONGER_EXTENSION",
    "CATALOGUE",
    "EVIDENCE_FIGURES",
    "FIGURES",
    "LATE",
    "ON_TIME",
    "WITHIN_EXTENSION",
    "EvidenceFigure",
    "ExtensionFacts",
    "Figure",
    "figure_choices",
    "figure_rows",
    "figure_value",
    "figures_for_period",
    "figures_for_periods",
    "months_between",
    "response_timeliness",
    "within_code_timescales",
]


def figures_for_period(start: dt.date, end: dt.date, *, calendar: WorkingDayCalendar) -> dict:
    """Every figure for the period, JSON-serialisable (see the module docstring)."""
    settings = process_settings()
    period = _period(start, end, calendar, settings)
    return _figures(period, settings, load_received(period), load_stages(period))


def figures_for_periods(
    spans: list[tuple[dt.date, dt.date]], *, calendar: WorkingDayCalendar
) -> list[dict]:
    """`figures_for_period` for each (start, end) of several periods, such as a year and its
    quarters, reading the cases and their stages once for the span they all fall within and
    keeping for each period what its own queries would have read (tests/casework/test_figures.py
    checks they are the same). The periods share one remembering calendar (Period)."""
    if not spans:
        return []
    settings = process_settings()
    first, last = min(s for s, _e in spans), max(e for _s, e in spans)
    envelope = _period(first, last, calendar, settings)
    received, stages = load_received(envelope), load_stages(envelope)
    results = []
    for start, end in spans:
        period = _period(start, end, envelope.calendar, settings)
        results.append(
            _figures(
                period,
                settings,
                [row for row in received if period.holds(row["received"])],
                [stage for stage in stages if live_in(stage, period)],
            )
        )
    return results


def _period(start: dt.date, end: dt.date, calendar, settings) -> Period:
    return Period(start=start, end=end, calendar=calendar, timescales=settings.timescales())


def _figures(period: Period, settings, received: list[dict], stages: list) -> dict:
    quality = DataQuality()
    timeliness, within_code = timeliness_figures(stages, period, quality)
    figures = {
        "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
        "calculated_at": timezone.now().isoformat(timespec="seconds"),
        "volumes": volume_figures(received, stages, period, settings.number_of_homes, quality),
        "timeliness": timeliness,
        "outcomes": outcome_figures(stages, period, quality),
        "remedies": remedy_figures(period, quality),
        "ombudsman": ombudsman_figures(period),
        "learning": learning_figures(period, quality),
        "trends": trend_figures(received, stages, within_code, period),
        "data_quality": quality.as_dict(),
    }
    figures["evidence"] = evidence(figures)
    return figures
