"""Storage limitation: a closed case keeps its personal data for the landlord's retention
period (Settings > Complaint process, "keep complaint records for (years)", counted from when
the case was closed), then loses it, keeping the anonymised skeleton the figures read.

A case is held, and keeps everything, while a manager's legal hold is on it or while the
Ombudsman's involvement is unfinished (a referral without a determination, or an order not yet
complied with). `retention_apply` is what `manage.py apply_retention` runs each day; running it
twice changes nothing the second time.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.choices import ENDED_STATUSES
from casework.data_protection.erasure import ErasureCounts, case_erase
from casework.data_protection.register import BY_MODEL, blanks, not_blank
from casework.models import (
    Case,
    CaseDocument,
    CaseErasure,
    DataProtectionRequest,
    LegalHold,
    OmbudsmanOrder,
    OmbudsmanReferral,
    OutboundEmail,
    RetentionRun,
)
from casework.process import process_settings


def years_after(day: dt.date, years: int) -> dt.date:
    """The same date `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def removal_date(closed_at: dt.datetime, years: int) -> dt.date:
    """The day a case closed at `closed_at` loses its personal data."""
    return years_after(timezone.localdate(closed_at), years)


def _start_of_day(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()))


def closed_before(today: dt.date, years: int) -> dt.datetime:
    """Cases closed before this moment are past their period on `today`: their removal date
    (the closing date plus the period) is today or earlier."""
    # The latest closing date whose removal date is on or before today.
    last = years_after(today, -years)
    while removal_date(_start_of_day(last + dt.timedelta(days=1)), years) <= today:
        last += dt.timedelta(days=1)  # 28 February closings in a leap-year period
    return _start_of_day(last + dt.timedelta(days=1))


def _unfinished_referral():
    undetermined = Q(determination__isnull=True)
    order_open = Exists(
        OmbudsmanOrder.objects.filter(
            determination__referral=OuterRef("pk"), complied_on__isnull=True
        )
    )
    return OmbudsmanReferral.objects.filter(undetermined | Q(order_open))


def held_cases():
    """Cases that keep their data whatever their age: a legal hold on, or the Ombudsman's
    involvement unfinished."""
    return Case.objects.filter(
        Q(Exists(LegalHold.objects.active().filter(case=OuterRef("pk"))))
        | Q(Exists(_unfinished_referral().filter(case=OuterRef("pk"))))
    )


def hold_reasons(case: Case) -> list[str]:
    """Why this case is kept past its retention period, in words for staff."""
    reasons = [
        _("Legal hold: %(kind)s. %(reason)s")
        % {"kind": hold.get_kind_display(), "reason": hold.reason}
        for hold in LegalHold.objects.active().filter(case=case)
    ]
    if _unfinished_referral().filter(case=case).exists():
        reasons.append(_("The Ombudsman's involvement is not finished."))
    return reasons


def cases_past_retention(today: dt.date, years: int):
    """Closed or withdrawn cases past their period and not yet erased, held or not."""
    return Case.objects.filter(
        status__in=ENDED_STATUSES,
        closed_at__lt=closed_before(today, years),
        erasure__isnull=True,
    ).order_by("closed_at", "pk")


def case_retention(case: Case, *, years: int | None = None) -> dict:
    """What the case page says: when the personal data goes, or went, or why it is kept."""
    erasure = CaseErasure.objects.filter(case=case).first()
    if erasure:
        return {"erased_on": timezone.localdate(erasure.erased_at)}
    if case.status not in ENDED_STATUSES or case.closed_at is None:
        return {}
    years = years or process_settings().record_retention_years
    return {"removed_on": removal_date(case.closed_at, years), "held": hold_reasons(case)}


@dataclass
class RetentionPlan:
    due: list[Case] = field(default_factory=list)
    held: list[Case] = field(default_factory=list)


def retention_plan(today: dt.date, years: int) -> RetentionPlan:
    past = cases_past_retention(today, years)
    held = set(held_cases().filter(pk__in=past.values("pk")).values_list("pk", flat=True))
    plan = RetentionPlan()
    for case in past.only("pk", "reference", "closed_at", "resident_id", "representative_id"):
        (plan.held if case.pk in held else plan.due).append(case)
    return plan


def _other_emails(before: dt.datetime):
    """Emails about no case (sign-in links, staff digests) finished before `before`."""
    holding = BY_MODEL[OutboundEmail]
    return OutboundEmail._base_manager.filter(
        Q(case__isnull=True),
        Q(sent_at__lt=before) | Q(status=OutboundEmail.Status.FAILED, created_at__lt=before),
    ).filter(not_blank(holding))


def _answered_requests(today: dt.date, years: int):
    holding = BY_MODEL[DataProtectionRequest]
    return DataProtectionRequest.objects.filter(
        completed_on__lte=years_after(today, -years)
    ).filter(not_blank(holding))


def _would_erase(cases: list[Case]) -> ErasureCounts:
    """What erasing these cases would remove, without removing it."""
    pks = [case.pk for case in cases]
    people = {case.resident_id for case in cases} | {case.representative_id for case in cases}
    people.discard(None)
    kept = set()
    for resident_id, representative_id in (
        Case.objects.filter(erasure__isnull=True)
        .exclude(pk__in=pks)
        .filter(Q(resident_id__in=people) | Q(representative_id__in=people))
        .values_list("resident_id", "representative_id")
    ):
        kept |= {resident_id, representative_id}
    emails = OutboundEmail.objects.filter(case__in=pks).filter(not_blank(BY_MODEL[OutboundEmail]))
    return ErasureCounts(
        cases=len(pks),
        people=len(people - kept),
        files=CaseDocument.objects.filter(case__in=pks).exclude(file="").count(),
        emails=emails.count(),
    )


def retention_apply(*, today: dt.date | None = None, dry_run: bool = False) -> RetentionRun:
    """Erase every closed case past the retention period that is not held, and the emails and
    answered requests past it too. Logged as a RetentionRun with its counts; a run that stops
    part way (a file store down, say) is logged with what it did and no finishing time, and the
    next run carries on from there."""
    today = today or timezone.localdate()
    years = process_settings().record_retention_years
    plan = retention_plan(today, years)
    run = RetentionRun.objects.create(
        dry_run=dry_run, retention_years=years, cases_held=len(plan.held)
    )
    before = closed_before(today, years)
    emails = _other_emails(before)
    requests = _answered_requests(today, years)
    counts = ErasureCounts()
    erased = []
    try:
        if dry_run:
            counts = _would_erase(plan.due)
            counts.emails += emails.count()
            erased = plan.due
        else:
            for case in plan.due:
                counts.add(case_erase(case=case, why=CaseErasure.Why.RETENTION))
                erased.append(case)
            with transaction.atomic():
                counts.emails += emails.update(**blanks(BY_MODEL[OutboundEmail]))
                requests.update(**blanks(BY_MODEL[DataProtectionRequest]))
        run.finished_at = timezone.now()
    finally:
        run.cases_erased = counts.cases
        run.people_erased = counts.people
        run.files_removed = counts.files
        run.emails_erased = counts.emails
        run.references = [case.reference for case in erased]
        run.save()
    return run
