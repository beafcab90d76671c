"""The stages the figures read, as plain rows, in two queries whatever the number of cases."""

import datetime as dt
from dataclasses import dataclass, field

from casework.choices import ENDED_STATUSES
from casework.figures.common import NOT_CATEGORISED, Period, uk_date
from casework.models import Extension, Stage


@dataclass(frozen=True)
class ExtensionFacts:
    """One extension of a stage's response date (Code 6.4, 6.15), as the figures need it."""

    working_days: int
    previous_due_on: dt.date
    new_due_on: dt.date
    resident_told_on: dt.date | None
    exceeds_limit: bool = False
    agreed_on: dt.date | None = None


@dataclass
class StageRow:
    """A stage and the facts about its case the figures need."""

    pk: int
    case_id: int
    reference: str
    number: int
    category: str
    requested: dt.date
    acknowledgement_due_on: dt.date
    acknowledged: dt.date | None
    original_response_due_on: dt.date | None
    response_due_on: dt.date | None
    responded: dt.date | None
    decision: str
    refused: dt.date | None
    refusal_reason: str | None
    closed: dt.date | None
    ended: bool  # the case is withdrawn or closed, whether or not its date was recorded
    extensions: list[ExtensionFacts] = field(default_factory=list)


def live_in(stage: StageRow, period: Period) -> bool:
    """What `load_stages(period)` asks the database, asked of a row loaded for a longer span:
    requested by the end of the period and not answered, refused or closed before its start.
    (The figures themselves pass over a stage that ended before the period; leaving it out keeps
    each period's work to its own stages.)"""
    return (
        stage.requested <= period.end
        and not (stage.responded and stage.responded < period.start)
        and not (stage.refused and stage.refused < period.start)
        and not (stage.closed and stage.closed < period.start)
    )


def load_stages(period: Period) -> list[StageRow]:
    """Every stage live at some time in the period: requested before its end and not answered,
    refused or closed before its start. Oldest case first."""
    live = (
        Stage.objects.filter(requested_at__lt=period.before)
        .exclude(responded_at__lt=period.since)
        .exclude(refused_at__lt=period.since)
        .exclude(case__closed_at__lt=period.since)
    )
    rows = {
        values["pk"]: StageRow(
            pk=values["pk"],
            case_id=values["case_id"],
            reference=values["case__reference"],
            number=values["number"],
            category=values["case__category__name"] or NOT_CATEGORISED,
            requested=values["requested_on"],
            acknowledgement_due_on=values["acknowledgement_due_on"],
            acknowledged=values["acknowledged_on"],
            original_response_due_on=values["original_response_due_on"],
            response_due_on=values["response_due_on"],
            responded=values["responded_on"],
            decision=values["decision"],
            refused=values["refused_on"],
            refusal_reason=values["refusal_reason__title"],
            closed=values["closed_on"],
            ended=values["case__status"] in ENDED_STATUSES,
        )
        for values in live.order_by("case__received_at", "case_id", "number").values(
            "pk",
            "case_id",
            "case__reference",
            "number",
            "case__category__name",
            "acknowledgement_due_on",
            "original_response_due_on",
            "response_due_on",
            "decision",
            "refusal_reason__title",
            "case__status",
            requested_on=uk_date("requested_at"),
            acknowledged_on=uk_date("acknowledged_at"),
            responded_on=uk_date("responded_at"),
            refused_on=uk_date("refused_at"),
            closed_on=uk_date("case__closed_at"),
        )
    }
    extensions = (
        Extension.objects.filter(stage__in=live.values("pk"))
        .order_by("stage_id", "created_at", "pk")
        .values(
            "stage_id",
            "working_days",
            "previous_due_on",
            "new_due_on",
            "resident_told_on",
            "exceeds_limit",
            agreed_on=uk_date("created_at"),
        )
    )
    for values in extensions:
        row = rows.get(values["stage_id"])
        if row is None:  # a stage that became live between the two queries
            continue
        row.extensions.append(
            ExtensionFacts(
                working_days=values["working_days"],
                previous_due_on=values["previous_due_on"],
                new_due_on=values["new_due_on"],
                resident_told_on=values["resident_told_on"],
                exceeds_limit=values["exceeds_limit"],
                agreed_on=values["agreed_on"],
            )
        )
    return list(rows.values())
