"""How the Ombudsman's involvement reads on the case page: each referral with its evidence
requests (15 working days) and its determination with the orders and their compliance dates.
Built from what the case page has already fetched, so it adds no query."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from casework.deadlines import WorkingDayCalendar
from casework.models import Determination, OmbudsmanReferral
from casework.views.cases.clocks import clock_row, date_clock


@dataclass
class ReferralRows:
    referral: OmbudsmanReferral
    determination: Determination | None
    evidence: list[dict] = field(default_factory=list)  # {"item": request, **clock_row}
    orders: list[dict] = field(default_factory=list)  # {"item": order, **clock_row}


def referral_rows(
    referrals: list[OmbudsmanReferral], *, today: dt.date, calendar: WorkingDayCalendar
) -> list[ReferralRows]:
    rows = []
    for referral in referrals:
        # A prefetched reverse one-to-one that is missing raises rather than query again.
        determination = getattr(referral, "determination", None)
        row = ReferralRows(referral=referral, determination=determination)
        for request in referral.evidence_requests.all():
            clock = date_clock(
                _("Evidence to the Ombudsman"),
                request.due_on,
                request.sent_on,
                today=today,
                calendar=calendar,
            )
            row.evidence.append({"item": request, **clock_row(clock)})
        for order in determination.orders.all() if determination else []:
            clock = date_clock(
                _("Ombudsman order: %(what)s") % {"what": order.description[:60]},
                order.due_on,
                order.complied_on,
                today=today,
                calendar=calendar,
            )
            row.orders.append({"item": order, **clock_row(clock)})
        rows.append(row)
    return rows


def open_orders(rows: list[ReferralRows]) -> list[dict]:
    """Orders not yet complied with, soonest first: shown at the top of the case page."""
    waiting = [order for row in rows for order in row.orders if order["clock"].done_on is None]
    return sorted(waiting, key=lambda order: order["clock"].due_on)
