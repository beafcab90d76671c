"""What every question page's form shares.

GOV.UK forms: no browser validation (`use_required_attribute = False`, `novalidate` on the
<form>), error messages that say how to put the answer right, hints as `help_text`. Each form
only checks what was typed; the rules about the case (consent, what makes a complaint loggable)
are the casework services'.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

TEXT_LIMIT = 10_000


class TelInput(forms.TextInput):
    input_type = "tel"


def textarea(rows: int = 5) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class StepForm(forms.Form):
    """Shared by every question page.

    `option_hints` adds a hint under a radio or checkbox option, and `conditionals` names the
    fields revealed under an option (GOV.UK conditional reveal; without JavaScript they simply
    show), both keyed by field name and then option value.
    """

    use_required_attribute = False
    too_long = _("Your answer must be %(limit_value)d characters or fewer")
    option_hints: dict[str, dict[str, str]] = {}
    conditionals: dict[str, dict[str, tuple[str, ...]]] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            # No maxlength in the page: a browser would cut text off without saying so. Too
            # long an answer gets an error message instead.
            field.widget.attrs.pop("maxlength", None)
            field.error_messages.setdefault("max_length", self.too_long)

    def clean_text(self, name: str) -> str:
        return (self.cleaned_data.get(name) or "").strip()


def required(message):
    return {"required": message}
