"""Data protection: legal holds on cases, retention runs, and people's requests about their
data (UK GDPR articles 15-17; the landlord's retention setting applies storage limitation).

The rules over these live in `casework/data_protection/`; the screens in
`casework/views/data_protection.py`.
"""

import calendar
import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.models.cases import Case
from casework.models.people import Person


class LegalHoldQuerySet(models.QuerySet):
    def active(self):
        return self.filter(lifted_at__isnull=True)


class LegalHold(models.Model):
    """Stops a case's personal data being removed at the end of its retention period: while
    litigation is expected or under way, or for another reason a manager records."""

    class Kind(models.TextChoices):
        LITIGATION = "litigation", _("Litigation, expected or under way")
        OMBUDSMAN = "ombudsman", _("The Ombudsman may still look at it")
        OTHER = "other", _("Another reason")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="legal_holds")
    kind = models.CharField(_("why it is held"), max_length=12, choices=Kind.choices)
    reason = models.TextField(_("reason"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    set_at = models.DateTimeField(_("held since"), default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        verbose_name = _("legal hold")
        ordering = ["-set_at", "-pk"]

    def __str__(self):
        return f"{self.case_id}: {self.get_kind_display()}"


class CaseErasure(models.Model):
    """Marks a case whose personal data has been removed, leaving its anonymised skeleton."""

    class Why(models.TextChoices):
        RETENTION = "retention", _("Its retention period ended")
        REQUEST = "request", _("The person asked for erasure")

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="erasure")
    erased_at = models.DateTimeField(default=timezone.now)
    why = models.CharField(max_length=10, choices=Why.choices)
    files_removed = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("case erasure")

    def __str__(self):
        return f"{self.case_id} erased {self.erased_at:%Y-%m-%d}"


class RetentionRun(models.Model):
    """One run of `apply_retention`, with what it removed (or, in a dry run, would remove)."""

    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    retention_years = models.PositiveSmallIntegerField(_("retention (years)"))
    cases_erased = models.PositiveIntegerField(_("cases"), default=0)
    people_erased = models.PositiveIntegerField(_("people"), default=0)
    files_removed = models.PositiveIntegerField(_("files"), default=0)
    emails_erased = models.PositiveIntegerField(_("emails"), default=0)
    cases_held = models.PositiveIntegerField(_("cases held"), default=0)
    references = models.JSONField(_("case references"), default=list, blank=True)

    class Meta:
        verbose_name = _("retention run")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M}"


def one_calendar_month_after(day: dt.date) -> dt.date:
    """UK GDPR article 12(3): a month from the day received, to the same date next month, or
    to the month's last day when it has no such date (the ICO's guidance)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class DataProtectionRequest(models.Model):
    """A person's request about the data we hold on them, answered within one calendar month."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("Subject access")
        RECTIFICATION = "rectification", _("Rectification")
        ERASURE = "erasure", _("Erasure")

    kind = models.CharField(_("request"), max_length=15, choices=Kind.choices)
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="data_protection_requests",
    )
    requester_name = models.CharField(_("asked by"), max_length=200)
    requester_email = models.EmailField(_("their email"), blank=True)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("answer by"))
    completed_on = models.DateField(_("answered on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("data protection request")
        ordering = ["completed_on", "due_on", "pk"]
        permissions = [
            (
                "handle_data_protection",
                "Can find people across cases and answer data protection requests",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.requester_name}"

    def save(self, *args, **kwargs):
        if self.received_on and not self.due_on:
            self.due_on = one_calendar_month_after(self.received_on)
        super().save(*args, **kwargs)
