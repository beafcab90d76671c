"""What the person wants to do, and what happened."""

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.choices import CaseKind
from portal.raise_case.forms.base import TEXT_LIMIT, StepForm, required, textarea

EARLIEST_YEAR = 1900


KIND_CHOICES = [
    (CaseKind.SERVICE_REQUEST.value, _("Ask us to put something right")),
    (CaseKind.COMPLAINT.value, _("Make a complaint")),
    (CaseKind.COMPLIMENT.value, _("Give a compliment")),
    (CaseKind.COMMENT.value, _("Make a comment or suggestion")),
]


class KindForm(StepForm):
    kind = forms.ChoiceField(
        label=_("What would you like to do?"),
        help_text=_(
            "You do not need to use the word 'complaint'. If you are not sure, choose the one "
            "that fits best and we will check with you."
        ),
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        error_messages=required(_("Select what you would like to do")),
    )
    option_hints = {
        "kind": {
            CaseKind.SERVICE_REQUEST.value: _(
                "For example, report a repair or something that has not been done. We call "
                "this a service request. If you are unhappy with how we deal with it, you can "
                "make a complaint later."
            ),
            CaseKind.COMPLAINT.value: _(
                "You are unhappy with our service, with something we did or did not do, or "
                "with how we treated you."
            ),
            CaseKind.COMPLIMENT.value: _("Tell us about something or someone that helped you."),
            CaseKind.COMMENT.value: _("Tell us how we could do things better."),
        }
    }


YES, NO, NOT_SURE = "yes", "no", "not_sure"

DESCRIPTION_LABELS = {
    CaseKind.COMPLAINT: (
        _("What happened?"),
        _(
            "Tell us in your own words what went wrong and how it has affected you. You do not "
            "need to use the word 'complaint'."
        ),
    ),
    CaseKind.SERVICE_REQUEST: (
        _("What needs putting right?"),
        _("For example, what needs repairing, where it is and how long it has been a problem."),
    ),
    CaseKind.COMPLIMENT: (
        _("What would you like to tell us?"),
        _("Tell us what went well and, if you know, who helped."),
    ),
    CaseKind.COMMENT: (_("What is your comment or suggestion?"), ""),
}


class WhatHappenedForm(StepForm):
    """What happened and when, and what would put it right. Files are handled by uploads.py."""

    description = forms.CharField(
        widget=textarea(8),
        max_length=TEXT_LIMIT,
        error_messages={"required": _("Tell us what happened")},
    )
    issue_month = forms.IntegerField(
        label=_("Month"),
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("The month must be a number from 1 to 12")},
    )
    issue_year = forms.IntegerField(
        label=_("Year"),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": _("Enter the year it happened"),
            "invalid": _("The year must be 4 numbers, for example 2025"),
        },
    )
    involves_contractor = forms.ChoiceField(
        label=_("Was a contractor involved?"),
        help_text=_("A contractor is a company that works for us, for example on repairs."),
        choices=[(YES, _("Yes")), (NO, _("No")), (NOT_SURE, _("I do not know"))],
        widget=forms.RadioSelect,
        required=False,
    )
    # Asked after the radios rather than revealed under "Yes": GOV.UK's reveal puts
    # aria-expanded on the radio, which ARIA does not allow (govuk-frontend issue 979).
    contractor_name = forms.CharField(
        label=_("If a contractor was involved, what is their name?"),
        max_length=200,
        required=False,
    )
    outcome_wanted = forms.CharField(
        label=_("What would you like us to do to put things right?"),
        help_text=_("If you are not sure, leave this empty and we will ask you."),
        widget=textarea(),
        max_length=TEXT_LIMIT,
        required=False,
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        label, hint = DESCRIPTION_LABELS.get(kind, DESCRIPTION_LABELS[CaseKind.COMPLAINT])
        self.fields["description"].label = label
        self.fields["description"].help_text = hint
        if kind in (CaseKind.COMPLIMENT, CaseKind.COMMENT):
            # Nothing to put right, and the date matters less.
            del self.fields["outcome_wanted"]
            self.fields["issue_year"].required = False
        if kind == CaseKind.SERVICE_REQUEST:
            self.fields["outcome_wanted"].label = _("What would you like us to do?")

    def clean_issue_month(self):
        month = self.cleaned_data.get("issue_month")
        if month is not None and not 1 <= month <= 12:
            raise forms.ValidationError(_("The month must be a number from 1 to 12"))
        return month

    def clean_issue_year(self):
        year = self.cleaned_data.get("issue_year")
        if year is not None and not EARLIEST_YEAR <= year <= timezone.localdate().year:
            if year > timezone.localdate().year:
                raise forms.ValidationError(_("The year must be this year or earlier"))
            raise forms.ValidationError(_("The year must be 4 numbers, for example 2025"))
        return year

    def clean(self):
        data = super().clean()
        month, year = data.get("issue_month"), data.get("issue_year")
        if month and year is None and "issue_year" not in self.errors:
            self.add_error("issue_year", _("Enter the year as well as the month"))
        elif month and year and dt.date(year, month, 1) > timezone.localdate():
            self.add_error("issue_month", _("The date must be this month or earlier"))
        data["description"] = self.clean_text("description")
        data["contractor_name"] = self.clean_text("contractor_name")
        if data.get("involves_contractor") == NO:
            data["contractor_name"] = ""
        return data
