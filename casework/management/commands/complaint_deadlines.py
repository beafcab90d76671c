"""`manage.py complaint_deadlines 2026-12-22`: the due date of every clock for a complaint
received that day, as JSON.

For checking the working-day calendar against a real case, or after a bank holiday is announced.
It uses the landlord's own timescales and closure days when the site has them.
"""

import datetime as dt
import json
from dataclasses import asdict

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from casework import deadlines
from casework.code import Nation, Timescales
from casework.deadlines import WorkingDayCalendar
from casework.models import ComplaintProcessSettings

DATE_HELP = "Enter the date as YYYY-MM-DD, for example 2026-12-22."


def parse_date(value: str | None, what: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(
            f"The {what} “{value}” is not a date we understand. {DATE_HELP}"
        ) from None


def landlord_settings() -> tuple[Timescales, frozenset[dt.date], Nation, str]:
    """Timescales, closure days, nation, and where they came from."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Timescales(), frozenset(), Nation.ENGLAND, "Complaint Handling Code limits"
    settings = ComplaintProcessSettings.for_site(site)
    return (
        settings.timescales(),
        settings.closure_dates(),
        Nation(settings.nation),
        "landlord's complaint process settings",
    )


def iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def stage1_clocks(
    received: dt.date,
    acknowledged: dt.date | None,
    timescales: Timescales,
    calendar: WorkingDayCalendar,
) -> dict:
    acknowledgement_due = deadlines.stage1_acknowledgement_due(received, timescales, calendar)
    # Code 6.3 counts from the acknowledgement. Until it is sent, the latest it may be sent is
    # the best guess, and the JSON says which was used.
    start = acknowledged or acknowledgement_due
    response_due = deadlines.stage1_response_due(start, timescales, calendar)
    return {
        "stage1_acknowledgement_due": iso(acknowledgement_due),
        "stage1_response_counted_from": (
            "acknowledged" if acknowledged else "stage 1 acknowledgement due date"
        ),
        "stage1_response_start": iso(start),
        "stage1_response_due": iso(response_due),
        "stage1_response_due_with_longest_extension": iso(
            deadlines.extended_due(response_due, timescales.stage1_extension, calendar)
        ),
    }


def stage2_clocks(
    escalated: dt.date | None, timescales: Timescales, calendar: WorkingDayCalendar
) -> dict:
    if escalated is None:
        # Code 6.11 counts from the resident's request to escalate, which cannot be guessed.
        return {
            "escalated": None,
            "stage2_acknowledgement_due": None,
            "stage2_response_due": None,
            "stage2_response_due_with_longest_extension": None,
            "stage2_note": "Stage 2 clocks start when the resident asks to escalate. "
            "Give --escalated DATE to see them.",
        }
    acknowledgement_due = deadlines.stage2_acknowledgement_due(escalated, timescales, calendar)
    response_due = deadlines.stage2_response_due(acknowledgement_due, timescales, calendar)
    return {
        "escalated": iso(escalated),
        "stage2_acknowledgement_due": iso(acknowledgement_due),
        "stage2_response_counted_from": "stage 2 acknowledgement due date",
        "stage2_response_due": iso(response_due),
        "stage2_response_due_with_longest_extension": iso(
            deadlines.extended_due(response_due, timescales.stage2_extension, calendar)
        ),
    }


class Command(BaseCommand):
    help = (
        "Print, as JSON, when each Complaint Handling Code clock falls due for a complaint "
        "received on the given date (YYYY-MM-DD)."
    )

    def add_arguments(self, parser):
        parser.add_argument("received", help="The day the complaint was received, YYYY-MM-DD.")
        parser.add_argument(
            "--nation",
            type=str.upper,
            choices=Nation.values,
            help="Whose bank holidays to use. Default: the landlord's setting, else England.",
        )
        parser.add_argument(
            "--acknowledged", help="When stage 1 was acknowledged, if it has been (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--escalated", help="When the resident asked to escalate to stage 2 (YYYY-MM-DD)."
        )
        parser.add_argument(
            "--evidence-requested",
            dest="evidence_requested",
            help="When the Ombudsman asked for evidence (YYYY-MM-DD).",
        )

    def handle(self, *args, **options):
        received = parse_date(options["received"], "date received")
        acknowledged = parse_date(options["acknowledged"], "acknowledgement date")
        escalated = parse_date(options["escalated"], "escalation date")
        evidence_requested = parse_date(options["evidence_requested"], "evidence request date")
        for what, day in [
            ("acknowledgement date", acknowledged),
            ("escalation date", escalated),
            ("evidence request date", evidence_requested),
        ]:
            if day and day < received:
                raise CommandError(
                    f"The {what} ({day:%Y-%m-%d}) is before the complaint was received "
                    f"({received:%Y-%m-%d})."
                )

        timescales, closure_dates, nation, source = landlord_settings()
        nation = Nation(options["nation"] or nation)
        calendar = WorkingDayCalendar(nation, closure_dates)

        report = {
            "received": iso(received),
            "nation": nation.value,
            "nation_name": str(nation.label),
            "timescales_from": source,
            "timescales": asdict(timescales),
            "closure_dates": [iso(day) for day in sorted(closure_dates)],
            **stage1_clocks(received, acknowledged, timescales, calendar),
            **stage2_clocks(escalated, timescales, calendar),
        }
        # Only meaningful from the Ombudsman's request, never from the date received.
        if evidence_requested:
            report["evidence_requested"] = iso(evidence_requested)
            report["ombudsman_evidence_due"] = iso(
                deadlines.ombudsman_evidence_due(evidence_requested, timescales, calendar)
            )
        self.stdout.write(json.dumps(report, indent=2))
