"""What each figure is: its key in `figures_for_period`'s result, its label, the Code provision
or Tenant Satisfaction Measure it answers, and how to show it. Page types offer these as
"embed this figure" choices and label tables and charts with them.

`FIGURES` holds every figure by key ("timeliness.stage1.acknowledged_on_time_percent");
`figure_value` and `figure_rows` read one out of a result, frozen or live.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from casework.choices import (
    CaseKind,
    Channel,
    Decision,
    DeterminationOutcome,
    LessonTheme,
    OmbudsmanSchemeKind,
    RemedyKind,
)

COUNT = "count"
PERCENT = "percent"
PER_1000 = "per_1000"
DAYS = "days"  # working days, to one decimal place
MONEY = "money"  # pounds, as a string with two decimal places
TABLE = "table"  # {key: count}; keys labelled by `row_labels`, or shown as they are
ROWS = "rows"  # [{column: value}]; columns labelled by `columns`


@dataclass(frozen=True)
class Figure:
    key: str
    label: Promise | str
    reference: str
    kind: str = COUNT
    row_labels: Callable[[], dict] | None = None
    columns: dict = field(default_factory=dict)


def _choices(choices_class) -> Callable[[], dict]:
    return lambda: {value: str(label) for value, label in choices_class.choices}


def _for_stage(text: str, number: int) -> Promise:
    """A label naming the stage, translated when shown."""
    return lazy(lambda: gettext(text) % {"n": number}, str)()


def _stage_figures(number: int) -> list[Figure]:
    ack, response, extension = {1: ("6.2", "6.3", "6.4"), 2: ("6.11", "6.14", "6.15")}[number]
    prefix = f"timeliness.stage{number}"
    both = f"Code {response}-{extension}"
    return [
        Figure(f"{prefix}.acknowledged", _for_stage(_ACK, number), f"Code {ack}"),
        Figure(f"{prefix}.acknowledged_on_time", _for_stage(_ACK_ON_TIME, number), f"Code {ack}"),
        Figure(
            f"{prefix}.acknowledged_on_time_percent",
            _for_stage(_ACK_ON_TIME_PERCENT, number),
            f"Code {ack}",
            PERCENT,
        ),
        Figure(
            f"{prefix}.acknowledged_within_code_percent",
            _for_stage(_ACK_WITHIN_CODE_PERCENT, number),
            f"Code {ack}",
            PERCENT,
        ),
        Figure(
            f"{prefix}.average_working_days_to_acknowledge",
            _for_stage(_DAYS_TO_ACK, number),
            f"Code {ack}",
            DAYS,
        ),
        Figure(
            f"{prefix}.awaiting_acknowledgement_overdue",
            _for_stage(_ACK_OVERDUE, number),
            f"Code {ack}",
        ),
        Figure(f"{prefix}.answered", _for_stage(_ANSWERED, number), f"Code {response}"),
        Figure(f"{prefix}.answered_on_time", _for_stage(_ON_TIME, number), f"Code {response}"),
        Figure(f"{prefix}.answered_within_extension", _for_stage(_WITHIN_EXTENSION, number), both),
        Figure(
            f"{prefix}.answered_after_longer_extension",
            _for_stage(_LONGER_EXTENSION, number),
            f"Code {extension}",
        ),
        Figure(f"{prefix}.answered_late", _for_stage(_LATE, number), f"Code {response}"),
        Figure(f"{prefix}.answered_missing_dates", _for_stage(_MISSING, number), "Code 5.12"),
        Figure(
            f"{prefix}.extended_after_due_date",
            _for_stage(_EXTENDED_LATE, number),
            f"Code {extension}",
        ),
        Figure(
            f"{prefix}.within_code_timescales",
            _for_stage(_WITHIN_CODE, number),
            f"{both}; TSM CH02",
        ),
        Figure(
            f"{prefix}.within_code_timescales_percent",
            _for_stage(_WITHIN_CODE_PERCENT, number),
            f"{both}; TSM CH02 ({number})",
            PERCENT,
        ),
        Figure(f"{prefix}.average_working_days", _for_stage(_DAYS_TAKEN, number), both, DAYS),
        Figure(
            f"{prefix}.awaiting_response_overdue",
            _for_stage(_RESPONSE_OVERDUE, number),
            f"Code {response}; 5.9",
        ),
    ]


# Marked for translation here, translated when shown (see _for_stage).
_ACK = gettext_noop("Stage %(n)s: acknowledged")
_ACK_ON_TIME = gettext_noop("Stage %(n)s: acknowledged on time")
_ACK_ON_TIME_PERCENT = gettext_noop("Stage %(n)s: acknowledged on time (%%)")
_ACK_WITHIN_CODE_PERCENT = gettext_noop(
    "Stage %(n)s: acknowledged within 5 working days, the Code's limit (%%)"
)
_DAYS_TO_ACK = gettext_noop("Stage %(n)s: average working days to acknowledge")
_ACK_OVERDUE = gettext_noop("Stage %(n)s: not acknowledged and past the date at the end")
_ANSWERED = gettext_noop("Stage %(n)s: answered")
_ON_TIME = gettext_noop("Stage %(n)s: answered on time")
_WITHIN_EXTENSION = gettext_noop("Stage %(n)s: answered within an extension")
_LONGER_EXTENSION = gettext_noop(
    "Stage %(n)s: answered after an extension longer than our limit, for a good reason"
)
_LATE = gettext_noop("Stage %(n)s: answered late")
_MISSING = gettext_noop("Stage %(n)s: answered, but dates missing (see data quality)")
_EXTENDED_LATE = gettext_noop("Stage %(n)s: extended only after the date had passed")
_WITHIN_CODE = gettext_noop("Stage %(n)s: answered within the Code's timescales")
_WITHIN_CODE_PERCENT = gettext_noop("Stage %(n)s: answered within the Code's timescales (%%)")
_DAYS_TAKEN = gettext_noop("Stage %(n)s: average working days to answer")
_RESPONSE_OVERDUE = gettext_noop("Stage %(n)s: not answered and past the date at the end")


def _stage_reached():
    return {"stage1": str(_("Stage 1 only")), "stage2": str(_("Reached stage 2"))}


CATALOGUE: list[Figure] = [
    # Volumes
    Figure("volumes.received", _("Cases received"), "Code 3.3, 9.7"),
    Figure(
        "volumes.by_kind", _("Cases received, by kind"), "Code 1.2-1.4", TABLE, _choices(CaseKind)
    ),
    Figure(
        "volumes.by_channel",
        _("Cases received, by how they reached us"),
        "Code 3.1-3.2",
        TABLE,
        _choices(Channel),
    ),
    Figure("volumes.by_category", _("Cases received, by category"), "Code 9.7", TABLE),
    Figure(
        "volumes.complaints_by_category",
        _("Complaints received, by category"),
        "Code 9.4, 9.7",
        TABLE,
    ),
    Figure(
        "volumes.complaints_by_stage_reached",
        _("Complaints received, by the stage reached"),
        "Code 5.3",
        TABLE,
        _stage_reached,
    ),
    Figure("volumes.contractor_related", _("Cases involving a contractor"), "Code 5.4-5.5"),
    Figure(
        "volumes.complaints_contractor_related",
        _("Complaints involving a contractor"),
        "Code 5.4-5.5",
    ),
    Figure("volumes.stage1_complaints", _("Stage 1 complaints made"), "TSM CH01"),
    Figure("volumes.stage2_escalations", _("Escalations to stage 2 asked for"), "TSM CH01"),
    Figure("volumes.homes", _("Homes"), "TSM CH01"),
    Figure(
        "volumes.stage1_per_1000_homes",
        _("Stage 1 complaints per 1,000 homes"),
        "TSM CH01 (1)",
        PER_1000,
    ),
    Figure(
        "volumes.stage2_per_1000_homes",
        _("Stage 2 complaints per 1,000 homes"),
        "TSM CH01 (2)",
        PER_1000,
    ),
    # Timeliness
    *_stage_figures(1),
    *_stage_figures(2),
    Figure(
        "timeliness.ch02_stage1_percent",
        _("Stage 1 complaints answered within the Code's timescales (%)"),
        "TSM CH02 (1)",
        PERCENT,
    ),
    Figure(
        "timeliness.ch02_stage2_percent",
        _("Stage 2 complaints answered within the Code's timescales (%)"),
        "TSM CH02 (2)",
        PERCENT,
    ),
    Figure(
        "timeliness.within_code_timescales_percent",
        _("All complaints answered within the Code's timescales (%)"),
        "Code 6.3, 6.14; TSM CH02",
        PERCENT,
    ),
    # Outcomes
    Figure(
        "outcomes.decisions.stage1",
        _("Stage 1 decisions"),
        "Code 6.9, 9.7",
        TABLE,
        _choices(Decision),
    ),
    Figure(
        "outcomes.decisions.stage2",
        _("Stage 2 decisions"),
        "Code 6.19, 9.7",
        TABLE,
        _choices(Decision),
    ),
    Figure("outcomes.withdrawn", _("Complaints withdrawn"), "Code 9.7"),
    Figure("outcomes.escalated", _("Stage 1 answers escalated to stage 2"), "Code 6.10"),
    Figure(
        "outcomes.escalation_rate_percent",
        _("Stage 1 answers escalated to stage 2 (%)"),
        "Code 6.10",
        PERCENT,
    ),
    Figure("outcomes.refused", _("Complaints not accepted"), "Code 2.1-2.5, 8.1b"),
    Figure(
        "outcomes.refusals_by_reason",
        _("Complaints not accepted, by reason"),
        "Code 8.1b",
        TABLE,
    ),
    Figure("outcomes.escalations_refused", _("Escalations refused"), "Code 5.11"),
    Figure(
        "outcomes.escalations_refused_by_reason",
        _("Escalations refused, by reason"),
        "Code 5.11, 8.1b",
        TABLE,
    ),
    # Putting things right
    Figure("remedies.offered", _("Remedies offered"), "Code 7.1"),
    Figure(
        "remedies.by_kind", _("Remedies offered, by kind"), "Code 7.1", TABLE, _choices(RemedyKind)
    ),
    Figure("remedies.financial_offered", _("Financial remedies offered"), "Code 7.1"),
    Figure(
        "remedies.financial_offered_total",
        _("Financial remedies offered: total (£)"),
        "Code 7.1",
        MONEY,
    ),
    Figure(
        "remedies.financial_offered_median",
        _("Financial remedies offered: median (£)"),
        "Code 7.1",
        MONEY,
    ),
    Figure("remedies.financial_paid", _("Financial remedies paid"), "Code 7.3"),
    Figure(
        "remedies.financial_paid_total", _("Financial remedies paid: total (£)"), "Code 7.3", MONEY
    ),
    Figure(
        "remedies.financial_paid_median",
        _("Financial remedies paid: median (£)"),
        "Code 7.3",
        MONEY,
    ),
    Figure("remedies.remedies_open_at_end", _("Remedies not yet done at the end"), "Code 7.3"),
    Figure(
        "remedies.remedies_overdue_at_end", _("Remedies past their date at the end"), "Code 7.3"
    ),
    Figure(
        "remedies.actions_open_at_end",
        _("Outstanding actions open at the end"),
        "Code 6.6, 6.17",
    ),
    Figure(
        "remedies.actions_overdue_at_end",
        _("Outstanding actions past their date at the end"),
        "Code 6.6, 6.17",
    ),
    # The Ombudsman
    Figure("ombudsman.referrals", _("Complaints referred to the Ombudsman"), "Code 9.7"),
    Figure(
        "ombudsman.referrals_by_scheme",
        _("Referrals, by Ombudsman"),
        "Code 9.7",
        TABLE,
        _choices(OmbudsmanSchemeKind),
    ),
    Figure("ombudsman.evidence_due", _("Ombudsman evidence requests due"), "Code 9.7"),
    Figure(
        "ombudsman.evidence_on_time",
        _("Ombudsman evidence sent within 15 working days"),
        "Code 9.7",
    ),
    Figure("ombudsman.evidence_late", _("Ombudsman evidence sent late"), "Code 9.7"),
    Figure("ombudsman.evidence_not_sent", _("Ombudsman evidence not sent"), "Code 9.7"),
    Figure(
        "ombudsman.evidence_on_time_percent",
        _("Ombudsman evidence sent within 15 working days (%)"),
        "Code 9.7",
        PERCENT,
    ),
    Figure("ombudsman.determinations", _("Ombudsman determinations"), "Code 8.1c, 9.7"),
    Figure(
        "ombudsman.findings",
        _("Ombudsman findings"),
        "Code 8.1c, 9.7",
        TABLE,
        _choices(DeterminationOutcome),
    ),
    Figure(
        "ombudsman.code_non_compliance_findings",
        _("Ombudsman findings that we did not follow the Complaint Handling Code"),
        "Code 8.1c",
    ),
    Figure("ombudsman.orders", _("Ombudsman orders"), "Code 9.7"),
    Figure("ombudsman.orders_complied_on_time", _("Orders complied with on time"), "Code 9.7"),
    Figure("ombudsman.orders_complied_late", _("Orders complied with late"), "Code 9.7"),
    Figure(
        "ombudsman.orders_outstanding_at_end", _("Orders not complied with at the end"), "Code 9.7"
    ),
    Figure("ombudsman.orders_overdue_at_end", _("Orders past their date at the end"), "Code 9.7"),
    # Learning
    Figure("learning.recorded", _("Lessons learned recorded"), "Code 9.1"),
    Figure("learning.recorded_from_cases", _("Lessons learned from named cases"), "Code 9.1"),
    Figure(
        "learning.recorded_by_theme",
        _("Lessons learned, by theme"),
        "Code 9.2, 9.4",
        TABLE,
        _choices(LessonTheme),
    ),
    Figure("learning.completed", _("Improvements completed"), "Code 8.1d"),
    Figure(
        "learning.completed_by_theme",
        _("Improvements completed, by theme"),
        "Code 8.1d",
        TABLE,
        _choices(LessonTheme),
    ),
    Figure(
        "learning.published_improvements",
        _("Improvements published for residents"),
        "Code 8.1d, 9.3",
    ),
    Figure("learning.open_at_end", _("Improvements not yet done at the end"), "Code 9.1"),
    Figure("learning.overdue_at_end", _("Improvements past their date at the end"), "Code 9.1"),
    # Trends
    Figure(
        "trends.months",
        _("Month by month"),
        "Code 9.4, 9.7",
        ROWS,
        columns={
            "month": _("Month"),
            "complaints_received": _("Complaints received"),
            "stage2_escalations": _("Escalations to stage 2"),
            "stage1_answered": _("Stage 1 answers"),
            "stage1_within_code": _("Stage 1 answers within the Code's timescales"),
            "stage2_answered": _("Stage 2 answers"),
            "stage2_within_code": _("Stage 2 answers within the Code's timescales"),
        },
    ),
    Figure(
        "trends.categories",
        _("Category by category"),
        "Code 9.4, 9.7",
        ROWS,
        columns={
            "category": _("Category"),
            "complaints_received": _("Complaints received"),
            "decisions": _("Decisions"),
            "upheld_or_partly": _("Upheld in whole or in part"),
        },
    ),
    # Data quality
    Figure(
        "data_quality.count",
        _("Records a figure could not use (listed in data quality)"),
        "Code 5.12",
    ),
]

FIGURES: dict[str, Figure] = {figure.key: figure for figure in CATALOGUE}


def figure_choices() -> list[tuple[str, str]]:
    """(key, label) for every figure, for a page type's "embed this figure" choice."""
    return [(figure.key, figure.label) for figure in CATALOGUE]


def figure_value(figures: dict, key: str):
    """One figure out of a result of `figures_for_period`, by its dotted key; None when the
    result does not hold it (for example, frozen before the figure existed)."""
    value = figures
    for name in key.split("."):
        if not isinstance(value, dict) or name not in value:
            return None
        value = value[name]
    return value


def figure_rows(figures: dict, key: str) -> list[tuple[str, object]]:
    """A TABLE figure as (label, value) rows, in the catalogue's order of labels when it has
    them (the choices' order), else in the result's order."""
    value = figure_value(figures, key) or {}
    figure = FIGURES[key]
    labels = figure.row_labels() if figure.row_labels else {}
    ordered = [k for k in labels if k in value] + [k for k in value if k not in labels]
    return [(labels.get(k, k), value[k]) for k in ordered]
