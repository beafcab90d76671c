"""Which links the header and the footer show, chosen by staff (Settings > Navigation), within
the Code's floor: the footer always leads to the complaints policy (Code 3.4), how to complain
(Code 3.1, 3.4) and the Housing Ombudsman (Code 3.5, 3.7), whatever is chosen."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from cms_pages.blocks import NavigationLinkBlock
from cms_pages.navigation import DESTINATIONS, FOOTER_FLOOR


class HeaderLinksBlock(blocks.StreamBlock):
    link = NavigationLinkBlock()

    class Meta:
        max_num = 7


class FooterLinksBlock(blocks.StreamBlock):
    link = NavigationLinkBlock()

    def clean(self, value):
        cleaned = super().clean(value)
        chosen = {child.value.get("destination") for child in cleaned}
        missing = [key for key in FOOTER_FLOOR if key not in chosen]
        if missing:
            names = ", ".join(str(DESTINATIONS[key].label) for key in missing)
            raise blocks.StreamBlockValidationError(
                non_block_errors=[
                    _(
                        "The footer must keep these links: %(names)s. The Complaint Handling "
                        "Code asks that the complaints policy, how to complain and the Housing "
                        "Ombudsman's details are easy to find from every page (provisions 3.4, "
                        "3.5 and 3.7). They are shown even if you remove them here."
                    )
                    % {"names": names}
                ]
            )
        return cleaned


def _links(*keys: str) -> list:
    return [("link", {"destination": key, "page": None, "text": ""}) for key in keys]


def default_header_links() -> list:
    return _links("complain", "follow", "how_to_complain", "policy", "annual_report")


def default_footer_links() -> list:
    return _links("policy", "how_to_complain", "code", "follow", "ombudsman", "privacy", "cookies")


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    header_links = StreamField(
        HeaderLinksBlock(),
        blank=True,
        default=default_header_links,
        verbose_name=_("header links"),
        help_text=_("The main sections, in the menu under the site's name, in this order."),
    )
    footer_links = StreamField(
        FooterLinksBlock(),
        blank=True,
        default=default_footer_links,
        verbose_name=_("footer links"),
        help_text=_(
            "Links at the foot of every page. The complaints policy, how to complain and the "
            "Housing Ombudsman are always included (Code 3.4, 3.5, 3.7)."
        ),
    )

    panels = [FieldPanel("header_links"), FieldPanel("footer_links")]

    class Meta:
        verbose_name = _("navigation")

    def chosen_page_ids(self) -> list[int]:
        ids = []
        for stream in (self.header_links, self.footer_links):
            for item in stream.raw_data:
                page = (item.get("value") or {}).get("page")
                if page:
                    ids.append(page)
        return ids
