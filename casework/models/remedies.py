"""Putting things right (Code 7.1-7.3) and the actions still to do after an answer (6.6, 6.17)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from casework.choices import ActionStatus, RemedyKind, RemedyStatus
from casework.models.cases import Case, Stage

MONEY = {"max_digits": 10, "decimal_places": 2, "null": True, "blank": True}


class Remedy(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="remedies")
    stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="remedies"
    )
    kind = models.CharField(_("remedy"), max_length=25, choices=RemedyKind.choices)
    description = models.TextField(_("what will happen"))
    due_on = models.DateField(_("by when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=RemedyStatus.choices, default=RemedyStatus.OFFERED
    )
    completed_on = models.DateField(_("done on"), null=True, blank=True)
    amount = models.DecimalField(_("amount (£)"), **MONEY)
    quantifiable_loss = models.DecimalField(_("for quantifiable loss (£)"), **MONEY)
    time_and_trouble = models.DecimalField(_("for time and trouble (£)"), **MONEY)
    distress_and_inconvenience = models.DecimalField(
        _("for distress and inconvenience (£)"), **MONEY
    )
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("remedy")
        verbose_name_plural = _("remedies")
        ordering = ["created_at"]

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        errors = {}
        parts = [self.quantifiable_loss, self.time_and_trouble, self.distress_and_inconvenience]
        if self.kind == RemedyKind.FINANCIAL:
            if self.amount is None:
                errors["amount"] = _("Enter the amount offered.")
            elif any(part is not None for part in parts):
                total = sum((part or Decimal(0) for part in parts), Decimal(0))
                if total != self.amount:
                    errors["amount"] = _(
                        "The parts add up to £%(total)s, not £%(amount)s. Make them match."
                    ) % {"total": total, "amount": self.amount}
        elif self.amount is not None or any(part is not None for part in parts):
            errors["amount"] = _("Only a financial remedy has an amount.")
        if not self.due_on and self.status == RemedyStatus.OFFERED:
            errors["due_on"] = _("Say by when it will happen (Code 7.3).")
        if errors:
            raise ValidationError(errors)


class OutstandingAction(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    description = models.TextField(_("action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outstanding_actions",
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    completed_on = models.DateField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("outstanding action")
        ordering = ["due_on"]

    def __str__(self):
        return self.description[:60]
