"""StreamField blocks the comms team composes pages from. Each renders GOV.UK Frontend markup."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from cms_pages.navigation import DESTINATION_CHOICES, DESTINATIONS

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


class NavigationLinkBlock(blocks.StructBlock):
    """A link to a named destination (a page type or a part of the service) or to a chosen
    page, resolved in the reader's language while it is live (cms_pages/navigation.py)."""

    destination = blocks.ChoiceBlock(
        choices=DESTINATION_CHOICES,
        required=False,
        label=_("destination"),
        help_text=_(
            "A kind of page or a part of the service. The link follows the page wherever it "
            "moves, in the reader's language, and disappears while it is not published."
        ),
    )
    page = blocks.PageChooserBlock(required=False, label=_("or a page"))
    text = blocks.CharBlock(
        required=False,
        label=_("link text"),
        help_text=_(
            "Leave empty to use the page's title or the destination's name, which are "
            "translated. Text typed here is shown in every language as it is."
        ),
    )

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        cleaned = super().clean(value)
        if bool(cleaned.get("destination")) == bool(cleaned.get("page")):
            raise blocks.StructBlockValidationError(
                block_errors={"destination": [_("Choose a destination or a page, not both.")]}
            )
        return cleaned


def _request_links(parent_context):
    from cms_pages.context_processors import request_links

    return request_links((parent_context or {}).get("request"))


def _raw_link(value) -> dict:
    """A link block's value as navigation.SiteLinks.resolve reads it, the page as its id."""
    page = value.get("page")
    return {
        "destination": value.get("destination") or "",
        "page": getattr(page, "pk", page),
        "text": value.get("text") or "",
    }


SERVICE_ROUTES = [
    (key, destination.label) for key, destination in DESTINATIONS.items() if destination.route
]


class StartButtonBlock(blocks.StructBlock):
    """The GOV.UK start button into a part of the service (the complaint form, following a
    complaint), its address from the routes, never typed."""

    destination = blocks.ChoiceBlock(
        choices=SERVICE_ROUTES, default="complain", label=_("leads to")
    )
    text = blocks.CharBlock(
        required=False,
        label=_("button text"),
        help_text=_("Leave empty for the translated name of where it leads."),
    )

    class Meta:
        icon = "arrow-right"
        label = _("Start button")
        template = "cms_pages/blocks/start_button.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["link"] = _request_links(parent_context).resolve(_raw_link(value))
        return context


class TaskLinkBlock(NavigationLinkBlock):
    description = blocks.TextBlock(
        required=False, label=_("description"), help_text=_("A sentence under the link.")
    )

    class Meta:
        icon = "link"
        label = _("Link")


class TaskListBlock(blocks.StructBlock):
    """A heading and links with a sentence each, as on a GOV.UK topic page. Links whose page is
    not published are left out, and the whole list while none has anywhere to lead."""

    heading = blocks.CharBlock(label=_("heading"))
    links = blocks.ListBlock(TaskLinkBlock(), label=_("links"))

    class Meta:
        icon = "list-ul"
        label = _("List of links")
        template = "cms_pages/blocks/task_list.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        links = _request_links(parent_context)
        items = []
        for item in value["links"]:
            link = links.resolve(_raw_link(item))
            if link is not None:
                items.append({"link": link, "description": item.get("description") or ""})
        context["items"] = items
        return context


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


class HomeBodyBlock(BodyBlock):
    """The home page: the common blocks, and the start button and lists of links that lead
    residents to what they came for."""

    start_button = StartButtonBlock()
    task_list = TaskListBlock()


def chosen_page_ids(raw_stream) -> list[int]:
    """The pages chosen in a home page body's start buttons and lists of links (raw data)."""
    ids = []
    for child in raw_stream:
        value = child.get("value") or {}
        if child.get("type") == "task_list":
            for item in value.get("links") or []:
                item = item.get("value", item) if isinstance(item, dict) else {}
                if item.get("page"):
                    ids.append(item["page"])
    return ids


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
