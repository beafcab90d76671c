"""The annual self-assessment against the Complaint Handling Code (Code 8.1a, 8.3, 8.4; issue 6).

One row per provision of the 2024 Code, preloaded with our own summary of what it requires; for
each, whether we comply, the evidence (which may be a live figure, frozen when the page is
published), why not where we do not, and the improvement actions with owner, date and status:
the shape of the action plan landlords publish. A new page is made for each year, and each
page keeps its revisions, so the assessments stay comparable year on year.
"""

from django.db import models
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from casework.code_provisions import SECTIONS
from cms_pages.blocks import ProvisionAssessmentBlock
from cms_pages.models.base import BasePage
from cms_pages.models.page_pdf import DownloadableFormatsMixin
from cms_pages.models.published_figures import PublishedFiguresMixin


def preloaded_rows() -> list[tuple[str, dict]]:
    """Every provision of the Code, in order, ready to be assessed."""
    return [
        (
            "provision",
            {
                "provision": provision.number,
                "requirement": provision.summary,
                "complies": "",
                "evidence": "",
                "figure": "",
                "explanation": "",
                "actions": [],
            },
        )
        for section in SECTIONS
        for provision in section.provisions
    ]


class SelfAssessmentPage(DownloadableFormatsMixin, PublishedFiguresMixin, BasePage):
    assessed_on = models.DateField(_("assessed on"))
    approved_by = models.CharField(
        _("approved by"),
        max_length=200,
        blank=True,
        help_text=_("For example: the Board, on 12 May 2026."),
    )
    reason = models.CharField(
        _("why this assessment"),
        max_length=20,
        choices=[
            ("annual", _("The yearly self-assessment (Code 8.1)")),
            ("change", _("After a restructure, merger or change of procedure (Code 8.3)")),
            ("ombudsman", _("The Ombudsman asked for it after an investigation (Code 8.4)")),
        ],
        default="annual",
    )
    rows = StreamField(
        [("provision", ProvisionAssessmentBlock())],
        verbose_name=_("provisions"),
        default=preloaded_rows,
    )

    shows_ombudsman_panel = True
    pdf_template = "cms_pages/self_assessment_page_pdf.html"

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldRowPanel([FieldPanel("assessed_on"), FieldPanel("reason")]),
                FieldPanel("approved_by"),
                FieldPanel("refresh_figures"),
            ],
            heading=_("The assessment"),
        ),
        FieldPanel("rows"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("rows")]

    class Meta:
        verbose_name = _("self-assessment page")

    def publish_problems(self) -> list[str]:
        """Every provision answered, each "no" explained (the blocks check that)."""
        unanswered = [row.value["provision"] for row in self.rows if not row.value["complies"]]
        problems = []
        if unanswered:
            problems.append(
                _gettext("Say whether we comply with every provision before publishing: %(list)s.")
                % {"list": ", ".join(unanswered)}
            )
        return problems

    def sections(self) -> list[dict]:
        """The rows grouped under the Code's sections, each row with its figure if any."""
        figures = self.current_figures() if any(r.value["figure"] for r in self.rows) else {}
        evidence = figures.get("evidence", {})
        by_section: dict[int, list] = {}
        for row in self.rows:
            number = row.value["provision"].split(".")[0]
            key = int(number) if number.isdigit() else 0
            by_section.setdefault(key, []).append(
                {"row": row.value, "figure": evidence.get(row.value["figure"])}
            )
        titles = {section.number: section.title for section in SECTIONS}
        return [
            {"number": number, "title": titles.get(number, ""), "rows": rows}
            for number, rows in sorted(by_section.items())
        ]

    def summary(self) -> dict:
        answers = [row.value["complies"] for row in self.rows]
        return {
            "total": len(answers),
            "yes": answers.count("yes"),
            "no": answers.count("no"),
            "open_actions": sum(
                1
                for row in self.rows
                for action in row.value["actions"]
                if action["status"] != "done"
            ),
        }
