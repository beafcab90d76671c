"""A page explaining the Complaint Handling Code in the landlord's own words (Code 3.5)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms_pages.blocks import CodeSectionBlock
from cms_pages.models.base import BasePage


class CodePage(BasePage):
    code_edition = models.CharField(
        _("edition"),
        max_length=80,
        default="2024",
        help_text=_("For example: 2024, in force from 1 April 2024"),
    )
    ombudsman_code_url = models.URLField(
        _("link to the Ombudsman's copy of the Code"),
        help_text=_("The full Code on the Housing Ombudsman's website."),
    )
    sections = StreamField(
        [("section", CodeSectionBlock())], verbose_name=_("sections"), blank=True
    )

    shows_ombudsman_panel = True

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("code_edition"),
        FieldPanel("ombudsman_code_url"),
        FieldPanel("sections"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("sections")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Complaint Handling Code page")
