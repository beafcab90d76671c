"""The Ombudsman's involvement: referral, evidence requests (15 working days), determination."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from casework.choices import DeterminationOutcome, OmbudsmanSchemeKind
from casework.deadlines import ombudsman_evidence_due
from casework.models import (
    Case,
    Determination,
    EvidenceRequest,
    OmbudsmanOrder,
    OmbudsmanReferral,
)
from casework.process import process_settings, working_calendar
from casework.services.record import refuse_if, timeline_record


@transaction.atomic
def ombudsman_referral_record(
    *,
    case: Case,
    actor,
    referred_on: dt.date,
    scheme: str = OmbudsmanSchemeKind.HOUSING,
    ombudsman_reference: str = "",
) -> OmbudsmanReferral:
    """Possible at any stage: residents may go to the Ombudsman whenever they choose."""
    referral = OmbudsmanReferral.objects.create(
        case=case, scheme=scheme, referred_on=referred_on, ombudsman_reference=ombudsman_reference
    )
    timeline_record(
        case=case,
        actor=actor,
        event="ombudsman_referral",
        summary=_("Referred to the %(scheme)s on %(date)s.")
        % {"scheme": OmbudsmanSchemeKind(scheme).label, "date": f"{referred_on:%d %B %Y}"},
        data={"referral": referral.pk},
    )
    return referral


@transaction.atomic
def evidence_request_record(
    *, referral: OmbudsmanReferral, actor, requested_on: dt.date, what: str = ""
) -> EvidenceRequest:
    settings = process_settings()
    request = EvidenceRequest.objects.create(
        referral=referral,
        requested_on=requested_on,
        due_on=ombudsman_evidence_due(
            requested_on, settings.timescales(), working_calendar(settings)
        ),
        what=what.strip(),
    )
    timeline_record(
        case=referral.case,
        actor=actor,
        event="evidence_requested",
        summary=_("The Ombudsman asked for evidence; due %(due)s.")
        % {"due": f"{request.due_on:%d %B %Y}"},
        data={"evidence_request": request.pk},
    )
    return request


@transaction.atomic
def evidence_sent(
    *, request: EvidenceRequest, actor, sent_on: dt.date, late_explanation: str = ""
) -> EvidenceRequest:
    late = sent_on > request.due_on
    refuse_if(
        [_("The evidence is late: record the explanation given to the Ombudsman.")]
        if late and not late_explanation.strip()
        else []
    )
    request.sent_on = sent_on
    request.late_explanation = late_explanation.strip()
    request.save(update_fields=["sent_on", "late_explanation"])
    timeline_record(
        case=request.referral.case,
        actor=actor,
        event="evidence_sent",
        summary=_("Evidence sent to the Ombudsman on %(date)s.") % {"date": f"{sent_on:%d %B %Y}"},
        data={"evidence_request": request.pk, "late": late},
    )
    return request


@transaction.atomic
def determination_record(
    *,
    referral: OmbudsmanReferral,
    actor,
    determined_on: dt.date,
    outcome: str,
    summary: str,
    complaint_handling_failure: bool = False,
    orders: list[tuple[str, dt.date]] = (),
) -> Determination:
    problems = []
    if outcome not in DeterminationOutcome.values:
        problems.append(_("Choose the Ombudsman's finding."))
    if not summary.strip():
        problems.append(_("Summarise the determination."))
    refuse_if(problems)
    determination = Determination.objects.create(
        referral=referral,
        determined_on=determined_on,
        outcome=outcome,
        summary=summary.strip(),
        complaint_handling_failure=complaint_handling_failure,
    )
    for description, due_on in orders:
        OmbudsmanOrder.objects.create(
            determination=determination, description=description, due_on=due_on
        )
    timeline_record(
        case=referral.case,
        actor=actor,
        event="ombudsman_determination",
        summary=_("Ombudsman's determination: %(outcome)s.")
        % {"outcome": DeterminationOutcome(outcome).label},
        data={"determination": determination.pk, "orders": len(orders)},
    )
    return determination


@transaction.atomic
def order_complied(*, order: OmbudsmanOrder, actor, complied_on: dt.date) -> OmbudsmanOrder:
    order.complied_on = complied_on
    order.save(update_fields=["complied_on"])
    timeline_record(
        case=order.determination.referral.case,
        actor=actor,
        event="ombudsman_order_complied",
        summary=_("Complied with the Ombudsman's order: %(order)s") % {"order": order.description},
        data={"order": order.pk},
    )
    return order
