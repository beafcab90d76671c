from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms_pages.blocks import BodyBlock
from cms_pages.models.base import BasePage


class AccessibilityStatementPage(BasePage):
    """The site's accessibility statement, linked from every page's footer."""

    class Compliance(models.TextChoices):
        # Translators: to residents, on the accessibility statement.
        FULL = "full", _("Fully compliant with WCAG 2.2 AA")
        # Translators: to residents, on the accessibility statement.
        PARTIAL = "partial", _("Partially compliant with WCAG 2.2 AA")
        # Translators: to residents, on the accessibility statement.
        NONE = "none", _("Not compliant with WCAG 2.2 AA")

    compliance_status = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
    )
    statement_prepared_on = models.DateField(_("statement prepared on"))
    last_reviewed_on = models.DateField(_("last reviewed on"))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("statement"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("compliance_status"),
                FieldPanel("statement_prepared_on"),
                FieldPanel("last_reviewed_on"),
            ],
            heading=_("Status"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("accessibility statement")

    def clean(self):
        super().clean()
        if (
            self.statement_prepared_on
            and self.last_reviewed_on
            and self.last_reviewed_on < self.statement_prepared_on
        ):
            raise ValidationError(
                {"last_reviewed_on": _("The review date cannot be before the statement date.")}
            )
