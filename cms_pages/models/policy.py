"""The complaints policy (Code 3.4, 3.5): sections, version, approval and review dates, owner.

The same content is offered as a web page, a print view in large type, and a tagged PDF that is
rendered when the page is published and kept with the revision it was made from.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms_pages.blocks import PolicySectionBlock
from cms_pages.models.base import BasePage


class PolicyPage(RoutablePageMixin, BasePage):
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

    def pdf_filename(self) -> str:
        return f"{slugify(self.title)}-v{slugify(self.version)}.pdf"

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        # Imported here: the renderer imports this module.
        from cms_pages.policy_pdf import policy_pdf_for_live_revision

        policy_pdf = policy_pdf_for_live_revision(self, request)
        response = FileResponse(
            policy_pdf.file.open("rb"),
            content_type="application/pdf",
            filename=self.pdf_filename(),
        )
        response["Content-Language"] = self.locale.language_code
        return response

    @path("print/", name="print")
    def print_view(self, request):
        context = self.get_context(request)
        context["print_view"] = True
        return render(request, "cms_pages/policy_page_print.html", context)


class PolicyPdf(models.Model):
    """The PDF of one published revision of a policy page, rendered once and kept."""

    page = models.ForeignKey(PolicyPage, on_delete=models.CASCADE, related_name="pdfs")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    file = models.FileField(upload_to="policy-pdfs/")
    rendered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "revision"], name="one_pdf_per_revision")
        ]

    def __str__(self):
        return f"{self.page} (revision {self.revision_id})"
