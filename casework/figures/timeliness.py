"""Timeliness per clock (Code 6.2-6.4, 6.11, 6.14-6.15) and the Regulator's CH02.

The stored clocks are the record's own: the acknowledgement date due and the first response date
were worked out by `casework.deadlines` from the landlord's timescales when the stage was logged
and acknowledged, and each extension moved the response date on. Against them an answer is:

- on time: by the first response date;
- within an extension: after it, but by the date an extension moved it to, when each extension
  was agreed with the resident by the date it moved (an extension agreed once the date had
  passed does not make a late answer timely) and together they were no longer than our limit;
- after a longer extension: the same, but longer than our limit (allowed only with a recorded
  good reason, and reported as such: Code 6.4, 6.15);
- late: otherwise.

CH02 counts the answers within the Code's own timescales: by 10 (stage 1) or 20 (stage 2)
working days from the acknowledgement, or by the extended date of an extension the Code allows
(at most 10 or 20 more working days, agreed in time). With the Code's timescales as the
landlord's, that is "on time" plus "within an extension"; with shorter ones of its own, an
answer late by the landlord's clock can still be within the Code's.
"""

import datetime as dt
from collections import Counter
from collections.abc import Sequence

from django.utils.translation import gettext as _

from casework.code import CODE_MAXIMA
from casework.figures.common import DataQuality, Period, RememberingCalendar, average, share
from casework.figures.record import ExtensionFacts, StageRow

ON_TIME = "on_time"
WITHIN_EXTENSION = "within_extension"
AFTER_LONGER_EXTENSION = "after_longer_extension"
LATE = "late"


def agreed_extensions(
    first_due: dt.date, extensions: Sequence[ExtensionFacts], answered: dt.date | None = None
) -> tuple[dt.date, int, bool, bool]:
    """The extensions that count, in the order they were made: each recorded, and agreed with
    the resident, by the date it moved, and (given the date of the answer) only as many as the
    answer needed.
    Returns the date they moved the answer to, their working days in all, whether any was
    longer than our limit, and whether one came after its date had passed (from which point
    none counts)."""
    due, total, longer = first_due, 0, False
    for extension in extensions:
        if answered is not None and answered <= due:
            break
        # Judged on when the extension was recorded, not only on the date typed as the day
        # the resident was told: a date typed into the past cannot make a late answer timely.
        told = extension.resident_told_on
        agreed = extension.agreed_on
        if told is None or told > extension.previous_due_on:
            return due, total, longer, True
        if agreed is not None and agreed > extension.previous_due_on:
            return due, total, longer, True
        due = extension.new_due_on
        total += extension.working_days
        longer = longer or extension.exceeds_limit
    return due, total, longer, False


def response_timeliness(
    *,
    answered: dt.date,
    first_due: dt.date,
    extensions: Sequence[ExtensionFacts],
    extension_limit: int,
) -> str:
    """How a stage's answer stood against its clock: ON_TIME, WITHIN_EXTENSION,
    AFTER_LONGER_EXTENSION or LATE (see the module docstring). `extension_limit` is the
    landlord's longest extension at the stage, in working days."""
    if answered <= first_due:
        return ON_TIME
    due, total, longer, _late = agreed_extensions(first_due, extensions, answered)
    if total and answered <= due:
        return AFTER_LONGER_EXTENSION if longer or total > extension_limit else WITHIN_EXTENSION
    return LATE


def within_code_timescales(
    *,
    number: int,
    acknowledged: dt.date,
    answered: dt.date,
    first_due: dt.date,
    extensions: Sequence[ExtensionFacts],
    calendar,
) -> bool:
    """Whether an answer was within the Code's timescales (TSM CH02): by 10 or 20 working days
    after the acknowledgement (Code 6.3, 6.14), or by the date an extension the Code allows
    moved it to (6.4, 6.15)."""
    response = CODE_MAXIMA.stage1_response if number == 1 else CODE_MAXIMA.stage2_response
    allowed = CODE_MAXIMA.stage1_extension if number == 1 else CODE_MAXIMA.stage2_extension
    if answered <= calendar.add_working_days(acknowledged, response):
        return True
    due, total, _longer, _late = agreed_extensions(first_due, extensions, answered)
    return 0 < total <= allowed and answered <= due


def due_at_end(stage: StageRow, end: dt.date) -> dt.date | None:
    """The response date as it stood at the end of the period: later extensions not counted."""
    due = stage.original_response_due_on or stage.response_due_on
    for extension in stage.extensions:
        if extension.agreed_on is not None and extension.agreed_on <= end:
            due = extension.new_due_on
    return due


def _closed_by_end(stage: StageRow, period: Period) -> bool:
    """Whether the case had been withdrawn or closed by the end of the period. One ended
    without a recorded date is taken as ended (its missing date is listed under outcomes)."""
    return period.by_end(stage.closed) or (stage.closed is None and stage.ended)


def _stage_figures(
    stages: list[StageRow], number: int, period: Period, quality: DataQuality
) -> tuple[dict, dict[int, bool]]:
    calendar: RememberingCalendar = period.calendar
    code_ack = (
        CODE_MAXIMA.stage1_acknowledgement if number == 1 else CODE_MAXIMA.stage2_acknowledgement
    )
    limit = (
        period.timescales.stage1_extension if number == 1 else period.timescales.stage2_extension
    )
    figure = f"timeliness.stage{number}"
    mine = [s for s in stages if s.number == number]

    # Acknowledgements made in the period (Code 6.2, 6.11).
    acknowledged = [s for s in mine if period.holds(s.acknowledged)]
    ack_on_time = sum(1 for s in acknowledged if s.acknowledged <= s.acknowledgement_due_on)
    ack_within_code = sum(
        1
        for s in acknowledged
        if s.acknowledged <= calendar.add_working_days(s.requested, code_ack)
    )
    days_to_ack = [calendar.working_days_between(s.requested, s.acknowledged) for s in acknowledged]
    # Still not acknowledged (nor answered, refused or closed) at the end, and past the date:
    # nothing else would count them.
    awaiting_ack = sum(
        1
        for s in mine
        if not period.by_end(s.acknowledged)
        and not period.by_end(s.responded)
        and not period.by_end(s.refused)
        and not _closed_by_end(s, period)
        and s.acknowledgement_due_on < period.end
    )

    # Answers given in the period (Code 6.3-6.4, 6.14-6.15).
    answered = [s for s in mine if period.holds(s.responded)]
    counted, days_taken, within_code = Counter(), [], {}
    for stage in answered:
        if stage.acknowledged is None or stage.original_response_due_on is None:
            problem = (
                _("Stage %(n)s was answered, but the date it was acknowledged is missing.")
                if stage.acknowledged is None
                else _("Stage %(n)s was answered, but its first response date is missing.")
            )
            quality.add(reference=stage.reference, figure=figure, problem=problem % {"n": number})
            counted["missing_dates"] += 1
            continue
        counted[
            response_timeliness(
                answered=stage.responded,
                first_due=stage.original_response_due_on,
                extensions=stage.extensions,
                extension_limit=limit,
            )
        ] += 1
        counted["extended_after_due_date"] += agreed_extensions(
            stage.original_response_due_on, stage.extensions, stage.responded
        )[3]
        within_code[stage.pk] = within_code_timescales(
            number=number,
            acknowledged=stage.acknowledged,
            answered=stage.responded,
            first_due=stage.original_response_due_on,
            extensions=stage.extensions,
            calendar=calendar,
        )
        days_taken.append(calendar.working_days_between(stage.acknowledged, stage.responded))

    awaiting_response = 0
    for stage in mine:
        if (
            not period.by_end(stage.acknowledged)
            or period.by_end(stage.responded)
            or _closed_by_end(stage, period)
        ):
            continue
        due = due_at_end(stage, period.end)
        if due is None:
            quality.add(
                reference=stage.reference,
                figure=figure,
                problem=_("Stage %(n)s was acknowledged, but it has no response date.")
                % {"n": number},
            )
        elif due < period.end:
            awaiting_response += 1

    assessed = len(answered) - counted["missing_dates"]
    in_code = sum(within_code.values())
    return {
        "acknowledged": len(acknowledged),
        "acknowledged_on_time": ack_on_time,
        "acknowledged_late": len(acknowledged) - ack_on_time,
        "acknowledged_on_time_percent": share(ack_on_time, len(acknowledged)),
        "acknowledged_within_code": ack_within_code,
        "acknowledged_within_code_percent": share(ack_within_code, len(acknowledged)),
        "average_working_days_to_acknowledge": average(days_to_ack),
        "awaiting_acknowledgement_overdue": awaiting_ack,
        "answered": len(answered),
        "answered_on_time": counted[ON_TIME],
        "answered_within_extension": counted[WITHIN_EXTENSION],
        "answered_after_longer_extension": counted[AFTER_LONGER_EXTENSION],
        "answered_late": counted[LATE],
        "answered_missing_dates": counted["missing_dates"],
        "extended_after_due_date": counted["extended_after_due_date"],
        "within_code_timescales": in_code,
        "within_code_timescales_percent": share(in_code, assessed),
        "average_working_days": average(days_taken),
        "awaiting_response_overdue": awaiting_response,
    }, within_code


def timeliness_figures(
    stages: list[StageRow], period: Period, quality: DataQuality
) -> tuple[dict, dict[int, bool]]:
    """The timeliness part, and for each stage answered in the period (by pk) whether it was
    within the Code's timescales (for the trends)."""
    result, within_code = {}, {}
    for number in (1, 2):
        result[f"stage{number}"], within = _stage_figures(stages, number, period, quality)
        within_code.update(within)
    within = sum(result[f"stage{n}"]["within_code_timescales"] for n in (1, 2))
    assessed = sum(
        result[f"stage{n}"]["answered"] - result[f"stage{n}"]["answered_missing_dates"]
        for n in (1, 2)
    )
    result["ch02_stage1_percent"] = result["stage1"]["within_code_timescales_percent"]
    result["ch02_stage2_percent"] = result["stage2"]["within_code_timescales_percent"]
    result["within_code_timescales_percent"] = share(within, assessed)
    return result, within_code
