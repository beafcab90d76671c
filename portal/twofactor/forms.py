"""One-question forms for the second factor. Checking the code is the service's job; these
forms tidy what was typed and turn a refusal into an error shown next to the field."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.twofactor import services

# People copy codes with spaces or dashes in them ("123 456", "abcd-efgh").
SEPARATORS = re.compile(r"[\s-]+")


def throttled_message(wait_seconds: int) -> str:
    return ngettext(
        "Too many wrong codes. Wait %(seconds)d second and try again.",
        "Too many wrong codes. Wait %(seconds)d seconds and try again.",
        wait_seconds,
    ) % {"seconds": wait_seconds}


class CodeForm(forms.Form):
    """Checks one code against one django-otp device."""

    wrong_code_message = ""
    code_attrs: dict[str, str] = {}

    def __init__(self, *args, user, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device
        self.verified_device = None
        self.fields["code"].widget.attrs.update(
            {
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                **self.code_attrs,
            }
        )

    def normalise(self, code: str) -> str:
        return SEPARATORS.sub("", code)

    def check_format(self, code: str) -> None:
        """Refuse a code that cannot be right before it counts as a wrong attempt."""

    def clean_code(self) -> str:
        code = self.normalise(self.cleaned_data["code"])
        self.check_format(code)
        try:
            self.verified_device = services.device_verify_code(
                user=self.user, device=self.device, code=code
            )
        except services.CodeThrottled as refusal:
            raise ValidationError(
                throttled_message(refusal.wait_seconds), code="throttled"
            ) from None
        except services.CodeWrong:
            raise ValidationError(self.wrong_code_message, code="wrong") from None
        return code

    def full_clean(self):
        super().full_clean()
        if self.errors.get("code"):
            # Read the error out with the field, then the hint (Wagtail gives the hint the id
            # "<field id>-helptext").
            bound = self["code"]
            described_by = [self.error_id]
            if bound.help_text:
                described_by.append(f"{bound.id_for_label}-helptext")
            self.fields["code"].widget.attrs["aria-describedby"] = " ".join(described_by)

    @property
    def error_id(self) -> str:
        return f"{self['code'].id_for_label}-error"


class AuthenticatorCodeForm(CodeForm):
    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Enter the 6-digit code your app shows now. It changes every 30 seconds."),
        max_length=12,
        error_messages={"required": _("Enter the 6-digit code from your authenticator app.")},
    )
    wrong_code_message = _("The code is not right. Check your authenticator app and try again.")
    code_attrs = {"inputmode": "numeric"}

    def check_format(self, code: str) -> None:
        digits = self.device.digits
        if not (code.isascii() and code.isdigit() and len(code) == digits):
            raise ValidationError(
                _("Enter the code as %(digits)d numbers, like 123456.") % {"digits": digits},
                code="format",
            )


class BackupCodeForm(CodeForm):
    code = forms.CharField(
        label=_("Backup code"),
        help_text=_("Enter one of the backup codes you saved. Each code works only once."),
        max_length=24,
        error_messages={"required": _("Enter one of your backup codes.")},
    )
    wrong_code_message = _(
        "The backup code is not right, or it has been used already. Check it and try again."
    )

    def normalise(self, code: str) -> str:
        # Backup codes are stored in lower case.
        return super().normalise(code).lower()
