"""The landlord's brand and the complaints team's contact details, edited in the admin
(Settings > Branding and contact). Rendered on every page; passed to letters by the callers."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# WCAG 2.2 1.4.3: white text on the brand colour needs a contrast ratio of at least 4.5:1.
MIN_CONTRAST_WITH_WHITE = 4.5


def relative_luminance(hex_colour: str) -> float:
    channels = []
    for start in (1, 3, 5):
        value = int(hex_colour[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_with_white(hex_colour: str) -> float:
    return 1.05 / (relative_luminance(hex_colour) + 0.05)


def validate_brand_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Enter the colour as a # followed by 6 hexadecimal digits, for example #1d4f91."),
            code="invalid",
        )
    ratio = contrast_with_white(value)
    if ratio < MIN_CONTRAST_WITH_WHITE:
        raise ValidationError(
            _(
                "White text on this colour has a contrast ratio of %(ratio).1f:1. Choose a darker "
                "colour: accessible pages need at least 4.5:1."
            ),
            code="low_contrast",
            params={"ratio": ratio},
        )


@register_setting(icon="site")
class BrandingSettings(BaseSiteSetting):
    landlord_name = models.CharField(_("landlord name"), max_length=120, default="")
    landlord_address = models.TextField(_("landlord address"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header on a brand-coloured background: use a light logo."),
    )
    brand_colour = models.CharField(
        _("brand colour"),
        max_length=7,
        default="#1d4f91",
        validators=[validate_brand_colour],
        help_text=_("The header colour. It must be dark enough for white text to be readable."),
    )

    complaints_phone = models.CharField(_("phone"), max_length=40, blank=True)
    complaints_email = models.EmailField(_("email"), blank=True)
    complaints_postal_address = models.TextField(_("postal address"), blank=True)
    opening_hours = models.TextField(
        _("opening hours"), blank=True, help_text=_("When the phone lines and offices are open.")
    )
    in_person = models.TextField(
        _("in person"),
        blank=True,
        help_text=_("Where residents can talk to someone face to face."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("landlord_name"),
                FieldPanel("landlord_address"),
                FieldPanel("logo"),
                FieldPanel("brand_colour"),
            ],
            heading=_("Landlord"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("complaints_phone"),
                FieldPanel("complaints_email"),
                FieldPanel("complaints_postal_address"),
                FieldPanel("opening_hours"),
                FieldPanel("in_person"),
            ],
            heading=_("Complaints team contact"),
        ),
    ]

    class Meta:
        verbose_name = _("branding and contact")

    def address_lines(self, field: str = "landlord_address") -> list[str]:
        return [line.strip() for line in getattr(self, field).splitlines() if line.strip()]
