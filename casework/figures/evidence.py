"""The few figures a self-assessment row can show as evidence, as "x% (n of m)" (issue 6)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from casework.figures.catalogue import figure_value


@dataclass(frozen=True)
class EvidenceFigure:
    label: Promise | str
    part: str  # "timeliness.stage1"
    count: str  # "acknowledged_on_time"
    of: str  # "acknowledged"
    percent: str  # "acknowledged_on_time_percent"


EVIDENCE_FIGURES: dict[str, EvidenceFigure] = {
    "stage1_acknowledged_on_time": EvidenceFigure(
        _("Stage 1 complaints acknowledged within 5 working days (Code 6.2)"),
        "timeliness.stage1",
        "acknowledged_within_code",
        "acknowledged",
        "acknowledged_within_code_percent",
    ),
    "stage1_within_code": EvidenceFigure(
        _("Stage 1 answers within the Code's timescales (Code 6.3-6.4; TSM CH02)"),
        "timeliness.stage1",
        "within_code_timescales",
        "answered",
        "within_code_timescales_percent",
    ),
    "stage2_acknowledged_on_time": EvidenceFigure(
        _("Stage 2 escalations acknowledged within 5 working days (Code 6.11)"),
        "timeliness.stage2",
        "acknowledged_within_code",
        "acknowledged",
        "acknowledged_within_code_percent",
    ),
    "stage2_within_code": EvidenceFigure(
        _("Stage 2 answers within the Code's timescales (Code 6.14-6.15; TSM CH02)"),
        "timeliness.stage2",
        "within_code_timescales",
        "answered",
        "within_code_timescales_percent",
    ),
    "evidence_on_time": EvidenceFigure(
        _("Ombudsman evidence requests answered within 15 working days"),
        "ombudsman",
        "evidence_on_time",
        "evidence_due",
        "evidence_on_time_percent",
    ),
}


def evidence(figures: dict) -> dict:
    """Each evidence figure as {label, display, percent}, in the active language."""
    out = {}
    for key, figure in EVIDENCE_FIGURES.items():
        part = figure_value(figures, figure.part)
        percent, count, of = part[figure.percent], part[figure.count], part[figure.of]
        display = (
            str(_("%(percent)s%% (%(count)s of %(of)s)"))
            % {"percent": percent, "count": count, "of": of}
            if percent is not None
            else str(_("None in the period"))
        )
        out[key] = {"label": str(figure.label), "display": display, "percent": percent}
    return out
