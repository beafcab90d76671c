"""Volumes (Code 3.3, 9.7) and the Regulator's CH01: complaints per 1,000 homes."""

from collections import Counter

from django.utils.translation import gettext as _

from casework.choices import CaseKind, Channel
from casework.figures.common import NOT_CATEGORISED, DataQuality, Period, uk_date
from casework.figures.record import StageRow
from casework.models import Case


def load_received(period: Period) -> list[dict]:
    """The cases received in the period, every kind, as plain rows."""
    return [
        {
            "kind": values["kind"],
            "channel": values["channel"],
            "category": values["category__name"] or NOT_CATEGORISED,
            "concerns_contractor": values["concerns_contractor"],
            "received": values["received_on"],
            "case_id": values["pk"],
        }
        for values in Case.objects.filter(
            received_at__gte=period.since, received_at__lt=period.before
        ).values(
            "pk",
            "kind",
            "channel",
            "category__name",
            "concerns_contractor",
            received_on=uk_date("received_at"),
        )
    ]


def _per_1000(count: int, homes: int) -> float | None:
    return round(1000 * count / homes, 1) if homes else None


def volume_figures(
    received: list[dict],
    stages: list[StageRow],
    period: Period,
    homes: int,
    quality: DataQuality,
) -> dict:
    complaints = [c for c in received if c["kind"] == CaseKind.COMPLAINT]
    # CH01 counts the stage 1 complaints made and the escalations to stage 2 asked for in the
    # period, whatever happened to them afterwards (refused ones included).
    stage1 = sum(1 for s in stages if s.number == 1 and period.holds(s.requested))
    stage2 = sum(1 for s in stages if s.number == 2 and period.holds(s.requested))
    # The highest stage each complaint received in the period had reached by its end (5.3).
    escalated = {s.case_id for s in stages if s.number == 2 and period.by_end(s.requested)}
    reached_stage2 = sum(1 for c in complaints if c["case_id"] in escalated)
    if not homes:
        quality.add(
            reference="",
            figure="volumes.stage1_per_1000_homes",
            problem=_(
                "The number of homes is not set in the complaint process settings, so "
                "complaints per 1,000 homes (CH01) cannot be worked out."
            ),
        )
    return {
        "received": len(received),
        "by_kind": {
            kind: sum(1 for c in received if c["kind"] == kind) for kind in CaseKind.values
        },
        "by_channel": {
            channel: sum(1 for c in received if c["channel"] == channel)
            for channel in Channel.values
        },
        "by_category": dict(sorted(Counter(c["category"] for c in received).items())),
        "complaints_by_category": dict(sorted(Counter(c["category"] for c in complaints).items())),
        "complaints_by_stage_reached": {
            "stage1": len(complaints) - reached_stage2,
            "stage2": reached_stage2,
        },
        "contractor_related": sum(1 for c in received if c["concerns_contractor"]),
        "complaints_contractor_related": sum(1 for c in complaints if c["concerns_contractor"]),
        "stage1_complaints": stage1,
        "stage2_escalations": stage2,
        "homes": homes,
        "stage1_per_1000_homes": _per_1000(stage1, homes),
        "stage2_per_1000_homes": _per_1000(stage2, homes),
    }
