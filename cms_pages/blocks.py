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
