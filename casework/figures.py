"""The complaints figures for a period, from the casework record (issue 6; Code 8.1, 9.7; the
Regulator's Tenant Satisfaction Measures CH01 and CH02).

`figures_for_period(start, end, calendar=...)` returns one JSON-serialisable dict: what pages
freeze when published and what the governing body's view and the exports show. It reads the
record in a fixed number of queries, whatever its size.

What counts where (all dates are London dates, inclusive):
- volumes: cases *received* in the period; CH01 counts stage 1 complaints made and stage 2
  escalations requested in the period per 1,000 homes (the settings' number of homes);
- timeliness: stages *acknowledged* (for the 5-working-day clocks, Code 6.2, 6.11) or
  *answered* (for the response clocks, 6.3, 6.14) in the period. An answer is on time by the
  first response date, "within an extension" by the extended date when no extension went beyond
  the Code's limit (6.4, 6.15), "after a longer extension" when one did, otherwise late. CH02 is
  the share answered within the Code's timescales: on time or within an allowed extension;
- outcomes: decisions of stages answered in the period; withdrawals and refusals made in it;
- Ombudsman: referrals made, evidence requests due, determinations made in the period.

Nothing is dropped silently: a stage that is answered but lacks a date its clock needs is left
out of that figure and listed under `data_quality` with what is missing.
"""

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.choices import (
    ActionStatus,
    CaseKind,
    CaseStatus,
    Channel,
    Decision,
    DeterminationOutcome,
    RemedyKind,
)
from casework.deadlines import WorkingDayCalendar
from casework.models import (
    Case,
    ComplaintCategory,
    EvidenceRequest,
    Extension,
    OmbudsmanOrder,
    OmbudsmanReferral,
    OutstandingAction,
    Remedy,
    Stage,
)
from casework.process import process_settings

NOT_CATEGORISED = "—"


def _day(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(moment) if moment else None


def _within(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


def _share(part: int, whole: int) -> float | None:
    """A percentage to one decimal place; None when there is nothing to divide by."""
    return round(100 * part / whole, 1) if whole else None


def _money(value: Decimal | None) -> str:
    return f"{(value or Decimal(0)):.2f}"


def _bounds(start: dt.date, end: dt.date):
    """The period as aware datetimes: from the start of `start` to before the day after `end`."""
    zone = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=zone),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=zone),
    )


def months_between(start: dt.date, end: dt.date) -> list[str]:
    """Every month the period touches, as "2026-04"."""
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


# Timeliness


def response_timeliness(stage: Stage, extensions: list[Extension]) -> str:
    """How a stage's answer stood against its clock: "on_time", "within_extension",
    "beyond_limit_extension" or "late" (Code 6.3-6.4, 6.14-6.15)."""
    answered = _day(stage.responded_at)
    if answered <= stage.original_response_due_on:
        return "on_time"
    if stage.response_due_on and answered <= stage.response_due_on and extensions:
        if any(extension.exceeds_limit for extension in extensions):
            return "beyond_limit_extension"
        return "within_extension"
    return "late"


def _clock_figures(stages, extensions_by_stage, start, end, calendar, problems) -> dict:
    result = {}
    for number in (1, 2):
        acknowledged = [
            s for s in stages if s.number == number and _within(_day(s.acknowledged_at), start, end)
        ]
        ack_on_time = sum(
            1 for s in acknowledged if _day(s.acknowledged_at) <= s.acknowledgement_due_on
        )
        answered = [
            s for s in stages if s.number == number and _within(_day(s.responded_at), start, end)
        ]
        counted, days_taken = Counter(), []
        for stage in answered:
            if stage.acknowledged_at is None or stage.original_response_due_on is None:
                problems.append(
                    {
                        "reference": stage.case.reference,
                        "problem": str(
                            _("Stage %(n)s answered, but its acknowledgement date is missing")
                            % {"n": number}
                        ),
                    }
                )
                counted["missing_dates"] += 1
                continue
            counted[response_timeliness(stage, extensions_by_stage.get(stage.pk, []))] += 1
            days_taken.append(
                calendar.working_days_between(_day(stage.acknowledged_at), _day(stage.responded_at))
            )
        assessed = len(answered) - counted["missing_dates"]
        within_code = counted["on_time"] + counted["within_extension"]
        result[f"stage{number}"] = {
            "acknowledged": len(acknowledged),
            "acknowledged_on_time": ack_on_time,
            "acknowledged_late": len(acknowledged) - ack_on_time,
            "acknowledged_on_time_percent": _share(ack_on_time, len(acknowledged)),
            "answered": len(answered),
            "answered_on_time": counted["on_time"],
            "answered_within_extension": counted["within_extension"],
            "answered_after_longer_extension": counted["beyond_limit_extension"],
            "answered_late": counted["late"],
            "answered_missing_dates": counted["missing_dates"],
            "within_code_timescales": within_code,
            "within_code_timescales_percent": _share(within_code, assessed),
            "average_working_days": (round(statistics.mean(days_taken), 1) if days_taken else None),
        }
    return result


# The whole set


@dataclass(frozen=True)
class EvidenceFigure:
    """A figure a self-assessment row can show as evidence."""

    label: str
    part: str  # "timeliness.stage1"
    count: str  # "acknowledged_on_time"
    of: str  # "acknowledged"
    percent: str  # "acknowledged_on_time_percent"


EVIDENCE_FIGURES: dict[str, EvidenceFigure] = {
    "stage1_acknowledged_on_time": EvidenceFigure(
        _("Stage 1 complaints acknowledged within 5 working days (Code 6.2)"),
        "timeliness.stage1",
        "acknowledged_on_time",
        "acknowledged",
        "acknowledged_on_time_percent",
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
        "acknowledged_on_time",
        "acknowledged",
        "acknowledged_on_time_percent",
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


def _evidence(figures: dict) -> dict:
    out = {}
    for key, figure in EVIDENCE_FIGURES.items():
        part = figures
        for name in figure.part.split("."):
            part = part[name]
        percent, count, of = part[figure.percent], part[figure.count], part[figure.of]
        display = (
            str(_("%(percent)s%% (%(count)s of %(of)s)"))
            % {"percent": percent, "count": count, "of": of}
            if percent is not None
            else str(_("None in the period"))
        )
        out[key] = {"label": str(figure.label), "display": display, "percent": percent}
    return out


def figures_for_period(start: dt.date, end: dt.date, *, calendar: WorkingDayCalendar) -> dict:
    """Every figure for the period, JSON-serialisable (see the module docstring)."""
    since, before = _bounds(start, end)
    problems: list[dict] = []
    settings = process_settings()

    # 1. Cases received in the period.
    received = list(
        Case.objects.filter(received_at__gte=since, received_at__lt=before).values(
            "kind", "channel", "category__name", "concerns_contractor", "received_at"
        )
    )
    complaints_received = [c for c in received if c["kind"] == CaseKind.COMPLAINT]

    # 2. Stages with anything in the period, with their case and extensions (one query each).
    in_period = (
        Q(requested_at__gte=since, requested_at__lt=before)
        | Q(acknowledged_at__gte=since, acknowledged_at__lt=before)
        | Q(responded_at__gte=since, responded_at__lt=before)
        | Q(refused_at__gte=since, refused_at__lt=before)
    )
    stages = list(
        Stage.objects.filter(in_period)
        .select_related("case", "case__category", "refusal_reason")
        .order_by("case__reference", "number")
    )
    extensions_by_stage: dict[int, list[Extension]] = {}
    for extension in Extension.objects.filter(stage__in=[s.pk for s in stages]):
        extensions_by_stage.setdefault(extension.stage_id, []).append(extension)

    requested = {
        n: [s for s in stages if s.number == n and _within(_day(s.requested_at), start, end)]
        for n in (1, 2)
    }
    answered = {
        n: [s for s in stages if s.number == n and _within(_day(s.responded_at), start, end)]
        for n in (1, 2)
    }
    refused = {
        n: [s for s in stages if s.number == n and _within(_day(s.refused_at), start, end)]
        for n in (1, 2)
    }
    homes = settings.number_of_homes
    if not homes:
        problems.append(
            {
                "reference": "",
                "problem": str(_("The number of homes is not set, so CH01 cannot be worked out")),
            }
        )

    volumes = {
        "received": len(received),
        "by_kind": {
            kind: sum(1 for c in received if c["kind"] == kind) for kind in CaseKind.values
        },
        "by_channel": {
            channel: sum(1 for c in received if c["channel"] == channel)
            for channel in Channel.values
        },
        "complaints_by_category": dict(
            sorted(
                Counter(c["category__name"] or NOT_CATEGORISED for c in complaints_received).items()
            )
        ),
        "contractor_related": sum(1 for c in received if c["concerns_contractor"]),
        "stage1_complaints": len(requested[1]),
        "stage2_escalations": len(requested[2]),
        "homes": homes,
        "stage1_per_1000_homes": round(1000 * len(requested[1]) / homes, 1) if homes else None,
        "stage2_per_1000_homes": round(1000 * len(requested[2]) / homes, 1) if homes else None,
    }

    timeliness = _clock_figures(stages, extensions_by_stage, start, end, calendar, problems)
    within = sum(timeliness[f"stage{n}"]["within_code_timescales"] for n in (1, 2))
    assessed = sum(
        timeliness[f"stage{n}"]["answered"] - timeliness[f"stage{n}"]["answered_missing_dates"]
        for n in (1, 2)
    )
    timeliness["ch02_stage1_percent"] = timeliness["stage1"]["within_code_timescales_percent"]
    timeliness["ch02_stage2_percent"] = timeliness["stage2"]["within_code_timescales_percent"]
    timeliness["within_code_timescales_percent"] = _share(within, assessed)

    # 3. Outcomes.
    withdrawn = Case.objects.filter(
        kind=CaseKind.COMPLAINT,
        status=CaseStatus.WITHDRAWN,
        closed_at__gte=since,
        closed_at__lt=before,
    ).count()
    decisions = {
        f"stage{n}": {
            decision: sum(1 for s in answered[n] if s.decision == decision)
            for decision in Decision.values
        }
        for n in (1, 2)
    }
    outcomes = {
        "decisions": decisions,
        "withdrawn": withdrawn,
        "escalation_rate_percent": _share(len(requested[2]), len(answered[1])),
        "refusals_by_reason": dict(sorted(Counter(_reason(s) for s in refused[1]).items())),
        "refused": len(refused[1]),
        "escalations_refused": len(refused[2]),
        "escalations_refused_by_reason": dict(
            sorted(Counter(_reason(s) for s in refused[2]).items())
        ),
    }

    # 4. Putting things right: remedies offered in the period; actions open at its end.
    remedies = list(
        Remedy.objects.filter(created_at__gte=since, created_at__lt=before).values(
            "kind", "amount", "status"
        )
    )
    financial = sorted(
        r["amount"] for r in remedies if r["kind"] == RemedyKind.FINANCIAL and r["amount"]
    )
    paid = list(
        Remedy.objects.filter(
            kind=RemedyKind.FINANCIAL, paid_on__gte=start, paid_on__lte=end
        ).values_list("amount", flat=True)
    )
    open_at_end = (
        OutstandingAction.objects.filter(created_at__lt=before)
        .exclude(status=ActionStatus.CANCELLED)
        .filter(Q(completed_on__isnull=True) | Q(completed_on__gt=end))
    )
    open_actions = list(open_at_end.values_list("due_on", flat=True))
    remedy_figures = {
        "by_kind": {
            kind: sum(1 for r in remedies if r["kind"] == kind) for kind in RemedyKind.values
        },
        "financial_offered": len(financial),
        "financial_offered_total": _money(sum(financial, Decimal(0))),
        "financial_offered_median": _money(statistics.median(financial)) if financial else None,
        "financial_paid": len(paid),
        "financial_paid_total": _money(sum((p or Decimal(0) for p in paid), Decimal(0))),
        "actions_open_at_end": len(open_actions),
        "actions_overdue_at_end": sum(1 for due in open_actions if due < end),
    }

    ombudsman = _ombudsman(start, end)

    # 5. Trends: complaints received by month, stage 1 answers in time by month, by category.
    months = months_between(start, end)
    by_month_received = Counter(f"{_day(c['received_at']):%Y-%m}" for c in complaints_received)
    by_month_answered, by_month_within = Counter(), Counter()
    for stage in answered[1]:
        month = f"{_day(stage.responded_at):%Y-%m}"
        if stage.acknowledged_at and stage.original_response_due_on:
            by_month_answered[month] += 1
            kind = response_timeliness(stage, extensions_by_stage.get(stage.pk, []))
            by_month_within[month] += kind in ("on_time", "within_extension")
    categories = sorted(
        {*ComplaintCategory.objects.values_list("name", flat=True)}
        | {c["category__name"] or NOT_CATEGORISED for c in complaints_received}
    )
    upheld_by_category = Counter(
        s.case.category.name if s.case.category else NOT_CATEGORISED
        for n in (1, 2)
        for s in answered[n]
        if s.decision in (Decision.UPHELD, Decision.PARTLY_UPHELD)
    )
    trends = {
        "months": [
            {
                "month": month,
                "complaints_received": by_month_received[month],
                "stage1_answered": by_month_answered[month],
                "stage1_within_code": by_month_within[month],
            }
            for month in months
        ],
        "categories": [
            {
                "category": name,
                "complaints_received": volumes["complaints_by_category"].get(name, 0),
                "upheld_or_partly": upheld_by_category[name],
            }
            for name in categories
        ],
    }

    figures = {
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "calculated_at": timezone.now().isoformat(timespec="seconds"),
        "volumes": volumes,
        "timeliness": timeliness,
        "outcomes": outcomes,
        "remedies": remedy_figures,
        "ombudsman": ombudsman,
        "trends": trends,
        "data_quality": problems,
    }
    figures["evidence"] = _evidence(figures)
    return figures


def _reason(stage: Stage) -> str:
    return stage.refusal_reason.title if stage.refusal_reason_id else str(_("No reason recorded"))


def _ombudsman(start: dt.date, end: dt.date) -> dict:
    referrals = OmbudsmanReferral.objects.filter(referred_on__gte=start, referred_on__lte=end)
    requests = list(
        EvidenceRequest.objects.filter(due_on__gte=start, due_on__lte=end).values(
            "due_on", "sent_on"
        )
    )
    on_time = sum(1 for r in requests if r["sent_on"] and r["sent_on"] <= r["due_on"])
    late = sum(1 for r in requests if r["sent_on"] and r["sent_on"] > r["due_on"])
    determinations = list(
        OmbudsmanReferral.objects.filter(
            determination__determined_on__gte=start, determination__determined_on__lte=end
        ).values("determination__outcome", "determination__complaint_handling_failure")
    )
    orders = list(
        OmbudsmanOrder.objects.filter(
            determination__determined_on__gte=start, determination__determined_on__lte=end
        ).values("due_on", "complied_on")
    )
    return {
        "referrals": referrals.count(),
        "evidence_due": len(requests),
        "evidence_on_time": on_time,
        "evidence_late": late,
        "evidence_not_sent": len(requests) - on_time - late,
        "evidence_on_time_percent": _share(on_time, len(requests)),
        "determinations": len(determinations),
        "findings": {
            outcome: sum(1 for d in determinations if d["determination__outcome"] == outcome)
            for outcome in DeterminationOutcome.values
        },
        "complaint_handling_failures": sum(
            1 for d in determinations if d["determination__complaint_handling_failure"]
        ),
        "orders": len(orders),
        "orders_complied_on_time": sum(
            1 for o in orders if o["complied_on"] and o["complied_on"] <= o["due_on"]
        ),
        "orders_complied_late": sum(
            1 for o in orders if o["complied_on"] and o["complied_on"] > o["due_on"]
        ),
        "orders_outstanding": sum(1 for o in orders if not o["complied_on"]),
    }
