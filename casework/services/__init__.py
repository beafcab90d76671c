"""The only code that writes to the casework record. Each service is one transaction and writes
its timeline entry inside it."""

from casework.services.cases import (
    PersonDetails,
    case_close,
    case_log,
    case_withdraw,
    consent_answer,
    reference_allocate,
    related_issue_add,
    service_request_raise_complaint,
)
from casework.services.documents import correspondence_record_with_documents
from casework.services.learning import learning_record, learning_update
from casework.services.letters import letter_issue
from casework.services.ombudsman import (
    determination_record,
    evidence_request_record,
    evidence_sent,
    ombudsman_referral_record,
    order_complied,
)
from casework.services.people import (
    adjustment_record,
    contact_restriction_record,
    disclosure_record,
    sensitive_data_viewed,
)
from casework.services.person_details import adjustment_end, adjustment_review, person_update
from casework.services.record import (
    TransitionRefused,
    comments_awaited,
    comments_give,
    comments_request,
    correspondence_record,
    note_add,
    timeline_record,
)
from casework.services.remedies import action_add, action_complete, remedy_add, remedy_complete
from casework.services.stages import (
    complaint_acknowledge,
    complaint_refuse,
    escalation_refuse,
    escalation_request,
    stage_agree_updates,
    stage_assign,
    stage_extend,
    stage_respond,
    stage_update_sent,
)

__all__ = [
    "PersonDetails",
    "TransitionRefused",
    "action_add",
    "action_complete",
    "adjustment_end",
    "adjustment_record",
    "adjustment_review",
    "case_close",
    "case_log",
    "case_withdraw",
    "comments_awaited",
    "comments_give",
    "comments_request",
    "complaint_acknowledge",
    "complaint_refuse",
    "consent_answer",
    "contact_restriction_record",
    "correspondence_record",
    "correspondence_record_with_documents",
    "determination_record",
    "disclosure_record",
    "escalation_refuse",
    "escalation_request",
    "evidence_request_record",
    "evidence_sent",
    "learning_record",
    "learning_update",
    "letter_issue",
    "note_add",
    "ombudsman_referral_record",
    "order_complied",
    "person_update",
    "reference_allocate",
    "related_issue_add",
    "remedy_add",
    "remedy_complete",
    "sensitive_data_viewed",
    "service_request_raise_complaint",
    "stage_agree_updates",
    "stage_assign",
    "stage_extend",
    "stage_respond",
    "stage_update_sent",
    "timeline_record",
]
