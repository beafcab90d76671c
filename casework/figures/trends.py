"""Trends (Code 9.4, 9.7): month by month, and category by category."""

from collections import Counter

from casework.choices import CaseKind, Decision
from casework.figures.common import Period, months_between
from casework.figures.record import StageRow
from casework.models import ComplaintCategory


def _month(day) -> str:
    return f"{day:%Y-%m}"


def trend_figures(
    received: list[dict], stages: list[StageRow], within_code: dict[int, bool], period: Period
) -> dict:
    complaints = [c for c in received if c["kind"] == CaseKind.COMPLAINT]
    received_by_month = Counter(_month(c["received"]) for c in complaints)
    escalations = Counter(
        _month(s.requested) for s in stages if s.number == 2 and period.holds(s.requested)
    )
    answered = {n: Counter() for n in (1, 2)}
    in_code = {n: Counter() for n in (1, 2)}
    for stage in stages:
        if period.holds(stage.responded):
            answered[stage.number][_month(stage.responded)] += 1
            in_code[stage.number][_month(stage.responded)] += within_code.get(stage.pk, False)
    months = [
        {
            "month": month,
            "complaints_received": received_by_month[month],
            "stage2_escalations": escalations[month],
            "stage1_answered": answered[1][month],
            "stage1_within_code": in_code[1][month],
            "stage2_answered": answered[2][month],
            "stage2_within_code": in_code[2][month],
        }
        for month in months_between(period.start, period.end)
    ]

    received_by_category = Counter(c["category"] for c in complaints)
    decisions, upheld = Counter(), Counter()
    for stage in stages:
        if period.holds(stage.responded):
            decisions[stage.category] += 1
            upheld[stage.category] += stage.decision in (Decision.UPHELD, Decision.PARTLY_UPHELD)
    names = sorted(
        set(ComplaintCategory.objects.values_list("name", flat=True))
        | set(received_by_category)
        | set(decisions)
    )
    categories = [
        {
            "category": name,
            "complaints_received": received_by_category[name],
            "decisions": decisions[name],
            "upheld_or_partly": upheld[name],
        }
        for name in names
    ]
    return {"months": months, "categories": categories}
