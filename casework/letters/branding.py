"""What a letter shows of the landlord: name, address, logo, colour, contact details and the
link to the complaints policy.

Branding belongs to `cms_pages`, which casework must not import (DESIGN.md, Architecture). The
project names a callable in the setting `REDRESS_LETTER_BRANDING` (a dotted path) that returns
a `LetterBranding`; without one, letters carry the site name only.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
DEFAULT_COLOUR = "#1d4f91"


@dataclass(frozen=True)
class LetterBranding:
    landlord_name: str = ""
    address_lines: tuple[str, ...] = ()
    logo_url: str = ""  # a /media/ or /static/ address: PDFs load nothing from elsewhere
    brand_colour: str = DEFAULT_COLOUR
    phone: str = ""
    email: str = ""
    policy_url: str = ""

    @property
    def safe_colour(self) -> str:
        """The colour, only if it is a plain #rrggbb: it goes into the letter's CSS."""
        return self.brand_colour if HEX_COLOUR.match(self.brand_colour or "") else DEFAULT_COLOUR


def letter_branding(*, language: str = "") -> LetterBranding:
    path = getattr(settings, "REDRESS_LETTER_BRANDING", "")
    if not path:
        return LetterBranding(landlord_name=getattr(settings, "WAGTAIL_SITE_NAME", ""))
    return import_string(path)(language=language)
