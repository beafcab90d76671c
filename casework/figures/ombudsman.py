"""The Ombudsman (Code 8.1c, 9.7): referrals made, evidence requests falling due, determinations
made and their findings, including findings that we did not follow the Code, and the orders
they made with whether we complied."""

from casework.choices import DeterminationOutcome, OmbudsmanSchemeKind
from casework.figures.common import Period, share
from casework.models import Determination, EvidenceRequest, OmbudsmanOrder, OmbudsmanReferral


def ombudsman_figures(period: Period) -> dict:
    start, end = period.start, period.end
    referrals = list(
        OmbudsmanReferral.objects.filter(referred_on__gte=start, referred_on__lte=end).values_list(
            "scheme", flat=True
        )
    )
    # Evidence is judged once it falls due: requests due in the period (15 working days from
    # the request, or the landlord's shorter limit).
    requests = list(
        EvidenceRequest.objects.filter(due_on__gte=start, due_on__lte=end).values(
            "due_on", "sent_on"
        )
    )
    on_time = sum(1 for r in requests if r["sent_on"] and r["sent_on"] <= r["due_on"])
    late = sum(1 for r in requests if r["sent_on"] and r["sent_on"] > r["due_on"])
    determinations = list(
        Determination.objects.filter(determined_on__gte=start, determined_on__lte=end).values(
            "outcome", "complaint_handling_failure"
        )
    )
    # The orders of the determinations made in the period, as they stood at its end.
    orders = list(
        OmbudsmanOrder.objects.filter(
            determination__determined_on__gte=start, determination__determined_on__lte=end
        ).values("due_on", "complied_on")
    )
    complied = [o for o in orders if period.by_end(o["complied_on"])]
    outstanding = [o for o in orders if not period.by_end(o["complied_on"])]
    return {
        "referrals": len(referrals),
        "referrals_by_scheme": {
            scheme: referrals.count(scheme) for scheme in OmbudsmanSchemeKind.values
        },
        "evidence_due": len(requests),
        "evidence_on_time": on_time,
        "evidence_late": late,
        "evidence_not_sent": len(requests) - on_time - late,
        "evidence_on_time_percent": share(on_time, len(requests)),
        "determinations": len(determinations),
        "findings": {
            outcome: sum(1 for d in determinations if d["outcome"] == outcome)
            for outcome in DeterminationOutcome.values
        },
        # Code 8.1c: the Ombudsman's findings that we did not follow the Code.
        "code_non_compliance_findings": sum(
            1 for d in determinations if d["complaint_handling_failure"]
        ),
        "orders": len(orders),
        "orders_complied_on_time": sum(1 for o in complied if o["complied_on"] <= o["due_on"]),
        "orders_complied_late": sum(1 for o in complied if o["complied_on"] > o["due_on"]),
        "orders_outstanding_at_end": len(outstanding),
        "orders_overdue_at_end": sum(1 for o in outstanding if o["due_on"] < end),
    }
