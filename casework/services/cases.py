"""Logging cases, and what can happen to any case: withdrawal, closure, links between cases."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.choices import (
    REFERENCE_PREFIXES,
    ActionStatus,
    CaseKind,
    CaseStatus,
    Channel,
    ConsentBasis,
    RemedyStatus,
    RepresentativeType,
    Visibility,
)
from casework.deadlines import stage1_acknowledgement_due
from casework.models import Case, ComplaintCategory, Person, ReferenceCounter, Stage
from casework.process import process_settings, working_calendar
from casework.resident_emails import resident_notify
from casework.services.record import refuse_if, timeline_record
from casework.workflow import check_close, status_problem


@dataclass(frozen=True)
class PersonDetails:
    """Who someone is and how to reach them, as typed into a form."""

    full_name: str
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    postcode: str = ""
    preferred_contact_method: str = "email"
    preferred_language: str = "en-gb"
    update_frequency: str = "on_change"
    organisation: str = ""


def reference_allocate(*, kind: str, year: int) -> str:
    """The next reference for this kind and year, e.g. CMP-2026-00042.

    The counter row is locked by the UPDATE until the caller's transaction ends, so two cases
    logged at the same moment never get the same number.
    """
    prefix = REFERENCE_PREFIXES[CaseKind(kind)]
    ReferenceCounter.objects.get_or_create(prefix=prefix, year=year)
    with transaction.atomic():
        ReferenceCounter.objects.filter(prefix=prefix, year=year).update(
            last_number=F("last_number") + 1
        )
        number = ReferenceCounter.objects.values_list("last_number", flat=True).get(
            prefix=prefix, year=year
        )
    return f"{prefix}-{year}-{number:05d}"


def person_create(details: PersonDetails) -> Person:
    return Person.objects.create(**details.__dict__)


def consent_basis_for(representative_type: str, consent_recorded: bool) -> str:
    """Deemed for the types the landlord names (councillors and MPs by default)."""
    deemed = process_settings().deemed_consent_representative_types
    if representative_type in deemed:
        return ConsentBasis.DEEMED
    return ConsentBasis.RECORDED if consent_recorded else ConsentBasis.AWAITING


def _log_problems(kind, channel, description, resident, representative, representative_type):
    problems = []
    if kind not in CaseKind.values:
        problems.append(_("Choose what kind of case this is."))
    if channel not in Channel.values:
        problems.append(_("Choose how the case reached us."))
    if not (description or "").strip():
        problems.append(_("Record what happened, in the person's own words."))
    if not resident.full_name.strip():
        problems.append(_("Enter the resident's name."))
    if representative and representative_type not in RepresentativeType.values:
        problems.append(_("Say who the representative is, for example a family member or MP."))
    contactable = [resident] + ([representative] if representative else [])
    if not any(p.email or p.phone or p.postal_address for p in contactable):
        problems.append(_("Record at least one way to reply: email, phone or postal address."))
    return problems


@transaction.atomic
def case_log(
    *,
    kind: str,
    channel: str,
    description: str,
    resident: PersonDetails | Person,
    received_at: dt.datetime | None = None,
    outcome_wanted: str = "",
    issue_date: dt.date | None = None,
    category: ComplaintCategory | None = None,
    concerns_contractor: bool = False,
    contractor_name: str = "",
    property_address: str = "",
    representative: PersonDetails | Person | None = None,
    representative_type: str = "",
    consent_recorded: bool = False,
    consent_evidence: str = "",
    staff_complained_about=(),
    urgent: bool = False,
    linked_from: Case | None = None,
    actor=None,
    actor_label: str = "",
) -> Case:
    """Record a new case from any channel (Code 3.1-3.2) and start its clock (6.2)."""
    refuse_if(
        _log_problems(kind, channel, description, resident, representative, representative_type)
    )
    received_at = received_at or timezone.now()
    resident = resident if isinstance(resident, Person) else person_create(resident)
    if isinstance(representative, PersonDetails):
        representative = person_create(representative)
    case = Case.objects.create(
        reference=reference_allocate(kind=kind, year=timezone.localtime(received_at).year),
        kind=kind,
        status=CaseStatus.LOGGED if kind == CaseKind.COMPLAINT else CaseStatus.OPEN,
        channel=channel,
        received_at=received_at,
        category=category,
        description=description.strip(),
        outcome_wanted=outcome_wanted.strip(),
        issue_date=issue_date,
        concerns_contractor=concerns_contractor,
        contractor_name=contractor_name if concerns_contractor else "",
        property_address=property_address,
        resident=resident,
        representative=representative,
        representative_type=representative_type if representative else "",
        consent_basis=(
            consent_basis_for(representative_type, consent_recorded) if representative else ""
        ),
        consent_evidence=consent_evidence,
        urgent=urgent,
        linked_from=linked_from,
        created_by=actor,
    )
    case.staff_complained_about.set(staff_complained_about)
    if kind == CaseKind.COMPLAINT:
        settings = process_settings()
        Stage.objects.create(
            case=case,
            number=1,
            requested_at=received_at,
            acknowledgement_due_on=stage1_acknowledgement_due(
                received_at, settings.timescales(), working_calendar(settings)
            ),
        )
    timeline_record(
        case=case,
        actor=actor,
        actor_label=actor_label,
        event="logged",
        summary=_("%(kind)s received by %(channel)s.")
        % {"kind": CaseKind(kind).label, "channel": Channel(channel).label.lower()},
        channel=channel,
        visibility=Visibility.RESIDENT,
    )
    if linked_from:
        timeline_record(
            case=linked_from,
            actor=actor,
            actor_label=actor_label,
            event="linked_case",
            summary=_("Linked case %(reference)s opened.") % {"reference": case.reference},
            visibility=Visibility.RESIDENT,
            data={"case": case.reference},
        )
    return case


@transaction.atomic
def service_request_raise_complaint(
    *, request: Case, description: str, actor=None, actor_label: str = "", channel: str = ""
) -> Case:
    """Dissatisfaction with a service request is a complaint; the request carries on (1.5)."""
    refuse_if([p for p in [status_problem("raise_complaint", request.kind, request.status)] if p])
    return case_log(
        kind=CaseKind.COMPLAINT,
        channel=channel or request.channel,
        description=description,
        resident=request.resident,
        representative=request.representative,
        representative_type=request.representative_type,
        consent_recorded=request.consent_basis == ConsentBasis.RECORDED,
        consent_evidence=request.consent_evidence,
        category=request.category,
        property_address=request.property_address,
        concerns_contractor=request.concerns_contractor,
        contractor_name=request.contractor_name,
        linked_from=request,
        actor=actor,
        actor_label=actor_label,
    )


@transaction.atomic
def related_issue_add(*, case: Case, description: str, actor=None, actor_label: str = ""):
    """A new issue raised about a complaint (Code 6.8): it joins the stage 1 investigation when
    that is still open; otherwise it becomes a new complaint linked to this one.

    Returns the case the issue now belongs to.
    """
    refuse_if([] if description.strip() else [_("Describe the new issue.")])
    if case.is_complaint and case.status in (CaseStatus.LOGGED, CaseStatus.STAGE1):
        timeline_record(
            case=case,
            actor=actor,
            actor_label=actor_label,
            event="issue_added",
            summary=_("New issue added to the stage 1 investigation: %(issue)s")
            % {"issue": description.strip()},
            visibility=Visibility.RESIDENT,
        )
        return case
    return case_log(
        kind=CaseKind.COMPLAINT,
        channel=case.channel,
        description=description,
        resident=case.resident,
        representative=case.representative,
        representative_type=case.representative_type,
        consent_recorded=case.consent_basis == ConsentBasis.RECORDED,
        category=case.category,
        property_address=case.property_address,
        linked_from=case,
        actor=actor,
        actor_label=actor_label,
    )


@transaction.atomic
def case_withdraw(*, case: Case, reason: str = "", actor=None, actor_label: str = "") -> Case:
    refuse_if([p for p in [status_problem("withdraw", case.kind, case.status)] if p])
    case.status = CaseStatus.WITHDRAWN
    case.closed_at = timezone.now()
    case.save(update_fields=["status", "closed_at"])
    summary = (
        _("Withdrawn.")
        if not reason.strip()
        else _("Withdrawn: %(reason)s") % {"reason": reason.strip()}
    )
    timeline_record(
        case=case,
        actor=actor,
        actor_label=actor_label,
        event="withdrawn",
        summary=summary,
        visibility=Visibility.RESIDENT,
    )
    if actor is not None:  # recorded by staff; the follow pages confirm an online withdrawal
        resident_notify(
            case=case,
            change="withdrawn",
            key=str(case.pk),
            subject=lambda: (
                _("Your case is withdrawn: %(reference)s") % {"reference": case.reference}
            ),
            message=lambda: _(
                "We have withdrawn your case and closed it, as you asked. If you want us to "
                "look at it again, contact us."
            ),
        )
    return case


@transaction.atomic
def consent_answer(*, case: Case, agrees: bool, when=None) -> Case:
    """The resident's own answer on whether the representative acts for them, given through the
    link we emailed them (issue 4, Raise). Agreeing makes the consent recorded; not agreeing
    leaves it awaiting, for staff to take up with both of them. Answered once."""
    problems = []
    if case.representative_id is None:
        problems.append(_("No one is acting for the resident on this case."))
    elif case.consent_basis == ConsentBasis.DEEMED:
        problems.append(_("This representative does not need the resident's confirmation."))
    elif case.timeline.filter(event="consent_answered").exists():
        problems.append(_("The resident has already answered."))
    refuse_if(problems)
    when = when or timezone.now()
    names = {"resident": case.resident.full_name, "representative": case.representative.full_name}
    if agrees:
        case.consent_basis = ConsentBasis.RECORDED
        note = _("Confirmed by the resident through the emailed link on %(date)s.")
        summary = _("%(resident)s confirmed that %(representative)s acts for them.") % names
    else:
        case.consent_basis = ConsentBasis.AWAITING
        note = _("The resident said through the emailed link on %(date)s that they do not agree.")
        summary = _("%(resident)s said that %(representative)s does not act for them.") % names
    note = note % {"date": f"{when:%-d %B %Y}"}
    case.consent_evidence = "\n".join(filter(None, [case.consent_evidence, note]))
    case.save(update_fields=["consent_basis", "consent_evidence"])
    timeline_record(
        case=case,
        actor_label=case.resident.full_name,
        event="consent_answered",
        summary=summary,
        channel=Channel.ONLINE,
        data={"agrees": agrees},
    )
    return case


@transaction.atomic
def case_close(*, case: Case, actor) -> Case:
    """Close once every remedy and outstanding action is done (Code 6.6, 7.3)."""
    refuse_if([p for p in [status_problem("close", case.kind, case.status)] if p])
    refuse_if(
        check_close(
            open_actions=case.actions.filter(status=ActionStatus.OPEN).count(),
            open_remedies=case.remedies.filter(status=RemedyStatus.OFFERED).count(),
        )
    )
    case.status = CaseStatus.CLOSED
    case.closed_at = timezone.now()
    case.save(update_fields=["status", "closed_at"])
    timeline_record(
        case=case, actor=actor, event="closed", summary=_("Closed."), visibility=Visibility.RESIDENT
    )
    return case
