"""The register of personal data in casework: one entry per model, saying what is erased when
a case's retention period ends (or a person's erasure request is granted) and what is kept.

What is kept is the anonymised skeleton the figures, published reports and self-assessments
read: dates, stages, statuses, decisions, categories, channels, remedy kinds and amounts,
Ombudsman findings and the ids that link them. Everything a person wrote or that names,
describes or reaches someone is erased; files are removed from storage. Free text that held
something becomes REMOVED rather than nothing, so that whether it was recorded is kept.

tests/casework/test_data_protection_register.py walks every casework model's text, email, file
and JSON fields and fails when one is in neither list, so a new field with personal data cannot
be added without saying what happens to it.
"""

from dataclasses import dataclass

from django.db import models

from casework import models as casework_models

# Where the data sits, and so when it goes.
CASE = "case"  # with its case, at the end of the case's retention period
PERSON = "person"  # with the person, once none of their cases keeps them
OWN = "own"  # on its own clock (see the entry's note)
NONE = "none"  # holds no personal data about residents


@dataclass(frozen=True)
class Holding:
    model: type[models.Model]
    scope: str
    # The lookup from the model to the case's pk (scope CASE) or the person's pk (PERSON).
    path: str = ""
    erase: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    # Many-to-many links to people that are cleared.
    clear: tuple[str, ...] = ()
    # The rows themselves are deleted rather than blanked.
    delete_rows: bool = False
    note: str = ""


m = casework_models

REGISTER: tuple[Holding, ...] = (
    Holding(
        m.Case,
        CASE,
        "pk",
        erase=(
            "description",
            "outcome_wanted",
            "contractor_name",
            "property_address",
            "consent_evidence",
        ),
        keep=("reference", "kind", "status", "channel", "representative_type", "consent_basis"),
        clear=("staff_complained_about",),
        note="The resident and representative links stay; those people are erased in turn.",
    ),
    Holding(
        m.Stage,
        CASE,
        "case",
        erase=(
            "definition",
            "outcomes_sought",
            "responsibility",
            "conflict_of_interest",
            "escalation_detail",
            "reasons",
            "no_remedy_reason",
            "refusal_explanation",
            "late_reason",
        ),
        keep=("decision",),
        note="Every date, the handler and the exclusion reason stay: timeliness and 6.13.",
    ),
    Holding(m.Extension, CASE, "stage__case", erase=("reason", "good_reason")),
    Holding(
        m.TimelineEntry,
        CASE,
        "case",
        erase=("summary", "actor_label"),
        keep=("event", "channel", "visibility", "data"),
        note="`data` holds only ids, dates and codes written by the services.",
    ),
    Holding(
        m.Correspondence,
        CASE,
        "case",
        erase=("correspondent", "subject", "body"),
        keep=("direction", "channel"),
    ),
    Holding(
        m.CaseDocument,
        CASE,
        "case",
        erase=("file", "original_name", "uploaded_by_label"),
        keep=("content_type", "visibility"),
        note="The file is deleted from storage; the row stays for the letters that point at it.",
    ),
    Holding(
        m.Letter,
        CASE,
        "case",
        erase=("subject", "elements", "body_text", "sent_to"),
        keep=("letter_type", "language"),
        note="Its PDF files are CaseDocuments, removed with the case's documents.",
    ),
    Holding(
        m.OutboundEmail,
        CASE,
        "case",
        erase=("to", "subject", "body_text", "body_html", "last_error"),
        keep=("purpose", "attachment_ids", "dedupe_key", "status"),
        note="Emails about no case (sign-in links, staff digests) go on their own clock: "
        "those sent or failed longer ago than the retention period.",
    ),
    Holding(m.Remedy, CASE, "case", erase=("description",), keep=("kind", "status")),
    Holding(m.OutstandingAction, CASE, "case", erase=("description",), keep=("status",)),
    Holding(m.OmbudsmanReferral, CASE, "case", erase=("ombudsman_reference",), keep=("scheme",)),
    Holding(m.EvidenceRequest, CASE, "referral__case", erase=("what", "late_explanation")),
    Holding(m.Determination, CASE, "referral__case", erase=("summary",), keep=("outcome",)),
    Holding(m.OmbudsmanOrder, CASE, "determination__referral__case", erase=("description",)),
    Holding(m.LegalHold, CASE, "case", erase=("reason",), keep=("kind",)),
    Holding(
        m.Person,
        PERSON,
        "pk",
        erase=("full_name", "email", "phone", "postal_address", "postcode", "organisation"),
        keep=("preferred_contact_method", "preferred_language", "update_frequency"),
        note="Erased once none of their cases (as resident or representative) keeps them.",
    ),
    Holding(
        m.ReasonableAdjustment,
        PERSON,
        "person",
        erase=("detail",),
        keep=("kind", "status"),
        note="The kind and dates stay for the review of adjustments (Code 5.10).",
    ),
    Holding(
        m.Disclosure,
        PERSON,
        "person",
        erase=("kind", "detail"),
        delete_rows=True,
        note="Special category data: the rows are deleted.",
    ),
    Holding(
        m.SensitiveDataView,
        PERSON,
        "person",
        erase=("where",),
        delete_rows=True,
        note="The log of views of what is deleted goes with it.",
    ),
    Holding(
        m.ContactRestriction,
        PERSON,
        "person",
        erase=("restriction", "reason", "equality_act_considerations"),
        note="The dates stay for the review of restrictions (Code 5.14-5.15).",
    ),
    Holding(
        m.DataProtectionRequest,
        OWN,
        erase=("requester_name", "requester_email", "outcome"),
        keep=("kind",),
        note="Kept as evidence of the answer; erased once answered longer ago than the "
        "retention period.",
    ),
    Holding(m.CaseErasure, NONE, keep=("why",), note="Dates and counts only."),
    Holding(m.RetentionRun, NONE, keep=("references",), note="Counts and case references only."),
    Holding(
        m.Lesson,
        NONE,
        keep=("theme", "what_went_wrong", "what_changed", "public_summary", "notes", "status"),
        note="Learning across cases, written about the service, never about a person "
        "(the form says so); kept for the annual report (Code 8.1d, 9.1-9.3).",
    ),
    Holding(m.ComplaintCategory, NONE, keep=("name", "ombudsman_scheme")),
    Holding(m.ReferenceCounter, NONE, keep=("prefix",)),
    Holding(m.LetterTemplate, NONE, keep=("letter_type", "language", "subject", "body")),
    Holding(
        m.OmbudsmanScheme,
        NONE,
        keep=("kind", "name", "postal_address", "phone", "email", "website", "any_stage_text"),
        note="The Ombudsman's published contact details.",
    ),
    Holding(m.ServiceNotice, NONE, keep=("what_is_affected", "ombudsman_told_how")),
    Holding(
        m.ComplaintProcessSettings,
        NONE,
        keep=("nation", "deemed_consent_representative_types", "public_address"),
    ),
    Holding(m.ClosureDay, NONE, keep=("description",)),
    Holding(m.ExclusionReason, NONE, keep=("title", "explanation", "applies_to")),
)

BY_MODEL = {holding.model: holding for holding in REGISTER}


def holdings(scope: str) -> list[Holding]:
    return [holding for holding in REGISTER if holding.scope == scope]


# What erased free text (a TextField that held something) holds instead: the rules that ask
# whether something was recorded (a complaint definition, reasons, a letter's elements) get the
# same answer after erasure as before, so compliance figures and self-assessment evidence do not
# change; what was written is gone. Contact details are blanked, never marked, so that nothing
# is ever sent to the marker.
REMOVED = "[removed]"
CONTACT_MODELS = (casework_models.Person,)
# JSON fields whose keys stay, each value that held something becoming REMOVED.
KEYED_JSON = {(casework_models.Letter, "elements")}


def blank_value(model: type[models.Model], name: str):
    """What an erased field holds when it held nothing: an empty string, or an empty JSON value
    of its default's shape."""
    model_field = model._meta.get_field(name)
    if isinstance(model_field, models.JSONField):
        default = model_field.get_default()
        return type(default)() if isinstance(default, (dict, list)) else {}
    return ""


def is_marked(model: type[models.Model], name: str) -> bool:
    """Whether erased text in this field says REMOVED rather than nothing."""
    model_field = model._meta.get_field(name)
    return isinstance(model_field, models.TextField) and model not in CONTACT_MODELS


def erased_values(model: type[models.Model], name: str) -> list:
    return [blank_value(model, name), *([REMOVED] if is_marked(model, name) else [])]


def blanks(holding: Holding) -> dict:
    """The update that erases the holding's fields (keyed JSON fields are done row by row, by
    `keyed_json_erase`)."""
    values = {}
    for name in holding.erase:
        if (holding.model, name) in KEYED_JSON:
            continue
        if is_marked(holding.model, name):
            values[name] = models.Case(
                models.When(**{name: ""}, then=models.Value("")),
                default=models.Value(REMOVED),
                output_field=models.TextField(),
            )
        else:
            values[name] = blank_value(holding.model, name)
    return values


def keyed_json_erase(holding: Holding, rows) -> None:
    for name in holding.erase:
        if (holding.model, name) not in KEYED_JSON:
            continue
        for pk, value in rows.values_list("pk", name):
            erased = {
                key: REMOVED if item not in ("", None, [], {}) else item
                for key, item in (value or {}).items()
            }
            holding.model._base_manager.filter(pk=pk).update(**{name: erased})


def not_blank(holding: Holding):
    """A filter for rows with something left to erase, so erasing twice changes nothing."""
    query = models.Q()
    for name in holding.erase:
        if (holding.model, name) in KEYED_JSON:
            continue
        if isinstance(holding.model._meta.get_field(name), models.JSONField):
            query |= ~models.Q(**{name: blank_value(holding.model, name)})
        else:
            query |= ~models.Q(**{f"{name}__in": erased_values(holding.model, name)})
    return query
