"""The complaints policy (Code 3.4, 3.5): sections, version, approval and review dates, owner.

The same content is offered as a web page, a print view in large type, and a tagged PDF and a
large-print PDF, rendered when the page is published and kept with the revision they were made
from (cms_pages/models/page_pdf.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms_pages.blocks import PolicySectionBlock
from cms_pages.models.base import BasePage
from cms_pages.models.page_pdf import DownloadableFormatsMixin


class PolicyPage(DownloadableFormatsMixin, BasePage):
    version = models.CharField(_("version"), max_length=20, help_text=_("For example 3.1"))
    approved_on = models.DateField(_("approved on"))
    next_review_on = models.DateField(_("next review by"))
    policy_owner = models.CharField(
        _("owner"),
        max_length=120,
        help_text=_("The role responsible for the policy, for example Head of Customer Service."),
    )
    sections = StreamField(
        [("section", PolicySectionBlock())], verbose_name=_("sections"), min_num=1
    )

    shows_ombudsman_panel = True
    pdf_template = "cms_pages/policy_page_pdf.html"
    print_template = "cms_pages/policy_page_print.html"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("version"), FieldPanel("policy_owner")]),
                FieldRowPanel([FieldPanel("approved_on"), FieldPanel("next_review_on")]),
            ],
            heading=_("Version and approval"),
        ),
        FieldPanel("sections"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("sections")]

    class Meta:
        verbose_name = _("policy page")

    def clean(self):
        super().clean()
        if self.approved_on and self.next_review_on and self.next_review_on <= self.approved_on:
            raise ValidationError(
                {"next_review_on": _("The next review date must be after the approval date.")}
            )

    def pdf_filename(self, *, large_print: bool = False) -> str:
        stem = f"{slugify(self.title)}-v{slugify(self.version)}"
        return f"{stem}-large-print.pdf" if large_print else f"{stem}.pdf"
