"""The case and its stages: the heart of the record the Ombudsman will ask to see (Code 5.12)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from casework.choices import (
    OPEN_STATUSES,
    CaseKind,
    CaseStatus,
    Channel,
    ConsentBasis,
    Decision,
    OmbudsmanSchemeKind,
    RepresentativeType,
)
from casework.models.people import Person
from casework.models.settings import ExclusionReason


class ComplaintCategory(models.Model):
    """What a case is about, each mapped to the Ombudsman scheme that covers it."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    ombudsman_scheme = models.CharField(
        _("Ombudsman scheme"),
        max_length=20,
        choices=OmbudsmanSchemeKind.choices,
        default=OmbudsmanSchemeKind.HOUSING,
    )
    active = models.BooleanField(_("in use"), default=True)

    panels = [FieldPanel("name"), FieldPanel("ombudsman_scheme"), FieldPanel("active")]

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ReferenceCounter(models.Model):
    """The last number given out per prefix and year; incremented under a row lock."""

    prefix = models.CharField(max_length=5)
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="one_counter_per_year")
        ]

    def __str__(self):
        return f"{self.prefix}-{self.year}: {self.last_number}"


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def complaints(self):
        return self.filter(kind=CaseKind.COMPLAINT)


class Case(models.Model):
    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=CaseKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices)
    channel = models.CharField(_("received by"), max_length=20, choices=Channel.choices)
    received_at = models.DateTimeField(_("received"))
    category = models.ForeignKey(
        ComplaintCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
    )
    description = models.TextField(_("what happened, in their words"))
    outcome_wanted = models.TextField(_("what they would like to happen"), blank=True)
    issue_date = models.DateField(
        _("when it happened"),
        null=True,
        blank=True,
        help_text=_("The first day of the month is enough when only the month is known."),
    )
    concerns_contractor = models.BooleanField(_("involves a contractor"), default=False)
    contractor_name = models.CharField(_("contractor"), max_length=200, blank=True)
    property_address = models.TextField(_("property or tenancy"), blank=True)

    resident = models.ForeignKey(
        Person, verbose_name=_("resident"), on_delete=models.PROTECT, related_name="cases"
    )
    representative = models.ForeignKey(
        Person,
        verbose_name=_("representative"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="represented_cases",
    )
    representative_type = models.CharField(
        _("representative is"), max_length=20, choices=RepresentativeType.choices, blank=True
    )
    consent_basis = models.CharField(
        _("consent"), max_length=10, choices=ConsentBasis.choices, blank=True
    )
    consent_evidence = models.TextField(_("consent evidence"), blank=True)

    staff_complained_about = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff named in the complaint"),
        blank=True,
        related_name="complaints_about",
    )
    linked_from = models.ForeignKey(
        "self",
        verbose_name=_("linked from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="linked_cases",
        help_text=_("The service request or complaint this case grew out of (Code 1.5, 6.8)."),
    )
    urgent = models.BooleanField(
        _("urgent or high risk"),
        default=False,
        help_text=_("Code 6.1: triage by complexity, vulnerability and risk."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "kind"])]
        permissions = [
            ("work_any_case", "Can see and work every case"),
            ("work_assigned_case", "Can work cases assigned to them"),
            ("log_case", "Can log cases and read their status"),
            # Code 9.4-9.7: the governing body and the Member Responsible for Complaints read
            # the figures, trends and Ombudsman outcomes, never a case.
            ("view_performance", "Can see complaint handling performance"),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_complaint(self) -> bool:
        return self.kind == CaseKind.COMPLAINT

    def stage(self, number: int):
        return next((s for s in self.stages.all() if s.number == number), None)

    @property
    def current_stage(self):
        stages = sorted(self.stages.all(), key=lambda s: s.number)
        return stages[-1] if stages else None


class Stage(models.Model):
    """One of the complaint's two stages (Code 5.3), with its clocks and its answer."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField(_("stage"), choices=[(1, "1"), (2, "2")])
    requested_at = models.DateTimeField(_("requested"))
    acknowledgement_due_on = models.DateField(_("acknowledge by"))
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    definition = models.TextField(
        _("complaint definition"),
        blank=True,
        help_text=_("Our understanding of the complaint (Code 5.6)."),
    )
    outcomes_sought = models.TextField(_("outcomes sought"), blank=True)
    responsibility = models.TextField(
        _("what we are and are not responsible for"),
        blank=True,
        help_text=_("Code 5.7: say which parts are for us and which are not."),
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="handled_stages",
    )
    conflict_of_interest = models.TextField(
        _("conflict of interest declared"),
        blank=True,
        help_text=_("What the handler declared; 'None' when there is none."),
    )
    escalation_detail = models.TextField(
        _("what is still unresolved"),
        blank=True,
        help_text=_("Stage 2 only. Optional: nobody has to give a reason to escalate (6.12)."),
    )
    response_due_on = models.DateField(_("respond by"), null=True, blank=True)
    original_response_due_on = models.DateField(_("first response date"), null=True, blank=True)
    update_interval_days = models.PositiveSmallIntegerField(
        _("agreed update interval (working days)"), null=True, blank=True
    )
    next_update_due_on = models.DateField(_("next update due"), null=True, blank=True)
    decision = models.CharField(_("decision"), max_length=15, choices=Decision.choices, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    no_remedy_reason = models.TextField(
        _("why no remedy is due"),
        blank=True,
        help_text=_("When nothing needs putting right, say why."),
    )
    responded_at = models.DateTimeField(_("answered"), null=True, blank=True)
    late_reason = models.TextField(
        _("why the answer was late"),
        blank=True,
        help_text=_("Recorded when the answer is sent after its date (Code 6.3, 6.14)."),
    )
    refusal_reason = models.ForeignKey(
        ExclusionReason,
        verbose_name=_("exclusion reason"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    refusal_explanation = models.TextField(_("why it applies to this case"), blank=True)
    refused_at = models.DateTimeField(_("refused"), null=True, blank=True)

    class Meta:
        verbose_name = _("stage")
        ordering = ["case", "number"]
        constraints = [
            models.UniqueConstraint(fields=["case", "number"], name="one_of_each_stage"),
            # Code 5.2-5.3: exactly two stages; never a third, never a "stage 0".
            models.CheckConstraint(condition=Q(number__in=[1, 2]), name="only_two_stages"),
        ]

    def __str__(self):
        return f"{self.case.reference} stage {self.number}"


class Extension(models.Model):
    """More time to answer a stage (Code 6.4-6.5, 6.15-6.16)."""

    stage = models.ForeignKey(Stage, on_delete=models.CASCADE, related_name="extensions")
    working_days = models.PositiveSmallIntegerField(_("extra working days"))
    reason = models.TextField(_("reason, as explained to the resident"))
    good_reason = models.TextField(
        _("good reason for going beyond the Code's limit"),
        blank=True,
        help_text=_("Only for an extension longer than the Code allows. Reported as such."),
    )
    exceeds_limit = models.BooleanField(
        _("longer than the landlord's limit"),
        default=False,
        help_text=_("Allowed only with a good reason; counted separately in reports."),
    )
    resident_told_on = models.DateField(_("resident told on"))
    previous_due_on = models.DateField()
    new_due_on = models.DateField(_("new date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("extension")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.stage}: +{self.working_days} working days"
