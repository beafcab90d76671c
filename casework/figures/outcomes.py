"""Outcomes (Code 9.7): decisions, withdrawals, escalations, refusals (8.1b); and putting things
right (7.1-7.3) with the outstanding actions still to do (6.6, 6.17)."""

from collections import Counter
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from casework.choices import (
    ActionStatus,
    CaseKind,
    CaseStatus,
    Decision,
    RemedyKind,
    RemedyStatus,
)
from casework.figures.common import DataQuality, Period, money, money_median, share, uk_date
from casework.figures.record import StageRow
from casework.models import Case, OutstandingAction, Remedy


def _reason(stage: StageRow) -> str:
    return stage.refusal_reason or str(_("No reason recorded"))


def outcome_figures(stages: list[StageRow], period: Period, quality: DataQuality) -> dict:
    answered = {
        n: [s for s in stages if s.number == n and period.holds(s.responded)] for n in (1, 2)
    }
    refused = {n: [s for s in stages if s.number == n and period.holds(s.refused)] for n in (1, 2)}
    for stage in answered[1] + answered[2]:
        if stage.decision not in Decision.values:
            quality.add(
                reference=stage.reference,
                figure="outcomes.decisions",
                problem=_("Stage %(n)s was answered, but its decision is missing.")
                % {"n": stage.number},
            )
    for stage in refused[1] + refused[2]:
        if stage.refusal_reason is None:
            quality.add(
                reference=stage.reference,
                figure="outcomes.refusals_by_reason",
                problem=_("Stage %(n)s was refused, but its exclusion reason is missing.")
                % {"n": stage.number},
            )

    # Complaints withdrawn in the period. One without the date it was withdrawn cannot be
    # placed in any period: it is listed instead.
    withdrawn = list(
        Case.objects.filter(kind=CaseKind.COMPLAINT, status=CaseStatus.WITHDRAWN)
        .filter(
            Q(closed_at__gte=period.since, closed_at__lt=period.before)
            | Q(closed_at__isnull=True, received_at__lt=period.before)
        )
        .values_list("reference", "closed_at")
    )
    for reference, closed_at in withdrawn:
        if closed_at is None:
            quality.add(
                reference=reference,
                figure="outcomes.withdrawn",
                problem=_("Withdrawn, but the date it was withdrawn is missing."),
            )

    # Of the stage 1 answers given in the period, those escalated by its end (Code 6.10).
    escalated_cases = {s.case_id for s in stages if s.number == 2 and period.by_end(s.requested)}
    escalated = sum(1 for s in answered[1] if s.case_id in escalated_cases)
    return {
        "decisions": {
            f"stage{n}": {
                decision: sum(1 for s in answered[n] if s.decision == decision)
                for decision in Decision.values
            }
            for n in (1, 2)
        },
        "withdrawn": sum(1 for _reference, closed_at in withdrawn if closed_at),
        "stage1_answered": len(answered[1]),
        "escalated": escalated,
        "escalation_rate_percent": share(escalated, len(answered[1])),
        "refused": len(refused[1]),
        "refusals_by_reason": dict(sorted(Counter(_reason(s) for s in refused[1]).items())),
        "escalations_refused": len(refused[2]),
        "escalations_refused_by_reason": dict(
            sorted(Counter(_reason(s) for s in refused[2]).items())
        ),
    }


def remedy_figures(period: Period, quality: DataQuality) -> dict:
    """Remedies offered and financial remedies paid in the period; remedies and outstanding
    actions still open at its end, and those of them past their date."""
    start, end = period.start, period.end
    offered_in_period = Q(created_at__gte=period.since, created_at__lt=period.before)
    paid_in_period = Q(kind=RemedyKind.FINANCIAL, paid_on__gte=start, paid_on__lte=end)
    open_at_end = Q(created_at__lt=period.before) & (
        Q(status=RemedyStatus.OFFERED) | Q(status=RemedyStatus.DONE, completed_on__gt=end)
    )
    remedies = list(
        Remedy.objects.filter(offered_in_period | paid_in_period | open_at_end).values(
            "kind",
            "amount",
            "status",
            "paid_on",
            "due_on",
            "completed_on",
            "case__reference",
            offered_on=uk_date("created_at"),
        )
    )
    offered = [r for r in remedies if period.holds(r["offered_on"])]
    financial, paid = [], []
    for remedy in remedies:
        if remedy["kind"] != RemedyKind.FINANCIAL:
            continue
        offered_now = period.holds(remedy["offered_on"])
        paid_now = period.holds(remedy["paid_on"])
        if (offered_now or paid_now) and remedy["amount"] is None:
            quality.add(
                reference=remedy["case__reference"],
                figure="remedies.financial_offered",
                problem=_("A financial remedy has no amount."),
            )
            continue
        if offered_now:
            financial.append(remedy["amount"])
        if paid_now:
            paid.append(remedy["amount"])
    still_open = [
        r
        for r in remedies
        if r["offered_on"] <= end
        and (
            r["status"] == RemedyStatus.OFFERED
            or (r["status"] == RemedyStatus.DONE and r["completed_on"] and r["completed_on"] > end)
        )
    ]
    actions = list(
        OutstandingAction.objects.filter(created_at__lt=period.before)
        .filter(Q(status=ActionStatus.OPEN) | Q(status=ActionStatus.DONE, completed_on__gt=end))
        .values_list("due_on", flat=True)
    )
    return {
        "offered": len(offered),
        "by_kind": {
            kind: sum(1 for r in offered if r["kind"] == kind) for kind in RemedyKind.values
        },
        "financial_offered": len(financial),
        "financial_offered_total": money(sum(financial, Decimal(0))),
        "financial_offered_median": money_median(financial),
        "financial_paid": len(paid),
        "financial_paid_total": money(sum(paid, Decimal(0))),
        "financial_paid_median": money_median(paid),
        "remedies_open_at_end": len(still_open),
        "remedies_overdue_at_end": sum(
            1 for r in still_open if r["due_on"] is not None and r["due_on"] < end
        ),
        "actions_open_at_end": len(actions),
        "actions_overdue_at_end": sum(1 for due in actions if due < end),
    }
