"""Changing what we hold about a person: their contact details and preferences, and ending a
reasonable adjustment that is no longer needed, or reviewing one (Code 5.10)."""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework.choices import (
    OPEN_STATUSES,
    AdjustmentStatus,
    ContactMethod,
    UpdateFrequency,
)
from casework.models import Case, Person, ReasonableAdjustment
from casework.services.cases import PersonDetails
from casework.services.record import refuse_if, timeline_record

# What each preferred way of contact needs us to hold.
CONTACT_METHOD_NEEDS = {
    ContactMethod.EMAIL: ("email", gettext_lazy("an email address")),
    ContactMethod.PHONE: ("phone", gettext_lazy("a phone number")),
    ContactMethod.TEXT: ("phone", gettext_lazy("a phone number")),
    ContactMethod.LETTER: ("postal_address", gettext_lazy("a postal address")),
}


def _details_problems(details: PersonDetails) -> list[str]:
    problems = []
    if not details.full_name.strip():
        problems.append(_("Enter the person's name."))
    if not (details.email or details.phone or details.postal_address).strip():
        problems.append(_("Record at least one way to reply: email, phone or postal address."))
    if details.preferred_contact_method not in ContactMethod.values:
        problems.append(_("Choose how the person would like us to contact them."))
    else:
        field, needed = CONTACT_METHOD_NEEDS[ContactMethod(details.preferred_contact_method)]
        if not getattr(details, field).strip():
            problems.append(
                _("They would like contact by %(method)s: record %(needed)s too.")
                % {
                    "method": ContactMethod(details.preferred_contact_method).label.lower(),
                    "needed": needed,
                }
            )
    if details.update_frequency not in UpdateFrequency.values:
        problems.append(_("Choose how often they would like updates."))
    return problems


@transaction.atomic
def person_update(*, person: Person, details: PersonDetails, actor) -> Person:
    """Change a person's contact details and preferences.

    Each of their open cases gets a timeline entry, so the full record (Code 5.12) shows when
    the way to reach them changed. Nothing is written when nothing changed.
    """
    refuse_if(_details_problems(details))
    changed = []
    for field, value in details.__dict__.items():
        value = value.strip()
        if getattr(person, field) != value:
            setattr(person, field, value)
            changed.append(field)
    if not changed:
        return person
    person.save(update_fields=changed)
    open_cases = Case.objects.filter(
        Q(resident=person) | Q(representative=person), status__in=OPEN_STATUSES
    )
    labels = [str(Person._meta.get_field(field).verbose_name) for field in changed]
    for case in open_cases:
        timeline_record(
            case=case,
            actor=actor,
            event="contact_details_updated",
            summary=_("Contact details updated for %(name)s: %(fields)s.")
            % {"name": person.full_name, "fields": ", ".join(labels)},
            data={"person": person.pk, "fields": changed},
        )
    return person


@transaction.atomic
def adjustment_end(*, adjustment: ReasonableAdjustment, actor) -> ReasonableAdjustment:
    """Mark a reasonable adjustment as no longer needed (Code 5.10: kept under review).

    The row stays, so the record shows what was in place and when.
    """
    refuse_if(
        [_("This adjustment has already ended.")]
        if adjustment.status == AdjustmentStatus.ENDED
        else []
    )
    adjustment.status = AdjustmentStatus.ENDED
    adjustment.save(update_fields=["status"])
    return adjustment


@transaction.atomic
def adjustment_review(
    *,
    adjustment: ReasonableAdjustment,
    actor,
    still_needed: bool | None,
    next_review_on: dt.date | None = None,
) -> ReasonableAdjustment:
    """Code 5.10: review an adjustment actively. Still needed: it carries on to its next review,
    which must be after today. No longer needed: it ends, and the row stays on the record."""
    problems = []
    if adjustment.status == AdjustmentStatus.ENDED:
        problems.append(_("This adjustment has already ended."))
    if still_needed is None:
        problems.append(_("Say whether the adjustment is still needed (Code 5.10)."))
    elif still_needed and (next_review_on is None or next_review_on <= timezone.localdate()):
        problems.append(
            _(
                "Give the date of the next review, after today, as the adjustment is still "
                "needed (Code 5.10)."
            )
        )
    refuse_if(problems)
    adjustment.last_reviewed_on = timezone.localdate()
    if still_needed:
        adjustment.next_review_on = next_review_on
    else:
        adjustment.status = AdjustmentStatus.ENDED
    adjustment.save(update_fields=["last_reviewed_on", "next_review_on", "status"])
    return adjustment
