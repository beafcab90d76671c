"""The landlord's branding as letters need it (settings.REDRESS_LETTER_BRANDING points here).

casework renders letters but must not import cms_pages (DESIGN.md, Architecture), so it calls
this through the setting and gets plain values back.
"""

from django.conf import settings
from wagtail.models import Site

from casework.letters.branding import LetterBranding
from casework.process import public_url
from cms_pages.models import BrandingSettings, PolicyPage


def _policy_url(language: str) -> str:
    """The live complaints policy in the letter's language, else in any language."""
    policies = PolicyPage.objects.live().public().order_by("path")
    page = (
        policies.filter(locale__language_code=language).first() if language else None
    ) or policies.first()
    if page is None:
        return ""
    # The landlord's public address, never the Wagtail Site's hostname (often "localhost").
    parts = page.get_url_parts()
    return public_url(parts[2]) if parts else ""


def letter_branding(*, language: str = "") -> LetterBranding:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return LetterBranding()
    branding = BrandingSettings.for_site(site)
    logo_url = ""
    if branding.logo_id:
        # A /media/ address: the PDF renderer reads it from storage, never over the network,
        # whether that storage is local disk or object storage (whose own URL is elsewhere).
        logo_url = settings.MEDIA_URL + branding.logo.get_rendition("height-80").file.name
    return LetterBranding(
        landlord_name=branding.landlord_name,
        address_lines=tuple(branding.address_lines("complaints_postal_address"))
        or tuple(branding.address_lines()),
        logo_url=logo_url,
        brand_colour=branding.brand_colour,
        phone=branding.complaints_phone,
        email=branding.complaints_email,
        policy_url=_policy_url(language),
    )
