"""What staff can do to a case from its page: each action is a form and the one service it calls.

Transitions come from `casework.workflow.TRANSITIONS` and are offered when the workflow allows
them (`allowed_transitions`). The other actions are always offered to those who may work the
case, as long as there is something for them to act on (an open action to complete, a referral
to record evidence against).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from casework import services, workflow
from casework.choices import ActionStatus, CaseKind, RemedyStatus
from casework.letters.rules import LetterType
from casework.models import Case, EvidenceRequest
from casework.services.stages import STAGE_FOR_STATUS
from casework.views.cases import forms, record_forms


def _on_case(service):
    """Call a service that takes the case and the member of staff, with the form's values."""
    return lambda case, user, values: service(case=case, actor=user, **values)


def _on_item(service):
    """Call a service about one item on the case (an action, a referral), chosen in the form."""
    return lambda case, user, values: service(actor=user, **values)


def _always(case: Case) -> bool:
    return True


@dataclass(frozen=True)
class CaseAction:
    name: str
    label: str
    form_class: type[forms.CaseActionForm]
    perform: Callable[..., object]
    success_message: str
    available: Callable[[Case], bool] = _always
    transition: bool = False
    # The letter that tells the resident (Code 2.4, 6.9, 6.19): once the step is recorded, the
    # officer goes straight to it, drafted from what was just recorded.
    letter_type: str = ""

    def is_available(self, case: Case) -> bool:
        if self.transition:
            allowed = workflow.allowed_transitions(case.kind, case.status)
            return any(t.name == self.name for t in allowed)
        return self.available(case)


def _transition(name, form_class, perform, success_message, letter_type=""):
    return CaseAction(
        name=name,
        label=_(workflow.TRANSITIONS[name].label),
        form_class=form_class,
        perform=perform,
        success_message=success_message,
        transition=True,
        letter_type=letter_type,
    )


def _raise_complaint(case, user, values):
    return services.service_request_raise_complaint(request=case, actor=user, **values)


def _close(case, user, values):
    return services.case_close(case=case, actor=user)


TRANSITION_ACTIONS = [
    _transition(
        "acknowledge",
        forms.AcknowledgeForm,
        _on_case(services.complaint_acknowledge),
        _("Stage 1 acknowledged. The response clock has started."),
    ),
    _transition(
        "refuse",
        forms.RefuseForm,
        _on_case(services.complaint_refuse),
        _("Recorded that the complaint is not accepted."),
        LetterType.REFUSAL_TO_ACCEPT,
    ),
    _transition(
        "assign",
        forms.AssignForm,
        _on_case(services.stage_assign),
        _("Handler assigned."),
    ),
    _transition(
        "extend",
        forms.ExtendForm,
        _on_case(services.stage_extend),
        _("Extension recorded. The response date has moved."),
    ),
    _transition(
        "agree_updates",
        forms.AgreeUpdatesForm,
        _on_case(services.stage_agree_updates),
        _("Update interval agreed."),
    ),
    _transition(
        "respond",
        forms.RespondForm,
        _on_case(services.stage_respond),
        _("Stage 1 answer recorded."),
        LetterType.STAGE1_RESPONSE,
    ),
    _transition(
        "request_escalation",
        forms.EscalateForm,
        _on_case(services.escalation_request),
        _("Escalated to stage 2."),
    ),
    _transition(
        "refuse_escalation",
        forms.RefuseEscalationForm,
        _on_case(services.escalation_refuse),
        _("Recorded that the escalation is refused."),
        LetterType.REFUSAL_TO_ESCALATE,
    ),
    _transition(
        "acknowledge_stage2",
        forms.AcknowledgeForm,
        _on_case(services.complaint_acknowledge),
        _("Stage 2 acknowledged. The response clock has started."),
    ),
    _transition(
        "respond_stage2",
        forms.RespondForm,
        _on_case(services.stage_respond),
        _("Final answer recorded."),
        LetterType.STAGE2_RESPONSE,
    ),
    _transition(
        "withdraw",
        forms.WithdrawForm,
        _on_case(services.case_withdraw),
        _("Withdrawal recorded."),
    ),
    _transition("close", forms.CloseForm, _close, _("Case closed.")),
    _transition(
        "raise_complaint",
        forms.RaiseComplaintForm,
        _raise_complaint,
        _("Complaint opened, linked to this service request."),
    ),
]


def _has_open_actions(case):
    return case.actions.filter(status=ActionStatus.OPEN).exists()


def _has_open_remedies(case):
    return case.remedies.filter(status=RemedyStatus.OFFERED).exists()


def _stage_open(case):
    return case.status in STAGE_FOR_STATUS


def _is_complaint(case):
    return case.kind == CaseKind.COMPLAINT


def _has_referral(case):
    return case.ombudsman_referrals.exists()


def _awaits_evidence(case):
    return EvidenceRequest.objects.filter(referral__case=case, sent_on__isnull=True).exists()


def _awaits_determination(case):
    return case.ombudsman_referrals.filter(determination__isnull=True).exists()


def _has_open_orders(case):
    return record_forms.open_orders(case).exists()


OTHER_ACTIONS = [
    CaseAction(
        "note",
        _("Add a note"),
        record_forms.NoteForm,
        _on_case(services.note_add),
        _("Note added."),
    ),
    CaseAction(
        "request_comments",
        _("Ask the resident to comment on findings"),
        record_forms.CommentsRequestForm,
        _on_case(services.comments_request),
        _("The resident has been asked for their comments."),
        available=_stage_open,
    ),
    CaseAction(
        "correspondence",
        _("Record correspondence"),
        record_forms.CorrespondenceForm,
        _on_case(services.correspondence_record_with_documents),
        _("Correspondence recorded."),
    ),
    CaseAction(
        "remedy",
        _("Add a remedy"),
        record_forms.RemedyForm,
        _on_case(services.remedy_add),
        _("Remedy added."),
    ),
    CaseAction(
        "outstanding_action",
        _("Add an outstanding action"),
        record_forms.OutstandingActionForm,
        _on_case(services.action_add),
        _("Outstanding action added."),
    ),
    CaseAction(
        "complete_action",
        _("Complete an action"),
        record_forms.CompleteActionForm,
        _on_item(services.action_complete),
        _("Action marked as done."),
        _has_open_actions,
    ),
    CaseAction(
        "complete_remedy",
        _("Complete a remedy"),
        record_forms.CompleteRemedyForm,
        _on_item(services.remedy_complete),
        _("Remedy marked as done."),
        _has_open_remedies,
    ),
    CaseAction(
        "update_sent",
        _("Record an update sent"),
        record_forms.UpdateSentForm,
        _on_case(services.stage_update_sent),
        _("Update recorded."),
        _stage_open,
    ),
    CaseAction(
        "related_issue",
        _("Add a related issue"),
        record_forms.RelatedIssueForm,
        _on_case(services.related_issue_add),
        _("Related issue recorded."),
        _is_complaint,
    ),
    CaseAction(
        "ombudsman_referral",
        _("Record an Ombudsman referral"),
        record_forms.OmbudsmanReferralForm,
        _on_case(services.ombudsman_referral_record),
        _("Ombudsman referral recorded."),
        _is_complaint,
    ),
    CaseAction(
        "evidence_request",
        _("Record an evidence request"),
        record_forms.EvidenceRequestForm,
        _on_item(services.evidence_request_record),
        _("Evidence request recorded. The 15 working day clock has started."),
        _has_referral,
    ),
    CaseAction(
        "evidence_sent",
        _("Record evidence sent"),
        record_forms.EvidenceSentForm,
        _on_item(services.evidence_sent),
        _("Evidence recorded as sent."),
        _awaits_evidence,
    ),
    CaseAction(
        "determination",
        _("Record the Ombudsman's determination"),
        record_forms.DeterminationForm,
        _on_item(services.determination_record),
        _("Determination recorded."),
        _awaits_determination,
    ),
    CaseAction(
        "order_complied",
        _("Record an Ombudsman order complied with"),
        record_forms.OrderCompliedForm,
        _on_item(services.order_complied),
        _("Order recorded as complied with."),
        _has_open_orders,
    ),
]

ACTIONS: dict[str, CaseAction] = {a.name: a for a in TRANSITION_ACTIONS + OTHER_ACTIONS}


def available_actions(case: Case) -> tuple[list[CaseAction], list[CaseAction]]:
    """The transitions the case can take now, and the other actions that make sense now."""
    return (
        [a for a in TRANSITION_ACTIONS if a.is_available(case)],
        [a for a in OTHER_ACTIONS if a.is_available(case)],
    )


def not_available_message(action: CaseAction, case: Case) -> str:
    if action.transition:
        problem = workflow.status_problem(action.name, case.kind, case.status)
        if problem:
            return problem
    return gettext("“%(action)s” is not possible on this case now.") % {"action": action.label}
