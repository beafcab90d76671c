"""Enumerations shared by the casework record, its settings and its forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RepresentativeType(models.TextChoices):
    """Who may act for a resident (Code 1.3, 3.6)."""

    FAMILY_OR_CARER = "family_or_carer", _("Family member or carer")
    ADVOCATE = "advocate", _("Advocate or support worker")
    SOLICITOR = "solicitor", _("Solicitor or legal adviser")
    COUNCILLOR = "councillor", _("Councillor")
    MP = "mp", _("Member of Parliament")
    OTHER = "other", _("Someone else")


# Councillors and MPs approached by a resident are taken to act with the resident's consent.
DEFAULT_DEEMED_CONSENT_TYPES = [RepresentativeType.COUNCILLOR.value, RepresentativeType.MP.value]


class OmbudsmanSchemeKind(models.TextChoices):
    """The redress scheme a complaint can be taken to once the landlord's process is done."""

    HOUSING = "housing", _("Housing Ombudsman")
    LOCAL_GOVERNMENT = "local_government", _("Local Government and Social Care Ombudsman")


class CaseKind(models.TextChoices):
    """What the person raised (Code 1.2-1.4). Dissatisfaction is never turned away."""

    COMPLAINT = "complaint", _("Complaint")
    SERVICE_REQUEST = "service_request", _("Service request")
    COMPLIMENT = "compliment", _("Compliment")
    COMMENT = "comment", _("Comment")


REFERENCE_PREFIXES = {
    CaseKind.COMPLAINT: "CMP",
    CaseKind.SERVICE_REQUEST: "SR",
    CaseKind.COMPLIMENT: "CPL",
    CaseKind.COMMENT: "COM",
}


class Channel(models.TextChoices):
    """How the case reached us (Code 3.1-3.2: any route, any member of staff)."""

    ONLINE = "online", _("Online form")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("Email")
    LETTER = "letter", _("Letter")
    IN_PERSON = "in_person", _("In person")
    SOCIAL_MEDIA = "social_media", _("Social media")
    CONTRACTOR = "contractor", _("Via a contractor")
    COUNCILLOR_OR_MP = "councillor_or_mp", _("Via a councillor or MP")


class CaseStatus(models.TextChoices):
    # Complaints: exactly two stages (Code 5.3), no "stage 0" (5.2).
    LOGGED = "logged", _("Received, not yet acknowledged")
    STAGE1 = "stage1", _("Stage 1: investigating")
    STAGE1_RESPONDED = "stage1_responded", _("Stage 1: answered")
    STAGE2_REQUESTED = "stage2_requested", _("Stage 2: requested")
    STAGE2 = "stage2", _("Stage 2: investigating")
    STAGE2_RESPONDED = "stage2_responded", _("Stage 2: final answer given")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    ESCALATION_REFUSED = "escalation_refused", _("Escalation refused")
    # Every kind.
    OPEN = "open", _("Open")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    CLOSED = "closed", _("Closed")


OPEN_STATUSES = frozenset(
    {
        CaseStatus.LOGGED,
        CaseStatus.STAGE1,
        CaseStatus.STAGE1_RESPONDED,
        CaseStatus.STAGE2_REQUESTED,
        CaseStatus.STAGE2,
        CaseStatus.STAGE2_RESPONDED,
        CaseStatus.NOT_ACCEPTED,
        CaseStatus.ESCALATION_REFUSED,
        CaseStatus.OPEN,
    }
)
ENDED_STATUSES = frozenset({CaseStatus.WITHDRAWN, CaseStatus.CLOSED})


class Decision(models.TextChoices):
    UPHELD = "upheld", _("Upheld")
    PARTLY_UPHELD = "partly_upheld", _("Partly upheld")
    NOT_UPHELD = "not_upheld", _("Not upheld")


class RemedyKind(models.TextChoices):
    """Ways of putting things right (Code 7.1)."""

    APOLOGY = "apology", _("Apology")
    ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledging what went wrong")
    EXPLANATION = "explanation", _("Explanation")
    ACTION_ON_DELAY = "action_on_delay", _("Doing what should have been done")
    RECONSIDERED_DECISION = "reconsidered_decision", _("Reconsidering a decision")
    AMENDED_RECORD = "amended_record", _("Correcting a record")
    FINANCIAL = "financial", _("Financial remedy")
    POLICY_CHANGE = "policy_change", _("Changing a policy or procedure")


class RemedyStatus(models.TextChoices):
    OFFERED = "offered", _("Offered")
    DONE = "done", _("Done")
    DECLINED = "declined", _("Declined by the resident")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    TEXT = "text", _("Text message")
    LETTER = "letter", _("Letter")


class UpdateFrequency(models.TextChoices):
    WHEN_SOMETHING_CHANGES = "on_change", _("Only when something changes")
    WEEKLY = "weekly", _("Every week")
    FORTNIGHTLY = "fortnightly", _("Every 2 weeks")
    MONTHLY = "monthly", _("Every month")


class AdjustmentKind(models.TextChoices):
    """Reasonable adjustments under the Equality Act 2010 (Code 3.1, 5.10)."""

    LARGE_PRINT = "large_print", _("Large print")
    EASY_READ = "easy_read", _("Easy read")
    BRAILLE = "braille", _("Braille")
    AUDIO = "audio", _("Audio")
    BSL = "bsl", _("British Sign Language")
    INTERPRETER = "interpreter", _("An interpreter")
    PHONE_ONLY = "phone_only", _("Contact by phone only")
    EMAIL_ONLY = "email_only", _("Contact by email only")
    SUPPORT_PERSON = "support_person", _("Someone to help")
    OTHER = "other", _("Something else")


class AdjustmentStatus(models.TextChoices):
    ACTIVE = "active", _("In place")
    ENDED = "ended", _("No longer needed")


class DisclosureKind(models.TextChoices):
    DISABILITY = "disability", _("Disability")
    VULNERABILITY = "vulnerability", _("Vulnerability")


class ConsentBasis(models.TextChoices):
    DEEMED = "deemed", _("Deemed: the resident asked this representative to act")
    RECORDED = "recorded", _("Recorded: the resident's agreement is on file")
    AWAITING = "awaiting", _("Awaiting the resident's confirmation")


class Visibility(models.TextChoices):
    RESIDENT = "resident", _("Resident can see")
    INTERNAL = "internal", _("Staff only")


class Direction(models.TextChoices):
    INCOMING = "in", _("Received")
    OUTGOING = "out", _("Sent")


class DeterminationOutcome(models.TextChoices):
    NO_MALADMINISTRATION = "no_maladministration", _("No maladministration")
    SERVICE_FAILURE = "service_failure", _("Service failure")
    MALADMINISTRATION = "maladministration", _("Maladministration")
    SEVERE_MALADMINISTRATION = "severe_maladministration", _("Severe maladministration")
    REDRESS = "reasonable_redress", _("Reasonable redress")
    OUTSIDE_JURISDICTION = "outside_jurisdiction", _("Outside jurisdiction")


class LessonStatus(models.TextChoices):
    """Where a change learned from complaints has got to (Code 9.1-9.3)."""

    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class LessonTheme(models.TextChoices):
    """What a lesson is about, so the year's themes can be counted and reported (Code 8.1d,
    9.2, 9.4)."""

    COMMUNICATION = "communication", _("Communication and keeping residents informed")
    REPAIRS = "repairs", _("Repairs and maintenance")
    DAMP_AND_MOULD = "damp_and_mould", _("Damp and mould")
    COMPLAINT_HANDLING = "complaint_handling", _("How we handle complaints")
    RECORD_KEEPING = "record_keeping", _("Keeping records")
    STAFF_KNOWLEDGE = "staff_knowledge", _("Staff knowledge and training")
    POLICY = "policy", _("Policies and procedures")
    CONTRACTORS = "contractors", _("Contractors and partners")
    ACCESSIBILITY = "accessibility", _("Accessibility and reasonable adjustments")
    NEIGHBOURHOODS = "neighbourhoods", _("Neighbourhoods and anti-social behaviour")
    OTHER = "other", _("Something else")
