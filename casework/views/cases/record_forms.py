"""The forms for everything else on the record: notes, correspondence, remedies, outstanding
actions, updates, related issues and the Ombudsman. As in `forms`, the services hold the rules
and each form's field names are its service's keyword arguments."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

from casework import uploads
from casework.choices import (
    ActionStatus,
    DeterminationOutcome,
    Direction,
    OmbudsmanSchemeKind,
    RemedyKind,
    RemedyStatus,
    Visibility,
)
from casework.models import EvidenceRequest, OmbudsmanOrder
from casework.views.cases.forms import (
    CaseActionForm,
    LabelledChoiceField,
    MultipleFileField,
    channel_choice,
    date,
    staff_choice,
)
from casework.views.common import text

# Rows for orders on the determination form; the Ombudsman rarely makes more.
ORDERS_ON_FORM = 5


class NoteForm(CaseActionForm):
    text = text(_("Note"), help_text=_("Staff only. The resident does not see notes."))


class CommentsRequestForm(CaseActionForm):
    findings = text(
        _("What the resident is asked to comment on"),
        help_text=_(
            "The findings that go against them, in plain words. The resident sees this on "
            "their case page."
        ),
    )
    respond_by = date(_("Reply by"))


class CorrespondenceForm(CaseActionForm):
    direction = forms.ChoiceField(
        label=_("Received or sent"),
        choices=Direction.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    channel = channel_choice(_("How"))
    correspondent = forms.CharField(
        label=_("From or to"),
        max_length=200,
        error_messages={"required": _("Say who it was from or to.")},
    )
    subject = forms.CharField(label=_("Subject (optional)"), max_length=200, required=False)
    body = text(_("What was said or written"), rows=6)
    occurred_at = forms.DateTimeField(
        label=_("When (optional)"),
        required=False,
        widget=AdminDateTimeInput,
        help_text=_("Leave empty for now."),
    )
    files = MultipleFileField(label=_("Attached files (optional)"))
    visibility = forms.ChoiceField(
        label=_("Who can see the attached files"),
        choices=Visibility.choices,
        initial=Visibility.INTERNAL,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Files the resident can see are shown on their case page online."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = _(
            "Up to %(count)d files, each smaller than %(size)s: %(types)s."
        ) % {
            "count": uploads.max_files(),
            "size": uploads.size_text(uploads.max_bytes()),
            "types": uploads.allowed_types_text(),
        }

    def clean_visibility(self):
        # Nothing chosen: the safer choice, staff only.
        return self.cleaned_data["visibility"] or Visibility.INTERNAL


MONEY = {"required": False, "max_digits": 10, "decimal_places": 2, "min_value": 0}


class RemedyForm(CaseActionForm):
    kind = forms.ChoiceField(
        label=_("How we will put things right"),
        choices=RemedyKind.choices,
        error_messages={"required": _("Choose how things will be put right (Code 7.1).")},
    )
    description = forms.CharField(
        label=_("What will happen"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what will happen.")},
    )
    due_on = date(_("By when"), help_text=_("Code 7.3: every remedy says by when."))
    amount = forms.DecimalField(label=_("Amount (£), for a financial remedy"), **MONEY)
    quantifiable_loss = forms.DecimalField(label=_("Of which for quantifiable loss (£)"), **MONEY)
    time_and_trouble = forms.DecimalField(label=_("Of which for time and trouble (£)"), **MONEY)
    distress_and_inconvenience = forms.DecimalField(
        label=_("Of which for distress and inconvenience (£)"), **MONEY
    )


class OutstandingActionForm(CaseActionForm):
    description = text(_("Action"), rows=3)
    owner = staff_choice(_("Owner"))
    due_on = date(_("Due"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.fields["owner"].queryset.filter(pk=self.user.pk).exists():
            self.fields["owner"].initial = self.user.pk


class ItemDoneForm(CaseActionForm):
    """Mark one of the case's open remedies or outstanding actions as done."""

    completed_on = date(_("Done on (optional)"), help_text=_("Leave empty for today."))


class CompleteActionForm(ItemDoneForm):
    action = LabelledChoiceField(
        label=_("Outstanding action"),
        queryset=None,
        widget=forms.RadioSelect,
        label_from=lambda action: f"{action.description} ({action.due_on:%d %B %Y})",
    )
    field_order = ["action", "completed_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = self.case.actions.filter(status=ActionStatus.OPEN)


class CompleteRemedyForm(ItemDoneForm):
    remedy = LabelledChoiceField(
        label=_("Remedy"),
        queryset=None,
        widget=forms.RadioSelect,
        label_from=lambda remedy: f"{remedy.get_kind_display()}: {remedy.description}",
    )
    field_order = ["remedy", "completed_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remedy"].queryset = self.case.remedies.filter(status=RemedyStatus.OFFERED)


class UpdateSentForm(CaseActionForm):
    summary = text(_("What the update told the resident"))


class RelatedIssueForm(CaseActionForm):
    description = text(
        _("The new issue"),
        help_text=_(
            "Code 6.8: before the stage 1 answer it joins this investigation; after it, it "
            "becomes a new complaint linked to this one."
        ),
    )


def today_date(label):
    return forms.DateField(
        label=label,
        widget=AdminDateInput,
        initial=timezone.localdate,
        error_messages={"required": _("Enter the date.")},
    )


def choose_the_only_one(field) -> None:
    """Most cases go to the Ombudsman once: when there is one choice, it is already made."""
    only = list(field.queryset[:2])
    if len(only) == 1:
        field.initial = only[0].pk


def referral_label(referral) -> str:
    return _("%(scheme)s, referred on %(date)s") % {
        "scheme": referral.get_scheme_display(),
        "date": f"{referral.referred_on:%d %B %Y}",
    }


class OmbudsmanReferralForm(CaseActionForm):
    scheme = forms.ChoiceField(
        label=_("Ombudsman"),
        choices=OmbudsmanSchemeKind.choices,
        initial=OmbudsmanSchemeKind.HOUSING,
    )
    referred_on = today_date(_("Referred on"))
    ombudsman_reference = forms.CharField(
        label=_("Ombudsman's reference (optional)"), max_length=40, required=False
    )


class EvidenceRequestForm(CaseActionForm):
    referral = LabelledChoiceField(label=_("Referral"), queryset=None, label_from=referral_label)
    requested_on = today_date(_("Requested on"))
    what = text(_("What was asked for (optional)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referral"].queryset = self.case.ombudsman_referrals.all()
        choose_the_only_one(self.fields["referral"])


class EvidenceSentForm(CaseActionForm):
    request = LabelledChoiceField(
        label=_("Evidence request"),
        queryset=None,
        label_from=lambda request: (
            _("Requested on %(requested)s, due %(due)s")
            % {"requested": f"{request.requested_on:%d %B %Y}", "due": f"{request.due_on:%d %B %Y}"}
        ),
    )
    sent_on = today_date(_("Sent on"))
    late_explanation = text(
        _("Explanation given to the Ombudsman for lateness (only if late)"), rows=3
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["request"].queryset = EvidenceRequest.objects.filter(
            referral__case=self.case, sent_on__isnull=True
        )
        choose_the_only_one(self.fields["request"])


class DeterminationForm(CaseActionForm):
    referral = LabelledChoiceField(label=_("Referral"), queryset=None, label_from=referral_label)
    determined_on = today_date(_("Determined on"))
    outcome = forms.ChoiceField(
        label=_("Finding"),
        choices=[("", "---------"), *DeterminationOutcome.choices],
        required=False,
    )
    summary = text(_("Summary"))
    complaint_handling_failure = forms.BooleanField(
        label=_("The Ombudsman found we did not follow the Complaint Handling Code"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referral"].queryset = self.case.ombudsman_referrals.filter(
            determination__isnull=True
        )
        choose_the_only_one(self.fields["referral"])
        # A row for each order the Ombudsman made: what to do, and the date to do it by.
        for n in range(1, ORDERS_ON_FORM + 1):
            self.fields[f"order_{n}"] = text(
                _("Order %(n)d: what the Ombudsman ordered (optional)") % {"n": n},
                help_text=_("Leave empty if there are no more orders.") if n > 1 else "",
                rows=2,
            )
            self.fields[f"order_{n}_due_on"] = date(_("Order %(n)d: comply by") % {"n": n})

    def clean(self):
        cleaned = super().clean()
        orders = []
        for n in range(1, ORDERS_ON_FORM + 1):
            what = (cleaned.pop(f"order_{n}", "") or "").strip()
            due_on = cleaned.pop(f"order_{n}_due_on", None)
            if what and not due_on:
                self.add_error(
                    f"order_{n}_due_on",
                    _("Give the date by which we must comply with order %(n)d.") % {"n": n},
                )
            elif due_on and not what:
                self.add_error(f"order_{n}", _("Say what order %(n)d asks us to do.") % {"n": n})
            elif what:
                orders.append((what, due_on))
        cleaned["orders"] = orders
        return cleaned


def order_label(order) -> str:
    return _("%(what)s (comply by %(date)s)") % {
        "what": order.description,
        "date": f"{order.due_on:%d %B %Y}",
    }


class OrderCompliedForm(CaseActionForm):
    order = LabelledChoiceField(
        label=_("Ombudsman order"),
        queryset=None,
        widget=forms.RadioSelect,
        label_from=order_label,
        error_messages={"required": _("Choose the order we have complied with.")},
    )
    complied_on = today_date(_("Complied on"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].queryset = open_orders(self.case)


def open_orders(case):
    """The Ombudsman's orders on the case not yet complied with."""
    return OmbudsmanOrder.objects.filter(
        determination__referral__case=case, complied_on__isnull=True
    )
