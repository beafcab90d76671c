"""StreamField blocks the comms team composes pages from. Each renders GOV.UK Frontend markup."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"))
    size = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "cms_pages/blocks/heading.html"


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("text"))

    class Meta:
        icon = "pick"
        label = _("Inset text")
        template = "cms_pages/blocks/inset_text.html"


class WarningTextBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("warning"))

    class Meta:
        icon = "warning"
        label = _("Warning")
        template = "cms_pages/blocks/warning_text.html"


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(label=_("summary"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("text"))

    class Meta:
        icon = "collapse-down"
        label = _("Details (expandable)")
        template = "cms_pages/blocks/details.html"


class ButtonLinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("button text"))
    page = blocks.PageChooserBlock(required=False, label=_("page"))
    url = blocks.URLBlock(required=False, label=_("or web address"))

    class Meta:
        icon = "link"
        label = _("Button link")
        template = "cms_pages/blocks/button_link.html"

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("page") and not cleaned.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": [_("Choose a page or enter a web address.")]}
            )
        return cleaned


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(required=False, label=_("link text (defaults to the title)"))

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "cms_pages/blocks/document_link.html"


class OmbudsmanDetailsBlock(blocks.StaticBlock):
    """The Ombudsman's contact details, always current from the Ombudsman snippet."""

    class Meta:
        icon = "info-circle"
        label = _("Ombudsman details")
        admin_text = _("Shows the Ombudsman's current contact details.")
        template = "cms_pages/blocks/ombudsman_details.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    inset_text = InsetTextBlock()
    warning = WarningTextBlock()
    details = DetailsBlock()
    button = ButtonLinkBlock()
    document = DocumentLinkBlock()
    image = ImageBlock(label=_("Image"))
    ombudsman = OmbudsmanDetailsBlock()


class PolicySectionBlock(blocks.StructBlock):
    """A numbered section of the complaints policy: a heading and its text."""

    heading = blocks.CharBlock(label=_("section heading"))
    body = blocks.StreamBlock(
        [
            ("paragraph", blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))),
            ("inset_text", InsetTextBlock()),
            ("details", DetailsBlock()),
            ("ombudsman", OmbudsmanDetailsBlock()),
        ],
        label=_("section text"),
    )

    class Meta:
        icon = "list-ol"
        label = _("Policy section")
        template = "cms_pages/blocks/policy_section.html"


class CodeProvisionBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("provision number"), help_text=_("For example 6.9"))
    summary = blocks.TextBlock(label=_("what it requires, in our words"))


class CodeSectionBlock(blocks.StructBlock):
    number = blocks.IntegerBlock(min_value=1, max_value=9, label=_("section number"))
    title = blocks.CharBlock(label=_("section title"))
    introduction = blocks.TextBlock(required=False, label=_("introduction"))
    provisions = blocks.ListBlock(CodeProvisionBlock(), label=_("provisions"))

    class Meta:
        icon = "list-ol"
        label = _("Code section")
        template = "cms_pages/blocks/code_section.html"


# The self-assessment against the Complaint Handling Code (Code 8.1a; issue 6)

ASSESSMENT_ANSWERS = [("yes", _("Yes")), ("no", _("No"))]
ACTION_STATUSES = [
    ("planned", _("Planned")),
    ("in_progress", _("In progress")),
    ("done", _("Done")),
]


def figure_choices():
    """The live figures a row can show as evidence (casework/figures.py's catalogue)."""
    from casework.figures import EVIDENCE_FIGURES

    return [(key, figure.label) for key, figure in EVIDENCE_FIGURES.items()]


class ImprovementActionBlock(blocks.StructBlock):
    action = blocks.TextBlock(label=_("action"))
    owner = blocks.CharBlock(
        label=_("owner"), help_text=_("A role, not a person's name: for example Head of Housing.")
    )
    action_by = blocks.DateBlock(required=False, label=_("action by"))
    status = blocks.ChoiceBlock(choices=ACTION_STATUSES, default="planned", label=_("status"))


class ProvisionAssessmentBlock(blocks.StructBlock):
    """One provision of the Code: do we comply, what shows it, and what we will improve."""

    provision = blocks.CharBlock(label=_("provision"), help_text=_("For example 6.9"))
    requirement = blocks.TextBlock(label=_("what it requires, in our words"))
    complies = blocks.ChoiceBlock(
        choices=ASSESSMENT_ANSWERS,
        required=False,
        label=_("do we comply?"),
        help_text=_("Leave empty until assessed. Every provision must be answered to publish."),
    )
    evidence = blocks.TextBlock(
        required=False,
        label=_("evidence"),
        help_text=_("What shows we comply: a policy section, a figure, a training record."),
    )
    figure = blocks.ChoiceBlock(
        choices=figure_choices,
        required=False,
        label=_("a figure as evidence"),
        help_text=_("Shown with the row, and frozen into the page when it is published."),
    )
    explanation = blocks.TextBlock(
        required=False,
        label=_("why not, where we do not comply"),
    )
    actions = blocks.ListBlock(
        ImprovementActionBlock(), default=[], min_num=0, label=_("improvement actions")
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Provision")
        label_format = "{provision}"

    def clean(self, value):
        cleaned = super().clean(value)
        if cleaned.get("complies") == "no" and not (cleaned.get("explanation") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={
                    "explanation": [
                        _("Say why we do not comply with this provision, and what we will do.")
                    ]
                }
            )
        if cleaned.get("complies") == "yes" and not (
            (cleaned.get("evidence") or "").strip() or cleaned.get("figure")
        ):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "evidence": [_("Give the evidence that we comply, or choose a figure.")]
                }
            )
        return cleaned


class OmbudsmanReportBlock(blocks.StructBlock):
    """A report the Ombudsman made about us (Code 8.1e, 8.1f): a link or the document."""

    title = blocks.CharBlock(label=_("title"))
    url = blocks.URLBlock(required=False, label=_("link"))
    document = DocumentChooserBlock(required=False, label=_("or the document"))
    summary = blocks.TextBlock(required=False, label=_("what it says, in a sentence or two"))

    class Meta:
        icon = "doc-full"
        label = _("Ombudsman report")
        label_format = "{title}"

    def clean(self, value):
        cleaned = super().clean(value)
        if not cleaned.get("url") and not cleaned.get("document"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": [_("Give a link to the report, or choose the document.")]}
            )
        return cleaned
