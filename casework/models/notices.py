"""Exceptional circumstances (Code 8.5): when something outside the landlord's control (a cyber
attack, a flood at the office) stops it meeting the Code, it tells the Ombudsman and the
residents affected, publishes a notice, and says when it expects to comply again."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from casework.choices import OPEN_STATUSES
from casework.models.cases import Case, ComplaintCategory


class ServiceNoticeQuerySet(models.QuerySet):
    def showing(self, today: dt.date):
        """Published notices in force on `today`: started, and not yet ended."""
        return self.filter(published=True, affected_since__lte=today).filter(
            Q(ended_on__isnull=True) | Q(ended_on__gt=today)
        )

    def for_case(self, case: Case, today: dt.date):
        """The notices showing today that affect an open case: those for every complaint, and
        those for the case's category."""
        if case.status not in OPEN_STATUSES:
            return self.none()
        return (
            self.showing(today)
            .filter(Q(categories__isnull=True) | Q(categories=case.category_id))
            .distinct()
        )


class ServiceNotice(models.Model):
    what_is_affected = models.TextField(
        _("what is affected"),
        help_text=_(
            "Shown to residents on every public page. Say in plain words what has happened and "
            "what it means for their complaint, for example: replies to complaints will be late."
        ),
    )
    affected_since = models.DateField(_("affected since"))
    expected_return_on = models.DateField(
        _("expected back to normal by"),
        help_text=_("The date by which we expect to meet the Code's timescales again."),
    )
    categories = models.ManyToManyField(
        ComplaintCategory,
        verbose_name=_("complaints affected"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty when every complaint is affected."),
    )
    ombudsman_told_on = models.DateField(
        _("Ombudsman told on"),
        help_text=_("Code 8.5: tell the Housing Ombudsman before you publish the notice."),
    )
    ombudsman_told_how = models.CharField(
        _("how the Ombudsman was told"),
        max_length=200,
        blank=True,
        help_text=_("For example: email to the landlord engagement team, with our reference."),
    )
    published = models.BooleanField(
        _("show to residents"),
        default=False,
        help_text=_("Shows the notice on every public page and on the case pages it affects."),
    )
    ended_on = models.DateField(
        _("ended on"),
        null=True,
        blank=True,
        help_text=_("The day we met the Code's timescales again. The notice stops showing."),
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ServiceNoticeQuerySet.as_manager()

    panels = [
        HelpPanel(
            content=_(
                "Code 8.5: when exceptional circumstances stop us meeting the Code, we tell the "
                "Ombudsman, tell the residents affected, publish what has happened and say when "
                "we expect to be back to normal."
            )
        ),
        FieldPanel("what_is_affected"),
        FieldRowPanel([FieldPanel("affected_since"), FieldPanel("expected_return_on")]),
        FieldPanel("categories"),
        MultiFieldPanel(
            [FieldPanel("ombudsman_told_on"), FieldPanel("ombudsman_told_how")],
            heading=_("The Ombudsman"),
        ),
        FieldRowPanel([FieldPanel("published"), FieldPanel("ended_on")]),
    ]

    class Meta:
        verbose_name = _("exceptional circumstances notice")
        ordering = ["-affected_since", "-pk"]

    def __str__(self):
        first_line = (self.what_is_affected or "").strip().splitlines()[:1]
        return first_line[0][:80] if first_line else str(_("Notice"))

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.affected_since
            and self.expected_return_on
            and self.expected_return_on < self.affected_since
        ):
            errors["expected_return_on"] = _(
                "The date we expect to be back to normal must be on or after the date the "
                "service was affected."
            )
        if self.affected_since and self.ended_on and self.ended_on < self.affected_since:
            errors["ended_on"] = _(
                "The end date must be on or after the date the service was affected."
            )
        if self.ombudsman_told_on and self.ombudsman_told_on > timezone.localdate():
            errors["ombudsman_told_on"] = _(
                "Enter the date the Ombudsman was told. It cannot be in the future."
            )
        if errors:
            raise ValidationError(errors)
