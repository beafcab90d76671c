"""A letter as HTML (for the preview and the PDF), as plain text (for the email and for people
who need it), and as a tagged PDF (PDF/UA-1, casework/pdf.py) with the landlord's letterhead,
the reference and page numbers in the footer of every page."""

import datetime as dt
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from casework.letters.branding import LetterBranding
from casework.letters.drafting import long_date
from casework.letters.placeholders import render_html, render_line, render_text
from casework.letters.rules import ELEMENTS
from casework.models import Case, LetterTemplate
from casework.pdf import html_to_pdf

KINDS = {key: element.kind for key, element in ELEMENTS.items()}
LETTER_TEMPLATE = "casework/letters/letter.html"


@dataclass(frozen=True)
class RenderedLetter:
    language: str
    subject: str
    body_html: SafeString
    body_text: str
    context: dict = field(repr=False)

    @property
    def text(self) -> str:
        """The whole letter as plain text: letterhead, body and sign-off."""
        context = self.context
        with translation.override(self.language):
            head = [
                context["branding"].landlord_name,
                _("Our reference: %(reference)s") % {"reference": context["reference"]},
                context["letter_date"],
            ]
            sign_off = [_("Yours sincerely"), *context["signature"]]
        return "\n\n".join(
            [
                "\n".join(line for line in head if line),
                self.subject,
                self.body_text,
                "\n".join(sign_off),
            ]
        )


def recipient_lines(person) -> list[str]:
    lines = [person.full_name, *[ln.strip() for ln in person.postal_address.splitlines()]]
    lines = [line for line in lines if line]
    if person.postcode and not any(person.postcode.upper() in line.upper() for line in lines):
        lines.append(person.postcode)
    return lines


def signature(actor, *, name_staff: bool, branding: LetterBranding, language: str) -> list[str]:
    """Who signs the letter. Letters name no member of staff unless the landlord has chosen
    to (Complaint process settings)."""
    with translation.override(language):
        team = _("The Complaints Team")
        if name_staff and actor is not None:
            name = actor.get_full_name() or actor.get_username()
            return [name, f"{team}, {branding.landlord_name}".strip(", ")]
        return [team, branding.landlord_name] if branding.landlord_name else [team]


def letter_values(
    case: Case, elements: dict, *, branding: LetterBranding, language: str, today: dt.date
) -> dict[str, str]:
    """What the placeholders are filled with: the case's furniture and the drafted elements."""
    with translation.override(language):
        furniture = {
            "reference": case.reference,
            "resident_name": case.resident.full_name,
            "landlord_name": branding.landlord_name,
            "letter_date": long_date(today),
            "phone": branding.phone,
            "email": branding.email,
        }
    cleaned = {key: str(value or "").strip() for key, value in elements.items() if key in ELEMENTS}
    return {**furniture, **cleaned}


def letter_render(
    *,
    case: Case,
    template: LetterTemplate,
    elements: dict,
    branding: LetterBranding,
    signed_by: list[str],
    today: dt.date | None = None,
) -> RenderedLetter:
    today = today or timezone.localdate()
    language = template.language
    values = letter_values(case, elements, branding=branding, language=language, today=today)
    subject = render_line(template.subject, values)
    with translation.override(language):
        context = {
            "branding": branding,
            "brand_colour": branding.safe_colour,
            "reference": case.reference,
            "letter_date": values["letter_date"],
            "recipient": recipient_lines(case.resident),
            "signature": signed_by,
            "subject": subject,
            "language_code": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
        }
    body_html = render_html(template.body, values, KINDS)
    context["body_html"] = body_html
    return RenderedLetter(
        language=language,
        subject=subject,
        body_html=body_html,
        body_text=render_text(template.body, values, KINDS),
        context=context,
    )


def letter_html(letter: RenderedLetter, *, large_print: bool = False, csp_nonce: str = "") -> str:
    """The complete HTML document, as the PDF and the preview show it. The preview, framed in
    an admin page, passes that page's Content-Security-Policy nonce for its inline style."""
    with translation.override(letter.language):
        return render_to_string(
            LETTER_TEMPLATE,
            {**letter.context, "large_print": large_print, "csp_nonce": csp_nonce},
        )


def letter_pdf(letter: RenderedLetter, *, large_print: bool = False) -> bytes:
    return html_to_pdf(letter_html(letter, large_print=large_print))
