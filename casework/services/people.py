"""What people tell us about themselves: adjustments, disclosures, and contact restrictions."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from casework.choices import AdjustmentKind, DisclosureKind
from casework.models import (
    ContactRestriction,
    Disclosure,
    Person,
    ReasonableAdjustment,
    SensitiveDataView,
)
from casework.services.record import refuse_if


@transaction.atomic
def adjustment_record(
    *,
    person: Person,
    actor,
    kind: str,
    detail: str,
    agreed_on: dt.date,
    next_review_on: dt.date,
) -> ReasonableAdjustment:
    """Code 5.10: record the adjustment and keep it under review."""
    problems = []
    if kind not in AdjustmentKind.values:
        problems.append(_("Choose the adjustment."))
    if kind == AdjustmentKind.OTHER and not detail.strip():
        problems.append(_("Describe the adjustment."))
    if next_review_on <= agreed_on:
        problems.append(_("The review date must be after the date it was agreed."))
    refuse_if(problems)
    return ReasonableAdjustment.objects.create(
        person=person,
        kind=kind,
        detail=detail.strip(),
        agreed_on=agreed_on,
        next_review_on=next_review_on,
        recorded_by=actor,
    )


@transaction.atomic
def disclosure_record(
    *, person: Person, actor, kind: str, detail: str, disclosed_on: dt.date
) -> Disclosure:
    problems = []
    if kind not in DisclosureKind.values:
        problems.append(_("Choose disability or vulnerability."))
    if not detail.strip():
        problems.append(_("Record what the person told us."))
    refuse_if(problems)
    return Disclosure.objects.create(
        person=person,
        kind=kind,
        detail=detail.strip(),
        disclosed_on=disclosed_on,
        recorded_by=actor,
    )


def sensitive_data_viewed(*, person: Person, user, where: str) -> SensitiveDataView:
    """Every view of a person's adjustments or disclosures is logged."""
    return SensitiveDataView.objects.create(person=person, viewed_by=user, where=where[:200])


@transaction.atomic
def contact_restriction_record(
    *,
    person: Person,
    actor,
    restriction: str,
    reason: str,
    equality_act_considerations: str,
    starts_on: dt.date,
    review_on: dt.date,
) -> ContactRestriction:
    """Code 5.14-5.15: proportionate, reasoned, reviewed, with the Equality Act considered.

    A restriction limits how someone contacts us. Nothing in the casework rules looks at it,
    so it can never stop a complaint being logged, answered or escalated.
    """
    problems = []
    if not restriction.strip():
        problems.append(_("Say what is restricted."))
    if not reason.strip():
        problems.append(_("Say why the restriction is needed."))
    if not equality_act_considerations.strip():
        problems.append(
            _(
                "Record how the Equality Act 2010 was considered, including any disability "
                "(Code 5.15)."
            )
        )
    if review_on <= starts_on:
        problems.append(_("The review date must be after the start date."))
    refuse_if(problems)
    return ContactRestriction.objects.create(
        person=person,
        restriction=restriction.strip(),
        reason=reason.strip(),
        equality_act_considerations=equality_act_considerations.strip(),
        starts_on=starts_on,
        review_on=review_on,
        decided_by=actor,
    )
