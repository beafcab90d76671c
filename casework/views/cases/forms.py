"""One short form per transition of a case, and the fields they share with the other forms
(`record_forms`).

The forms only collect values. The rules live in the services: a field the service checks is
optional here, so a member of staff sees the service's own message, which cites the Code. A
form's field names are the keyword arguments of the service it feeds.
"""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from casework.choices import (
    CaseStatus,
    Channel,
    Decision,
)
from casework.models import ExclusionReason
from casework.process import process_settings
from casework.selectors import stage1_participant_ids
from casework.views.cases.access import case_workers
from casework.views.common import text, user_label


def date(label, *, required=False, help_text=""):
    return forms.DateField(
        label=label, required=required, help_text=help_text, widget=AdminDateInput
    )


def channel_choice(label):
    return forms.ChoiceField(
        label=label, required=False, choices=[("", "---------"), *Channel.choices]
    )


# What the file picker offers first; casework.uploads checks what each file really is.
ACCEPTED_FILES = ".jpg,.jpeg,.png,.heic,.pdf"


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files from one input; cleaned to a list. The checks on each file (what it
    contains, its size, how many) are the service's, so an empty file reaches it too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ACCEPTED_FILES}))
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return user_label(obj)


class LabelledChoiceField(forms.ModelChoiceField):
    """Choices labelled by a function of the object rather than its str()."""

    def __init__(self, *args, label_from=str, **kwargs):
        self.label_from = label_from
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        return self.label_from(obj)


def staff_choice(label, help_text=""):
    return UserChoiceField(
        label=label, queryset=case_workers(), required=False, help_text=help_text
    )


def conflict_field():
    return text(
        _("Handler's conflict-of-interest declaration"),
        help_text=_("Write “None” if they have none."),
        rows=2,
    )


class CaseActionForm(forms.Form):
    """A form about `case`, filled in by `user`. `notice` is a warning shown above it."""

    notice = ""

    def __init__(self, *args, case, user, **kwargs):
        self.case = case
        self.user = user
        super().__init__(*args, **kwargs)


def late_notice(stage) -> str:
    """Code 6.3, 6.14: once the response date has passed (judged today, when the form is
    used) the stage is late, whatever is done next."""
    if stage is None or stage.response_due_on is None:
        return ""
    if timezone.localdate() <= stage.response_due_on:
        return ""
    return _(
        "The response date, %(due)s, has passed: this stage is late. It can no longer be "
        "extended. Send the answer as soon as you can and record why it is late."
    ) % {"due": date_format(stage.response_due_on, "j F Y")}


class AcknowledgeForm(CaseActionForm):
    definition = text(
        _("Complaint definition"),
        help_text=_(
            "What we understand the complaint to be (Code 5.6). If it is unclear, ask the "
            "resident first."
        ),
    )
    outcomes_sought = text(_("Outcomes the resident is looking for"))
    responsibility = text(
        _("What we are and are not responsible for (optional)"),
        help_text=_("Code 5.7: say which parts are for us and which are not."),
    )
    handler = staff_choice(_("Handler"))
    conflict_of_interest = conflict_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        independent_handlers(self)


class AssignForm(CaseActionForm):
    handler = staff_choice(_("Handler"))
    conflict_of_interest = conflict_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        independent_handlers(self)


def independent_handlers(form) -> None:
    """Code 6.13: at stage 2 the handler choices leave out everyone who acted on stage 1."""
    if form.case.status in (CaseStatus.STAGE2_REQUESTED, CaseStatus.STAGE2):
        field = form.fields["handler"]
        field.queryset = field.queryset.exclude(pk__in=stage1_participant_ids(form.case))
        field.help_text = _(
            "Not listed: those who acted on stage 1, who cannot handle stage 2 (Code 6.13)."
        )


class RefuseForm(CaseActionForm):
    applies_to = ExclusionReason.AppliesTo.ACCEPTING

    exclusion_reason = LabelledChoiceField(
        label=_("Reason in the complaints policy"),
        queryset=ExclusionReason.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        label_from=lambda reason: reason.title,
    )
    explanation = text(
        _("Why the reason applies to this case"),
        help_text=_(
            "Each decision is made on the facts of this case (Code 2.5). The resident is told "
            "why in writing, and that they can ask the Ombudsman to review it (Code 2.4)."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exclusion_reason"].queryset = process_settings().exclusion_reasons.filter(
            applies_to__in=[self.applies_to, ExclusionReason.AppliesTo.BOTH]
        )


class RefuseEscalationForm(RefuseForm):
    applies_to = ExclusionReason.AppliesTo.ESCALATING


class ExtendForm(CaseActionForm):
    working_days = forms.IntegerField(label=_("Extra working days"), required=False)
    reason = text(_("Reason, as explained to the resident"))
    good_reason = text(
        _("Good reason for going beyond the limit (optional)"),
        help_text=_("Only for an extension longer than the limit. It is reported as such."),
    )
    resident_told_on = date(_("Date the resident was told"))
    ombudsman_details_given = forms.BooleanField(
        label=_("The notice to the resident includes the Ombudsman's contact details"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        timescales = process_settings().timescales()
        stage = self.case.current_stage
        limit = (
            timescales.stage2_extension
            if stage and stage.number == 2
            else timescales.stage1_extension
        )
        already = sum(e.working_days for e in stage.extensions.all()) if stage else 0
        self.fields["working_days"].help_text = _(
            "Up to %(limit)d working days for the stage in total (Code 6.4, 6.15); it has been "
            "extended by %(already)d so far. Going beyond needs a good reason."
        ) % {"limit": limit, "already": already}
        self.notice = late_notice(stage)


class AgreeUpdatesForm(CaseActionForm):
    interval_days = forms.IntegerField(
        label=_("How often the resident will be updated, in working days"),
        required=False,
        help_text=_("Code 5.9: agree this when the answer will take longer than planned."),
    )


class RespondForm(CaseActionForm):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, required=False, widget=forms.RadioSelect
    )
    reasons = text(
        _("Reasons"),
        help_text=_("Answer each point of the complaint definition, in plain words."),
        rows=6,
    )
    no_remedy_reason = text(
        _("Why no remedy is due (optional)"),
        help_text=_("Only when nothing needs putting right."),
    )
    actions_confirmed = forms.BooleanField(
        label=_("I have recorded the outstanding actions (or there are none)"), required=False
    )
    late_reason = text(
        _("Why the answer is late"),
        help_text=_("Reported in the performance figures and the self-assessment."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.notice = late_notice(self.case.current_stage)
        if not self.notice:
            del self.fields["late_reason"]


class EscalateForm(CaseActionForm):
    detail = text(
        _("What is still unresolved (optional)"),
        help_text=_("Nobody has to give a reason to escalate (Code 6.12)."),
    )
    channel = channel_choice(_("How they asked (optional)"))


class WithdrawForm(CaseActionForm):
    reason = text(_("Reason (optional)"), rows=2)


class CloseForm(CaseActionForm):
    """No questions: closing is refused while remedies or outstanding actions are open."""


class RaiseComplaintForm(CaseActionForm):
    description = text(
        _("What the person is unhappy about, in their words"),
        help_text=_("Code 1.5: the service request carries on alongside the complaint."),
    )
    channel = channel_choice(_("How they told us (optional)"))
