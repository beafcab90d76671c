"""The "ask for another format" form: one short page (GOV.UK question page markup)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.raise_case.forms.base import TEXT_LIMIT, StepForm, TelInput, required, textarea

LARGE_PRINT = "large_print"
EASY_READ = "easy_read"
BRAILLE = "braille"
AUDIO = "audio"
ANOTHER_LANGUAGE = "another_language"
SOMETHING_ELSE = "other"

FORMAT_CHOICES = [
    (LARGE_PRINT, _("Large print")),
    (EASY_READ, _("Easy read")),
    (BRAILLE, _("Braille")),
    (AUDIO, _("Audio")),
    (ANOTHER_LANGUAGE, _("Another language")),
    (SOMETHING_ELSE, _("Something else")),
]


class FormatRequestForm(StepForm):
    formats = forms.MultipleChoiceField(
        label=_("Which formats do you need?"),
        help_text=_("Select all that apply."),
        choices=FORMAT_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages=required(_("Select the format you need")),
    )
    # Asked only under their option (required then, see __init__).
    language = forms.CharField(
        label=_("Which language?"),
        max_length=100,
        error_messages=required(_("Enter the language you need")),
    )
    other_format = forms.CharField(
        label=_("What format do you need?"),
        max_length=500,
        error_messages=required(_("Tell us what format you need")),
    )
    information = forms.CharField(
        label=_("What information do you need in this format?"),
        help_text=_("For example, our complaints policy, or a letter we sent you."),
        max_length=TEXT_LIMIT,
        widget=textarea(3),
        error_messages=required(_("Tell us what information you need")),
    )
    full_name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        error_messages=required(_("Enter your full name")),
    )
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
    )
    phone = forms.CharField(label=_("Phone number"), max_length=40, required=False, widget=TelInput)
    postal_address = forms.CharField(
        label=_("Postal address"),
        help_text=_("We post braille and large print."),
        max_length=1000,
        required=False,
        widget=textarea(4),
    )

    conditionals = {"formats": {ANOTHER_LANGUAGE: ("language",), SOMETHING_ELSE: ("other_format",)}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            chosen = self.data.getlist("formats") if hasattr(self.data, "getlist") else []
            for option, names in self.conditionals["formats"].items():
                for name in names:
                    self.fields[name].required = option in chosen

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("formats") or []
        for option, names in self.conditionals["formats"].items():
            if option not in chosen:
                for name in names:
                    cleaned[name] = ""  # typed under an option later unticked
        has_contact = any(self.clean_text(name) for name in ("email", "phone", "postal_address"))
        if not has_contact and "email" not in self.errors:
            self.add_error(
                "email",
                _("Enter an email address, phone number or postal address so we can reach you"),
            )
        return cleaned
