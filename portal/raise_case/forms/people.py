"""Who is asking, for whom, the support they need and how to reach them."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from casework.choices import AdjustmentKind, ContactMethod, RepresentativeType, UpdateFrequency
from portal.raise_case.forms.base import TEXT_LIMIT, StepForm, TelInput, required, textarea
from portal.raise_case.journey import MYSELF, SOMEONE_ELSE


class WhoForm(StepForm):
    for_whom = forms.ChoiceField(
        label=_("Who are you contacting us for?"),
        choices=[(MYSELF, _("For myself")), (SOMEONE_ELSE, _("For someone else"))],
        widget=forms.RadioSelect,
        error_messages=required(_("Select whether this is for you or for someone else")),
    )
    option_hints = {
        "for_whom": {
            SOMEONE_ELSE: _(
                "For example, as their family member, carer, advocate, solicitor, councillor or MP."
            )
        }
    }


class RepresentativeForm(StepForm):
    representative_type = forms.ChoiceField(
        label=_("How are you connected to the resident?"),
        choices=RepresentativeType.choices,
        widget=forms.RadioSelect,
        error_messages=required(_("Select how you are connected to the resident")),
    )
    representative_name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        error_messages=required(_("Enter your full name")),
    )
    organisation = forms.CharField(
        label=_("Your organisation"),
        max_length=200,
        required=False,
        help_text=_("For example, your council, office, firm or charity."),
    )


class ResidentForm(StepForm):
    resident_name = forms.CharField(
        label=_("The resident's full name"),
        max_length=200,
        error_messages=required(_("Enter the resident's full name")),
    )
    consent_declared = forms.BooleanField(
        label=_("The resident agrees to me acting for them"),
        error_messages=required(_("Confirm that the resident agrees to you acting for them")),
    )

    def __init__(self, *args, consent_deemed: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if consent_deemed:
            # Their request to a councillor or MP is their consent: nothing to declare.
            del self.fields["consent_declared"]


class SupportForm(StepForm):
    adjustments = forms.MultipleChoiceField(
        label=_("Would any of these help?"),
        help_text=_("Select all that apply."),
        choices=AdjustmentKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    interpreter_language = forms.CharField(
        label=_("Which language?"), max_length=100, required=False
    )
    adjustment_detail = forms.CharField(
        label=_("What would help?"), widget=textarea(3), max_length=1000, required=False
    )
    disability = forms.CharField(
        label=_("Disability or health condition"),
        help_text=_("Tell us about anything that affects how we should deal with you."),
        widget=textarea(4),
        max_length=TEXT_LIMIT,
        required=False,
    )
    vulnerability = forms.CharField(
        label=_("Anything else making things harder at the moment"),
        help_text=_("For example, a bereavement, money worries or not feeling safe at home."),
        widget=textarea(4),
        max_length=TEXT_LIMIT,
        required=False,
    )
    conditionals = {
        "adjustments": {
            AdjustmentKind.INTERPRETER.value: ("interpreter_language",),
            AdjustmentKind.OTHER.value: ("adjustment_detail",),
        }
    }

    def clean(self):
        data = super().clean()
        chosen = set(data.get("adjustments") or [])
        for name in ("interpreter_language", "adjustment_detail", "disability", "vulnerability"):
            data[name] = self.clean_text(name)
        if AdjustmentKind.INTERPRETER in chosen and not data["interpreter_language"]:
            self.add_error(
                "interpreter_language", _("Enter the language you need an interpreter for")
            )
        if AdjustmentKind.OTHER in chosen and not data["adjustment_detail"]:
            self.add_error("adjustment_detail", _("Tell us what else would help"))
        if {AdjustmentKind.PHONE_ONLY, AdjustmentKind.EMAIL_ONLY} <= chosen:
            self.add_error(
                "adjustments",
                _("Select contact by phone only or by email only, not both"),
            )
        return data


# UK phone numbers: 10 or 11 digits, or an international number.
PHONE_CHARACTERS = re.compile(r"^[0-9 ()+\-]+$")
POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
PHONE_ERROR = _("Enter a phone number, like 01632 960 001 or 07700 900 982")


def clean_phone(value: str) -> str:
    value = (value or "").strip()
    digits = re.sub(r"\D", "", value)
    if value and (not PHONE_CHARACTERS.match(value) or not 10 <= len(digits) <= 15):
        raise forms.ValidationError(PHONE_ERROR)
    return value


def clean_postcode(value: str) -> str:
    value = re.sub(r"\s+", " ", (value or "").strip().upper())
    if value and not POSTCODE.match(value):
        raise forms.ValidationError(_("Enter a real postcode, like AA1 1AA"))
    if value and " " not in value:
        value = f"{value[:-3]} {value[-3:]}"
    return value


class OneOfGroup:
    """A field of a group of which at least one is needed, which the form checks. It is marked
    required only so that it is not labelled "(optional)": that would suggest the whole group
    could be left out."""

    def __init__(self, *args, **kwargs):
        kwargs["required"] = True
        super().__init__(*args, **kwargs)

    def validate(self, value):
        if value not in self.empty_values:
            super().validate(value)


class OneOfGroupCharField(OneOfGroup, forms.CharField):
    pass


class OneOfGroupEmailField(OneOfGroup, forms.EmailField):
    pass


def email_field(label, field_class=forms.EmailField, **kwargs):
    kwargs.setdefault("required", False)
    return field_class(
        label=label,
        max_length=254,
        widget=forms.EmailInput(attrs={"spellcheck": "false"}),
        error_messages={
            "invalid": _("Enter an email address in the correct format, like name@example.com")
        },
        **kwargs,
    )


class ContactForm(StepForm):
    """How to reach the person sending the form, and, for a representative, what they know of
    the resident's details."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=200, error_messages=required(_("Enter your full name"))
    )
    email = email_field(
        _("Email address"),
        OneOfGroupEmailField,
        help_text=_("We will send a confirmation to this address."),
    )
    phone = OneOfGroupCharField(label=_("Phone number"), max_length=40, widget=TelInput)
    postal_address = OneOfGroupCharField(
        label=_("Postal address"), widget=textarea(4), max_length=500
    )
    postcode = forms.CharField(label=_("Postcode"), max_length=10, required=False)
    resident_email = email_field(_("The resident's email address"))
    resident_phone = forms.CharField(
        label=_("The resident's phone number"), max_length=40, required=False, widget=TelInput
    )
    resident_postal_address = forms.CharField(
        label=_("The resident's address"), widget=textarea(4), max_length=500, required=False
    )
    resident_postcode = forms.CharField(
        label=_("The resident's postcode"), max_length=10, required=False
    )
    RESIDENT_FIELDS = (
        "resident_email",
        "resident_phone",
        "resident_postal_address",
        "resident_postcode",
    )

    def __init__(self, *args, is_representative: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if is_representative:
            # Their name was asked already, on the page about them.
            del self.fields["full_name"]
        else:
            for name in self.RESIDENT_FIELDS:
                del self.fields[name]

    def resident_fields(self):
        return [self[name] for name in self.RESIDENT_FIELDS if name in self.fields]

    def own_fields(self):
        return [self[name] for name in self.fields if name not in self.RESIDENT_FIELDS]

    def clean_phone(self):
        return clean_phone(self.cleaned_data.get("phone"))

    def clean_resident_phone(self):
        return clean_phone(self.cleaned_data.get("resident_phone"))

    def clean_postcode(self):
        return clean_postcode(self.cleaned_data.get("postcode"))

    def clean_resident_postcode(self):
        return clean_postcode(self.cleaned_data.get("resident_postcode"))

    def clean(self):
        data = super().clean()
        for name in ("full_name", "postal_address", "resident_postal_address"):
            if name in self.fields:
                data[name] = self.clean_text(name)
        ways = ("email", "phone", "postal_address")
        if not any(data.get(name) for name in ways) and not any(
            name in self.errors for name in ways
        ):
            self.add_error(
                "email",
                _(
                    "Enter at least one way for us to reply: an email address, phone number or "
                    "postal address"
                ),
            )
        return data


class PreferencesForm(StepForm):
    preferred_contact_method = forms.ChoiceField(
        label=_("How would you like us to contact you?"),
        widget=forms.RadioSelect,
        error_messages=required(_("Select how you would like us to contact you")),
    )
    preferred_language = forms.ChoiceField(
        label=_("Which language would you like us to use?"),
        choices=settings.LANGUAGES,
        error_messages=required(_("Select a language")),
    )
    update_frequency = forms.ChoiceField(
        label=_("How often would you like an update?"),
        help_text=_("We will always tell you when something important happens."),
        choices=UpdateFrequency.choices,
        widget=forms.RadioSelect,
        error_messages=required(_("Select how often you would like an update")),
    )

    def __init__(self, *args, methods: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_contact_method"].choices = [
            (value, label) for value, label in ContactMethod.choices if value in methods
        ]


class ConsentForm(StepForm):
    """The resident's answer on the emailed consent link."""

    YES, NO = "yes", "no"
    agrees = forms.ChoiceField(
        label=_("Do you agree to this person acting for you?"),
        choices=[(YES, _("Yes, they can act for me")), (NO, _("No, they do not act for me"))],
        widget=forms.RadioSelect,
        error_messages=required(_("Select yes if this person can act for you")),
    )
