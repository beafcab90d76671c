"""People's requests about their data (UK GDPR articles 15-17), each answered within one
calendar month of receipt (article 12(3)): recording them, rectification (which keeps its
history on the timeline of every case of theirs), and erasure (granted where no reason to keep
applies; otherwise the reasons are given).
"""

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.choices import OPEN_STATUSES
from casework.data_protection.erasure import ErasureCounts, case_erase, person_erase
from casework.data_protection.retention import held_cases, hold_reasons
from casework.models import Case, CaseErasure, DataProtectionRequest, Person
from casework.services import PersonDetails, person_update, timeline_record
from casework.services.record import refuse_if


def requests_open():
    return DataProtectionRequest.objects.filter(completed_on__isnull=True).order_by("due_on", "pk")


@transaction.atomic
def request_record(
    *,
    kind: str,
    requester_name: str,
    received_on: dt.date,
    actor,
    requester_email: str = "",
    person: Person | None = None,
) -> DataProtectionRequest:
    problems = []
    if kind not in DataProtectionRequest.Kind.values:
        problems.append(_("Choose what they asked for."))
    if not requester_name.strip():
        problems.append(_("Enter the name of the person who asked."))
    if received_on > timezone.localdate():
        problems.append(_("The date it was received cannot be in the future."))
    refuse_if(problems)
    return DataProtectionRequest.objects.create(
        kind=kind,
        person=person,
        requester_name=requester_name.strip(),
        requester_email=requester_email.strip(),
        received_on=received_on,
        recorded_by=actor,
    )


@transaction.atomic
def request_complete(
    *, request: DataProtectionRequest, outcome: str, on: dt.date | None = None
) -> DataProtectionRequest:
    refuse_if([_("This request has already been answered.")] if request.completed_on else [])
    refuse_if([] if outcome.strip() else [_("Say how the request was answered.")])
    request.completed_on = on or timezone.localdate()
    request.outcome = outcome.strip()
    request.save(update_fields=["completed_on", "outcome"])
    return request


def _cases_of(people: list[Person]):
    return Case.objects.filter(
        Q(resident__in=people) | Q(representative__in=people), erasure__isnull=True
    ).order_by("received_at", "pk")


def erasure_reasons_to_keep(people: list[Person]) -> list[str]:
    """Why their data must be kept for now: a case still open, the Ombudsman's involvement not
    finished, or a legal hold. Empty when erasure can go ahead."""
    reasons = []
    cases = list(_cases_of(people))
    held = set(held_cases().filter(pk__in=[c.pk for c in cases]).values_list("pk", flat=True))
    for case in cases:
        if case.status in OPEN_STATUSES:
            reasons.append(
                _("%(reference)s is still open: we need their details to finish it.")
                % {"reference": case.reference}
            )
        if case.pk in held:
            for reason in hold_reasons(case):
                reasons.append(f"{case.reference}: {reason}")
    return reasons


@dataclass
class ErasureOutcome:
    erased: bool
    reasons: list[str] = field(default_factory=list)
    counts: ErasureCounts = field(default_factory=ErasureCounts)


@transaction.atomic
def person_erasure(
    *, people: list[Person], request: DataProtectionRequest | None = None
) -> ErasureOutcome:
    """Erase these records of one person (UK GDPR article 17) unless a reason to keep applies.

    Cases where they are the resident lose all their personal data, as at the end of the
    retention period, leaving the skeleton the figures read; where they only represented
    someone, only their own details go. When `request` is given it is answered with the outcome.
    """
    reasons = erasure_reasons_to_keep(people)
    if reasons:
        if request is not None:
            request_complete(
                request=request,
                outcome=_("Not erased, because:") + "\n" + "\n".join(reasons),
            )
        return ErasureOutcome(erased=False, reasons=reasons)
    counts = ErasureCounts()
    for case in _cases_of(people).filter(resident__in=people):
        counts.add(case_erase(case=case, why=CaseErasure.Why.REQUEST))
    for person in people:
        counts.people += person_erase(person=Person.objects.get(pk=person.pk))
    if request is not None:
        request_complete(
            request=request,
            outcome=_("Erased: %(cases)s cases, %(files)s files.")
            % {"cases": counts.cases, "files": counts.files},
        )
    return ErasureOutcome(erased=True, counts=counts)


@transaction.atomic
def person_rectify(
    *,
    person: Person,
    details: PersonDetails,
    actor,
    request: DataProtectionRequest | None = None,
) -> Person:
    """Correct what we hold about someone (UK GDPR article 16). The change goes through the
    same checks as any edit of their details, and every case of theirs records on its timeline
    what was corrected, from what, and at whose request, so the history is kept (Code 5.12)."""
    names = [f.name for f in dataclasses.fields(PersonDetails)]
    before = {name: getattr(person, name) for name in names}
    person = person_update(person=person, details=details, actor=actor)
    changed = [name for name in names if getattr(person, name) != before[name]]
    if not changed:
        return person
    lines = [
        _("%(field)s: was “%(before)s”, now “%(after)s”")
        % {
            "field": Person._meta.get_field(name).verbose_name,
            "before": before[name],
            "after": getattr(person, name),
        }
        for name in changed
    ]
    heading = (
        _("Details corrected at their request (rectification, received %(date)s):")
        % {"date": f"{request.received_on:%-d %B %Y}"}
        if request
        else _("Details corrected (rectification):")
    )
    for case in _cases_of([person]):
        timeline_record(
            case=case,
            actor=actor,
            event="personal_data_rectified",
            summary="\n".join([heading, *lines]),
            data={
                "person": person.pk,
                "fields": changed,
                "request": request.pk if request else None,
            },
        )
    return person
