from django import forms
from django.utils.translation import gettext_lazy as _

from portal.raise_case.forms.base import TEXT_LIMIT, required, textarea


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
