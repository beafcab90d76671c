from django import forms
from django.utils.translation import gettext_lazy as _

from casework.choices import AdjustmentKind
from portal.raise_case.forms.base import TEXT_LIMIT, required, textarea
from portal.raise_case.forms.people import PreferencesForm


class GovForm(forms.Form):
    use_required_attribute = False


class RequestLinkForm(GovForm):
    email = forms.EmailField(
        label=_("Email address"),
        help_text=_("The address you gave us when you contacted us."),
        max_length=254,
        error_messages={
            **required(_("Enter your email address")),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )


class EscalateForm(GovForm):
    detail = forms.CharField(
        label=_("What is still not resolved?"),
        help_text=_("You do not have to give a reason."),
        required=False,
        max_length=TEXT_LIMIT,
        widget=textarea(5),
    )


class WithdrawForm(GovForm):
    reason = forms.CharField(
        label=_("Why are you withdrawing it?"),
        required=False,
        max_length=TEXT_LIMIT,
        widget=textarea(3),
    )


class AddInformationForm(GovForm):
    text = forms.CharField(
        label=_("What would you like to tell us?"),
        max_length=TEXT_LIMIT,
        widget=textarea(6),
        error_messages=required(_("Enter what you would like to tell us")),
    )


class MakeComplaintForm(GovForm):
    description = forms.CharField(
        label=_("What are you unhappy about?"),
        help_text=_("For example, how long it is taking, or how the work was done."),
        max_length=TEXT_LIMIT,
        widget=textarea(6),
        error_messages=required(_("Enter what you are unhappy about")),
    )


class KeepInTouchForm(PreferencesForm):
    """How we contact them, and one more adjustment they would like (issue 4: update contact
    preferences and adjustments)."""

    adjustment = forms.ChoiceField(
        label=_("Would you like any other support?"),
        required=False,
        choices=[("", _("No, nothing else")), *AdjustmentKind.choices],
    )
    adjustment_detail = forms.CharField(
        label=_("Tell us more about the support you need"),
        help_text=_("For example, which language you need an interpreter for."),
        required=False,
        max_length=500,
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("adjustment") in ("interpreter", "other")
            and not cleaned.get("adjustment_detail", "").strip()
        ):
            self.add_error("adjustment_detail", _("Tell us more about the support you need"))
        return cleaned


class CommentForm(GovForm):
    text = forms.CharField(
        label=_("Your comments"),
        max_length=TEXT_LIMIT,
        widget=textarea(8),
        error_messages=required(_("Enter your comments")),
    )
