"""The Ombudsman's involvement in a case: referral, evidence requests, determination, orders."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from casework.choices import DeterminationOutcome, OmbudsmanSchemeKind
from casework.models.cases import Case


class OmbudsmanReferral(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="ombudsman_referrals")
    scheme = models.CharField(
        _("scheme"),
        max_length=20,
        choices=OmbudsmanSchemeKind.choices,
        default=OmbudsmanSchemeKind.HOUSING,
    )
    referred_on = models.DateField(_("referred on"))
    ombudsman_reference = models.CharField(_("Ombudsman's reference"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("Ombudsman referral")

    def __str__(self):
        return f"{self.case} ({self.get_scheme_display()})"


class EvidenceRequest(models.Model):
    """The Ombudsman asks for evidence: 15 working days to send it."""

    referral = models.ForeignKey(
        OmbudsmanReferral, on_delete=models.CASCADE, related_name="evidence_requests"
    )
    requested_on = models.DateField(_("requested on"))
    due_on = models.DateField(_("due"))
    what = models.TextField(_("what was asked for"), blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    late_explanation = models.TextField(_("explanation given for lateness"), blank=True)

    class Meta:
        verbose_name = _("evidence request")
        ordering = ["requested_on"]

    def __str__(self):
        return f"Evidence requested {self.requested_on:%d %B %Y}"


class Determination(models.Model):
    referral = models.OneToOneField(
        OmbudsmanReferral, on_delete=models.CASCADE, related_name="determination"
    )
    determined_on = models.DateField(_("determined on"))
    outcome = models.CharField(_("finding"), max_length=30, choices=DeterminationOutcome.choices)
    complaint_handling_failure = models.BooleanField(
        _("found we did not follow the Complaint Handling Code"), default=False
    )
    summary = models.TextField(_("summary"))

    class Meta:
        verbose_name = _("determination")

    def __str__(self):
        return self.get_outcome_display()


class OmbudsmanOrder(models.Model):
    determination = models.ForeignKey(
        Determination, on_delete=models.CASCADE, related_name="orders"
    )
    description = models.TextField(_("order"))
    due_on = models.DateField(_("comply by"))
    complied_on = models.DateField(_("complied on"), null=True, blank=True)

    class Meta:
        verbose_name = _("Ombudsman order")
        ordering = ["due_on"]

    def __str__(self):
        return self.description[:60]
