"""Letters to residents (issue 5, Letters; Code 2.4, 5.6, 5.9, 6.2-6.5, 6.9, 6.11-6.19).

- `rules`: the letter types, what each must contain, `letter_problems` and `template_problems`
  (pure functions over plain values).
- `placeholders`: the `{{ name }}` template language, rendered escaped.
- `readability`: the reading-ease figure shown to drafters.
- `branding`: the landlord's name, logo and contact details, through a setting.
- `drafting`: the elements prefilled from the case, and which letters a case can have now.
- `render`: the letter as HTML, plain text and tagged PDF.

The service that issues a letter is `casework.services.letters.letter_issue`. Only the pure
modules are imported here, so that models can use the rules without an import cycle.
"""

from casework.letters.rules import (
    ELEMENTS,
    FURNITURE,
    LETTER_SPECS,
    ElementKind,
    LetterType,
    allowed_placeholders,
    letter_problems,
    letter_spec,
    template_problems,
)

__all__ = [
    "ELEMENTS",
    "FURNITURE",
    "LETTER_SPECS",
    "ElementKind",
    "LetterType",
    "allowed_placeholders",
    "letter_problems",
    "letter_spec",
    "template_problems",
]
