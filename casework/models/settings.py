"""The landlord's complaint-process settings: what the Code lets each landlord decide.

Edited in the Wagtail admin (Settings > Complaint process). Each limit is validated against the
Code: a landlord may be quicker or more generous than the Code, never slower or stricter.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from casework.choices import DEFAULT_DEEMED_CONSENT_TYPES, RepresentativeType
from casework.code import (
    CODE_LIMITS,
    DEFAULT_EXCLUSION_PERIOD_MONTHS,
    Nation,
    Timescales,
    code_limit_message,
)
from casework.fields import MultipleChoiceJSONField


@deconstructible
class CodeLimitValidator(MaxValueValidator):
    """Rejects a timescale longer than the Code allows, citing the provision."""

    def __init__(self, timescale_name: str):
        self.timescale_name = timescale_name
        super().__init__(CODE_LIMITS[timescale_name][1])

    @property
    def message(self):
        return code_limit_message(self.timescale_name)

    @message.setter
    def message(self, value):
        # MaxValueValidator sets a default message; ours is always the Code's.
        pass

    def __eq__(self, other):
        return isinstance(other, CodeLimitValidator) and self.timescale_name == other.timescale_name


def _timescale_field(name: str, verbose_name, help_text):
    return models.PositiveSmallIntegerField(
        verbose_name,
        default=CODE_LIMITS[name][1],
        validators=[MinValueValidator(1), CodeLimitValidator(name)],
        help_text=help_text,
    )


def default_deemed_consent_types():
    return list(DEFAULT_DEEMED_CONSENT_TYPES)


@register_setting(icon="time")
class ComplaintProcessSettings(ClusterableModel, BaseSiteSetting):
    number_of_homes = models.PositiveIntegerField(
        _("number of homes"),
        default=0,
        help_text=_(
            "Homes you own or manage. Used for the Regulator's measure of complaints per 1,000 "
            "homes (Tenant Satisfaction Measure CH01)."
        ),
    )
    public_address = models.URLField(
        _("public address of this site"),
        blank=True,
        help_text=_(
            "The address residents use, such as https://complaints.example.org/. Every link in "
            "letters and emails starts with it. Empty: the address the site was installed with."
        ),
    )
    nation = models.CharField(
        _("bank holidays of"),
        max_length=3,
        choices=Nation.choices,
        default=Nation.ENGLAND,
        help_text=_("Working days skip weekends, these bank holidays and your closure days."),
    )

    stage1_acknowledgement_days = _timescale_field(
        "stage1_acknowledgement",
        _("stage 1: acknowledge within (working days)"),
        _("Counted from the day the complaint is received. Code 6.2: at most 5."),
    )
    stage1_response_days = _timescale_field(
        "stage1_response",
        _("stage 1: respond within (working days)"),
        _("Counted from the acknowledgement. Code 6.3: at most 10."),
    )
    stage1_extension_days = _timescale_field(
        "stage1_extension",
        _("stage 1: longest extension (working days)"),
        _("Code 6.4: at most 10 more, unless there is a good reason, which is recorded."),
    )
    stage2_acknowledgement_days = _timescale_field(
        "stage2_acknowledgement",
        _("stage 2: acknowledge within (working days)"),
        _("Counted from the request to escalate. Code 6.11: at most 5."),
    )
    stage2_response_days = _timescale_field(
        "stage2_response",
        _("stage 2: respond within (working days)"),
        _("Counted from the acknowledgement. Code 6.14: at most 20."),
    )
    stage2_extension_days = _timescale_field(
        "stage2_extension",
        _("stage 2: longest extension (working days)"),
        _("Code 6.15: at most 20 more, unless there is a good reason, which is recorded."),
    )
    ombudsman_evidence_days = _timescale_field(
        "ombudsman_evidence",
        _("evidence to the Ombudsman within (working days)"),
        _("Counted from the Ombudsman's request. At most 15."),
    )

    exclusion_period_months = models.PositiveSmallIntegerField(
        _("time limit for raising a complaint (months)"),
        default=DEFAULT_EXCLUSION_PERIOD_MONTHS,
        validators=[
            MinValueValidator(
                DEFAULT_EXCLUSION_PERIOD_MONTHS,
                message=_(
                    "The Complaint Handling Code (provision 2.3) says complaints raised within "
                    "12 months of the issue must be accepted. Set 12 months or more."
                ),
            ),
            MaxValueValidator(120, message=_("Set a time limit of 120 months or less.")),
        ],
        help_text=_(
            "Complaints about older issues may be refused, but each one is decided on its own "
            "facts (Code 2.3, 2.5)."
        ),
    )
    deemed_consent_representative_types = MultipleChoiceJSONField(
        _("representatives who need no separate consent"),
        value_choices=RepresentativeType.choices,
        default=default_deemed_consent_types,
        blank=True,
        help_text=_(
            "When a resident asks one of these people to complain for them, the resident's "
            "request counts as consent."
        ),
    )
    record_retention_years = models.PositiveSmallIntegerField(
        _("keep complaint records for (years)"),
        default=6,
        validators=[
            MinValueValidator(1, message=_("Keep records for at least 1 year.")),
            MaxValueValidator(25, message=_("Set 25 years or fewer.")),
        ],
        help_text=_("Counted from when a case is closed."),
    )
    letters_name_staff = models.BooleanField(
        _("sign letters with the name of the member of staff"),
        default=False,
        help_text=_(
            "Off: letters are signed by the complaints team, and name nobody on the staff. "
            "On: letters are signed by the person who issues them."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("number_of_homes"), FieldPanel("nation"), FieldPanel("public_address")],
            heading=_("Your landlord"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("stage1_acknowledgement_days"),
                        FieldPanel("stage1_response_days"),
                        FieldPanel("stage1_extension_days"),
                    ]
                ),
                FieldRowPanel(
                    [
                        FieldPanel("stage2_acknowledgement_days"),
                        FieldPanel("stage2_response_days"),
                        FieldPanel("stage2_extension_days"),
                    ]
                ),
                FieldPanel("ombudsman_evidence_days"),
            ],
            heading=_("Timescales"),
        ),
        InlinePanel("closure_days", heading=_("Days you are closed"), label=_("closure day")),
        MultiFieldPanel(
            [FieldPanel("exclusion_period_months")],
            heading=_("Complaints you may not accept"),
        ),
        InlinePanel("exclusion_reasons", heading=_("Exclusion reasons"), label=_("reason")),
        MultiFieldPanel(
            [FieldPanel("deemed_consent_representative_types")],
            heading=_("Representatives"),
        ),
        FieldPanel("record_retention_years"),
        MultiFieldPanel([FieldPanel("letters_name_staff")], heading=_("Letters")),
    ]

    class Meta:
        verbose_name = _("complaint process")

    def timescales(self) -> Timescales:
        return Timescales(
            stage1_acknowledgement=self.stage1_acknowledgement_days,
            stage1_response=self.stage1_response_days,
            stage1_extension=self.stage1_extension_days,
            stage2_acknowledgement=self.stage2_acknowledgement_days,
            stage2_response=self.stage2_response_days,
            stage2_extension=self.stage2_extension_days,
            ombudsman_evidence=self.ombudsman_evidence_days,
        )

    def closure_dates(self) -> frozenset:
        return frozenset(day.date for day in self.closure_days.all())


class ClosureDay(Orderable):
    """A day the landlord's office is shut (for example, between Christmas and New Year)."""

    settings = ParentalKey(
        ComplaintProcessSettings, on_delete=models.CASCADE, related_name="closure_days"
    )
    date = models.DateField(_("date"))
    description = models.CharField(_("why"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("description")])]

    class Meta(Orderable.Meta):
        # No unique constraint on the date: the admin saves new rows before deleting removed
        # ones, and a repeated date is harmless (the calendar holds a set of dates).
        verbose_name = _("closure day")

    def __str__(self):
        return f"{self.date:%d %B %Y} {self.description}".strip()


class ExclusionReason(Orderable):
    """A ground in the landlord's policy for not accepting or not escalating a complaint (2.2).

    Refusals always add a case-specific explanation: there are no blanket exclusions (2.5).
    """

    class AppliesTo(models.TextChoices):
        ACCEPTING = "accepting", _("Accepting a complaint")
        ESCALATING = "escalating", _("Escalating to stage 2")
        BOTH = "both", _("Both")

    settings = ParentalKey(
        ComplaintProcessSettings, on_delete=models.CASCADE, related_name="exclusion_reasons"
    )
    title = models.CharField(_("reason"), max_length=160)
    explanation = models.TextField(
        _("what it means"),
        help_text=_("Plain words for the resident, shown in the policy and in refusal letters."),
    )
    applies_to = models.CharField(
        _("applies to"), max_length=12, choices=AppliesTo.choices, default=AppliesTo.BOTH
    )

    panels = [FieldPanel("title"), FieldPanel("explanation"), FieldPanel("applies_to")]

    class Meta(Orderable.Meta):
        verbose_name = _("exclusion reason")

    def __str__(self):
        return self.title


# Our own words for the Code's examples of fair grounds (2.2); a landlord edits them freely.
DEFAULT_EXCLUSION_REASONS = [
    (
        "The issue is older than our time limit",
        "We look at issues raised within our time limit, counted from when the issue happened "
        "or when you found out about it. We can still look at an older issue if there is a good "
        "reason it was not raised sooner.",
        ExclusionReason.AppliesTo.ACCEPTING,
    ),
    (
        "Court action has started",
        "When a claim about the same issue has been issued in a court or tribunal, that process "
        "decides it instead. A letter before claim does not count as court action.",
        ExclusionReason.AppliesTo.BOTH,
    ),
    (
        "We have already answered this complaint",
        "The same issue has been through our complaints process and we have given our final "
        "answer. You can ask the Ombudsman to look at it.",
        ExclusionReason.AppliesTo.BOTH,
    ),
]


def ensure_default_exclusion_reasons(settings: ComplaintProcessSettings) -> None:
    """Give a new settings record the default reasons, once. Never touches edited ones."""
    if settings.pk and not settings.exclusion_reasons.exists():
        for order, (title, explanation, applies_to) in enumerate(DEFAULT_EXCLUSION_REASONS):
            ExclusionReason.objects.create(
                settings=settings,
                sort_order=order,
                title=title,
                explanation=explanation,
                applies_to=applies_to,
            )
