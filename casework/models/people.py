"""People: residents and representatives, with what they have told us about themselves.

Reasonable adjustments, disclosures and contact restrictions belong to the person, not to one
case (Code 5.10, 5.15): they follow the person into every case.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from casework.choices import (
    AdjustmentKind,
    AdjustmentStatus,
    ContactMethod,
    DisclosureKind,
    UpdateFrequency,
)


class Person(models.Model):
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"), blank=True, db_index=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True, db_index=True)
    preferred_contact_method = models.CharField(
        _("preferred contact"),
        max_length=10,
        choices=ContactMethod.choices,
        default=ContactMethod.EMAIL,
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=12, default="en-gb", blank=True
    )
    update_frequency = models.CharField(
        _("how often they want updates"),
        max_length=12,
        choices=UpdateFrequency.choices,
        default=UpdateFrequency.WHEN_SOMETHING_CHANGES,
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For representatives: their firm, office or charity."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]

    def __str__(self):
        return self.full_name

    def can_be_contacted(self) -> bool:
        return bool(self.email or self.phone or self.postal_address)


class ReasonableAdjustment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="adjustments")
    kind = models.CharField(_("adjustment"), max_length=20, choices=AdjustmentKind.choices)
    detail = models.TextField(_("detail"), blank=True)
    agreed_on = models.DateField(_("agreed on"))
    next_review_on = models.DateField(_("next review by"))
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AdjustmentStatus.choices,
        default=AdjustmentStatus.ACTIVE,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reasonable adjustment")
        ordering = ["next_review_on"]

    def __str__(self):
        return self.get_kind_display()


class Disclosure(models.Model):
    """A disability or vulnerability the person chose to tell us about (Code 5.10)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="disclosures")
    kind = models.CharField(_("kind"), max_length=15, choices=DisclosureKind.choices)
    detail = models.TextField(_("what they told us"))
    disclosed_on = models.DateField(_("told us on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("disclosure")

    def __str__(self):
        return self.get_kind_display()


class SensitiveDataView(models.Model):
    """Every time someone is shown a person's adjustments or disclosures."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    viewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    viewed_at = models.DateTimeField(auto_now_add=True)
    where = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("view of sensitive data")
        ordering = ["-viewed_at"]

    def __str__(self):
        return f"{self.person_id} seen by {self.viewed_by_id} at {self.viewed_at:%Y-%m-%d %H:%M}"


class ContactRestriction(models.Model):
    """A proportionate limit on how someone contacts us (Code 5.14-5.15).

    It only ever limits the ways of contact; it never stops their complaint being handled.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="restrictions")
    restriction = models.TextField(
        _("what is restricted"),
        help_text=_("For example: contact by email to one named officer only."),
    )
    reason = models.TextField(_("why"))
    equality_act_considerations = models.TextField(
        _("Equality Act 2010 considerations"),
        help_text=_("How any disability or vulnerability was taken into account."),
    )
    starts_on = models.DateField(_("from"))
    review_on = models.DateField(_("review by"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("contact restriction")

    def __str__(self):
        return f"{self.person}: {self.restriction[:60]}"
