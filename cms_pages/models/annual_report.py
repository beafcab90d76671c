"""The annual complaints performance and service improvement report (Code 8.1, 8.2; issue 6).

A page for one reporting year. When it is published, the figures for the year are worked out
from the casework record and frozen into the revision, with the improvements completed from the
lessons-learned log and the governing body's response as agreed that day, so a published report
never changes when cases are later edited. The page holds what the Code asks the report to
contain:

- (a) the self-assessment for the year (a `SelfAssessmentPage`, published);
- (b) the figures, and the analysis written by staff, including the types of complaint refused;
- (c) the Ombudsman's findings that we did not follow the Code, and what we did about them;
- (d) the service improvements made from learning (the lessons-learned log);
- (e), (f) the Ombudsman's annual report on us and any other reports it made about us;

and, alongside, the governing body's response (8.2). The response is written by governing-body
users in a screen of its own (cms_pages/views/governing_body.py) that shows them the report's
figures and no case; the page cannot be published until it is written.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms_pages.blocks import RICH_TEXT_FEATURES, OmbudsmanReportBlock
from cms_pages.models.base import BasePage
from cms_pages.models.page_pdf import DownloadableFormatsMixin
from cms_pages.models.published_figures import PublishedFiguresMixin


def _blank(value) -> bool:
    """Rich text that holds no words (Draftail leaves `<p></p>` behind)."""
    from django.utils.html import strip_tags

    return not strip_tags(value or "").strip()


class AnnualReportPage(DownloadableFormatsMixin, PublishedFiguresMixin, BasePage):
    self_assessment = models.ForeignKey(
        "cms_pages.SelfAssessmentPage",
        verbose_name=_("self-assessment for the year"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Code 8.1a: the report includes the year's self-assessment against the Code."),
    )
    analysis = RichTextField(
        _("what the figures tell us"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Code 8.1b: what went well, what did not, the themes and why. The figures are "
            "added for you."
        ),
    )
    refusals_commentary = models.TextField(
        _("about the complaints we did not accept"),
        blank=True,
        help_text=_(
            "Code 8.1b: shown with the table of refusals by reason. Say what kinds of complaint "
            "these were and whether any reason is used more than it should be."
        ),
    )
    ombudsman_commentary = RichTextField(
        _("what the Ombudsman found and what we did"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Code 8.1c: needed when the Ombudsman found that we did not follow the Complaint "
            "Handling Code in the year."
        ),
    )
    ombudsman_report_url = models.URLField(
        _("link to the Ombudsman's annual report on us"), blank=True
    )
    ombudsman_report_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("or the report itself"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ombudsman_report_note = models.TextField(
        _("if there is no such report"),
        blank=True,
        help_text=_(
            "Code 8.1e: for example, the Ombudsman did not publish an annual report on us for "
            "this year because it made fewer determinations about us than it reports on."
        ),
    )
    other_ombudsman_reports = StreamField(
        [("report", OmbudsmanReportBlock())],
        verbose_name=_("other reports the Ombudsman made about us"),
        blank=True,
        help_text=_("Code 8.1f: special reports, investigations of our complaint handling."),
    )
    # Frozen at each publication from the GoverningBodyResponse below (Code 8.2).
    governing_body_response = models.JSONField(default=dict, blank=True, editable=False)

    shows_ombudsman_panel = True
    pdf_template = "cms_pages/annual_report_page_pdf.html"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("refresh_figures"),
                FieldPanel("self_assessment"),
            ],
            heading=_("The year and the self-assessment"),
        ),
        FieldPanel("analysis"),
        FieldPanel("refusals_commentary"),
        FieldPanel("ombudsman_commentary"),
        MultiFieldPanel(
            [
                FieldPanel("ombudsman_report_url"),
                FieldPanel("ombudsman_report_document"),
                FieldPanel("ombudsman_report_note"),
                FieldPanel("other_ombudsman_reports"),
            ],
            heading=_("The Ombudsman's reports on us"),
        ),
        HelpPanel(
            content=_(
                "The governing body writes its response under Reports > Governing body "
                "responses. The report cannot be published without it (Code 8.2)."
            ),
            heading=_("The governing body's response"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("analysis"),
        index.SearchField("refusals_commentary"),
    ]

    class Meta:
        verbose_name = _("annual complaints report page")

    # What is frozen at publication

    def compute_figures(self) -> dict:
        from casework.selectors import learning_for_publication

        figures = super().compute_figures()
        figures["published_learning"] = learning_for_publication(self.period_start, self.period_end)
        return figures

    def current_response(self):
        """The governing body's response as it stands now, for every language version."""
        return GoverningBodyResponse.objects.filter(translation_key=self.translation_key).first()

    def frozen_at_publication(self) -> dict:
        response = self.current_response()
        if response is None:
            return {}
        return {"governing_body_response": response.as_published()}

    def publish_problems(self) -> list[str]:
        problems = []
        response = self.current_response()
        if response is None or not response.text.strip():
            problems.append(
                _gettext(
                    "The governing body has not written its response yet. The report is "
                    "published with it alongside (Code 8.2)."
                )
            )
        if self.self_assessment is None or not self.self_assessment.live:
            problems.append(
                _gettext("Choose the year's self-assessment, published, to include (Code 8.1a).")
            )
        if _blank(self.analysis):
            problems.append(
                _gettext("Write what the figures tell us before publishing (Code 8.1b).")
            )
        if not (
            self.ombudsman_report_url
            or self.ombudsman_report_document_id
            or self.ombudsman_report_note.strip()
        ):
            problems.append(
                _gettext(
                    "Link to the Ombudsman's annual report on us, or say why there is none "
                    "(Code 8.1e)."
                )
            )
        figures = self.current_figures() if self.period_start and self.period_end else {}
        findings = (figures.get("ombudsman") or {}).get("code_non_compliance_findings") or 0
        if findings and _blank(self.ombudsman_commentary):
            problems.append(
                _gettext(
                    "The Ombudsman found that we did not follow the Code this year: say what it "
                    "found and what we did (Code 8.1c)."
                )
            )
        return problems

    # What the templates show

    def published_response(self) -> dict:
        """The response frozen into this revision; for a draft or preview, the current one."""
        frozen = self.governing_body_response
        if not frozen:
            response = self.current_response()
            frozen = response.as_published() if response else {}
        if not frozen:
            return {}
        agreed_on = frozen.get("agreed_on")
        return {**frozen, "agreed_on": dt.date.fromisoformat(agreed_on) if agreed_on else None}

    def report_sections(self):
        from casework.figures.presentation import report_sections

        return report_sections(self.current_figures(), chart_prefix=f"report-{self.pk or 0}")

    def refusals(self) -> list[tuple[str, object]]:
        from casework.figures import figure_rows

        return figure_rows(self.current_figures(), "outcomes.refusals_by_reason")

    def escalation_refusals(self) -> list[tuple[str, object]]:
        from casework.figures import figure_rows

        return figure_rows(self.current_figures(), "outcomes.escalations_refused_by_reason")

    def ombudsman_findings(self) -> list[tuple[str, object]]:
        from casework.figures import figure_rows

        return figure_rows(self.current_figures(), "ombudsman.findings")

    def code_non_compliance_findings(self) -> int:
        return (self.current_figures().get("ombudsman") or {}).get(
            "code_non_compliance_findings"
        ) or 0

    def improvements(self) -> list[dict]:
        return (self.current_figures().get("published_learning") or {}).get("improvements", [])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["response"] = self.published_response()
        return context

    def pdf_context(self) -> dict:
        return {"response": self.published_response()}


class GoverningBodyResponse(models.Model):
    """The governing body's response to an annual report (Code 8.2), one for every language
    version of the report (they share a translation key). Written by governing-body users;
    frozen into the report each time it is published."""

    translation_key = models.UUIDField(unique=True, editable=False)
    text = models.TextField(
        _("the governing body's response"),
        help_text=_(
            "What the governing body makes of the year: what it accepts, what it asks to "
            "change, and how it will check. Leave a blank line between paragraphs."
        ),
    )
    responded_by = models.CharField(
        _("on behalf of"),
        max_length=200,
        help_text=_("For example: the Board of Example Homes."),
    )
    agreed_on = models.DateField(_("agreed on"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("governing body's response")
        permissions = [
            (
                "respond_to_annual_report",
                "Can write the governing body's response to the annual report",
            )
        ]

    def __str__(self):
        return f"{self.responded_by} ({self.agreed_on})"

    def as_published(self) -> dict:
        return {
            "text": self.text,
            "responded_by": self.responded_by,
            "agreed_on": self.agreed_on.isoformat() if self.agreed_on else "",
        }
