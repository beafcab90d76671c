"""What the case screens and the intake screens share: the 403 page, how a member of staff is
named, a form's errors as one list, and the free-text field most of their forms use."""

from django import forms
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name


def forbidden(request, message: str) -> TemplateResponse:
    """A real 403 page. (Wagtail turns PermissionDenied into a redirect to the dashboard, which
    hides from the user, and from tests, that they were refused.)"""
    return TemplateResponse(
        request,
        "casework/forbidden.html",
        {"header_title": _("You cannot do this"), "message": message},
        status=403,
    )


def user_label(user) -> str:
    return get_user_display_name(user) if user else ""


def form_problems(form) -> list[str]:
    """The form's errors as one list for the summary at the top of the page; each error is
    also shown next to its field."""
    return [
        f"{form[name].label}: {error}" if name in form.fields else str(error)
        for name, errors in form.errors.items()
        for error in errors
    ]


def text(label, *, required=False, help_text="", rows=4) -> forms.CharField:
    """Free text. Optional by default: what must be written is the service's rule, and its
    message, which cites the Code, is what staff should see."""
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )
