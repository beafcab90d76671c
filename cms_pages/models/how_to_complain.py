"""The "how to complain" hub: every route in, from the landlord's settings (Code 3.1, 3.2)."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms_pages.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms_pages.models.base import BasePage
from cms_pages.models.branding import BrandingSettings
from cms_pages.reader_language import localized_for_reader, site_text_language


@dataclass(frozen=True)
class Route:
    """One way to raise a complaint, as shown to a resident."""

    key: str
    title: str
    lines: tuple[str, ...] = ()
    href: str = ""
    link_text: str = ""
    # The language `lines` are written in when it is not the page's: the landlord's contact
    # details and opening hours are one text for the whole site, in its default language.
    lines_language: str = ""
    lines_direction: str = ""


class HowToComplainPage(BasePage):
    online_form_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("online form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page where residents start an online complaint."),
    )
    representative_text = RichTextField(
        _("complaining for someone else"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("How a family member, advocate, councillor or MP can complain for a resident."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more information"))

    shows_ombudsman_panel = True

    content_panels = [
        *BasePage.content_panels,
        PageChooserPanel("online_form_page"),
        FieldPanel("representative_text"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("how to complain page")

    def routes(self, branding: BrandingSettings) -> list[Route]:
        """Every way in that the landlord offers, in the order a resident would try them."""
        routes = []
        site_text = site_text_language()
        written_in = {}
        if site_text:
            written_in = {"lines_language": site_text["lang"], "lines_direction": site_text["dir"]}
        form_page = self.online_form_page
        if form_page and form_page.live:
            routes.append(
                Route(
                    "online",
                    # Translators: to residents, on the How to complain page.
                    str(_("Online")),
                    # Translators: to residents, on the How to complain page.
                    (str(_("Use our online form. It takes about 10 minutes.")),),
                    localized_for_reader(form_page).url,
                    # Translators: to residents, on the How to complain page.
                    str(_("Start your complaint online")),
                )
            )
        if branding.complaints_phone:
            lines = [branding.complaints_phone]
            if branding.opening_hours:
                lines.extend(branding.address_lines("opening_hours"))
            routes.append(
                Route(
                    "phone",
                    # Translators: to residents, on the How to complain page.
                    str(_("By phone")),
                    tuple(lines),
                    "tel:" + "".join(ch for ch in branding.complaints_phone if ch in "+0123456789"),
                    # Translators: to residents, on the How to complain page.
                    str(_("Call %(phone)s") % {"phone": branding.complaints_phone}),
                    **written_in,
                )
            )
        if branding.complaints_email:
            routes.append(
                Route(
                    "email",
                    # Translators: to residents, on the How to complain page.
                    str(_("By email")),
                    (),
                    f"mailto:{branding.complaints_email}",
                    branding.complaints_email,
                )
            )
        if branding.complaints_postal_address:
            routes.append(
                Route(
                    "letter",
                    # Translators: to residents, on the How to complain page.
                    str(_("By letter")),
                    tuple(branding.address_lines("complaints_postal_address")),
                    **written_in,
                )
            )
        if branding.in_person:
            routes.append(
                Route(
                    "in_person",
                    # Translators: to residents, on the How to complain page.
                    str(_("In person")),
                    tuple(branding.address_lines("in_person")),
                    **written_in,
                )
            )
        return routes

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        branding = BrandingSettings.for_request(request)
        # Worked out while the template renders, in the language the content is shown in
        # (an untranslated copy's is English: base.html).
        context["routes"] = SimpleLazyObject(lambda: self.routes(branding))
        return context
