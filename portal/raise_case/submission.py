"""Sending the answers: the case, its adjustments, disclosures and files, in one transaction,
through the casework services."""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from casework.choices import (
    AdjustmentKind,
    Channel,
    DisclosureKind,
    RepresentativeType,
    Visibility,
)
from casework.models import Case
from casework.process import process_settings
from casework.services import (
    PersonDetails,
    adjustment_record,
    case_log,
    disclosure_record,
    timeline_record,
)
from portal.raise_case import uploads
from portal.raise_case.forms.case import NO, YES
from portal.raise_case.journey import (
    CONTACT,
    KIND,
    PREFERENCES,
    REPRESENTATIVE,
    RESIDENT,
    SUPPORT,
    WHAT_HAPPENED,
    Journey,
)

logger = logging.getLogger(__name__)

# Adjustments are agreed when asked for online, and looked at again within a year (Code 5.10).
ADJUSTMENT_REVIEW_AFTER = dt.timedelta(days=365)


def consent_deemed(representative_type: str) -> bool:
    """Whether the landlord takes this kind of representative's request as the resident's
    consent (councillors and MPs by default). The setting is the casework's."""
    return representative_type in process_settings().deemed_consent_representative_types


def representative_type_label(value: str) -> str:
    return str(RepresentativeType(value).label) if value in RepresentativeType.values else ""


def issue_date(answers: dict) -> dt.date | None:
    """The first day of the month it happened: the record's convention when only the month (or
    only the year) is known."""
    year = answers.get("issue_year")
    return dt.date(year, answers.get("issue_month") or 1, 1) if year else None


def concerns_contractor(answers: dict) -> bool:
    """Yes, or a contractor named by someone not sure whether one was involved."""
    answer = answers.get("involves_contractor")
    return answer == YES or (answer != NO and bool(answers.get("contractor_name")))


def sender_name(journey: Journey) -> str:
    if journey.is_representative:
        return journey.answers(REPRESENTATIVE).get("representative_name", "")
    return journey.answers(CONTACT).get("full_name", "")


def people(journey: Journey) -> tuple[PersonDetails, PersonDetails | None]:
    """The resident and any representative. Preferences belong to whoever we reply to."""
    contact, preferences = journey.answers(CONTACT), journey.answers(PREFERENCES)
    reply_to = {
        "email": contact.get("email", ""),
        "phone": contact.get("phone", ""),
        "postal_address": contact.get("postal_address", ""),
        "postcode": contact.get("postcode", ""),
        "preferred_contact_method": preferences.get("preferred_contact_method", "email"),
        "preferred_language": preferences.get("preferred_language", settings.LANGUAGE_CODE),
        "update_frequency": preferences.get("update_frequency", "on_change"),
    }
    if not journey.is_representative:
        return PersonDetails(full_name=contact.get("full_name", ""), **reply_to), None
    about = journey.answers(REPRESENTATIVE)
    resident = PersonDetails(
        full_name=journey.answers(RESIDENT).get("resident_name", ""),
        email=contact.get("resident_email", ""),
        phone=contact.get("resident_phone", ""),
        postal_address=contact.get("resident_postal_address", ""),
        postcode=contact.get("resident_postcode", ""),
    )
    representative = PersonDetails(
        full_name=about.get("representative_name", ""),
        organisation=about.get("organisation", ""),
        **reply_to,
    )
    return resident, representative


def consent_evidence(journey: Journey, today: dt.date) -> str:
    if not journey.is_representative:
        return ""
    about = journey.answers(REPRESENTATIVE)
    if consent_deemed(about.get("representative_type", "")):
        return _("The resident asked their %(type)s to act for them.") % {
            "type": representative_type_label(about["representative_type"]).lower()
        }
    lines = [
        _("%(name)s declared online on %(date)s that the resident agrees to them acting for them.")
        % {"name": about.get("representative_name", ""), "date": today.isoformat()}
    ]
    documents = [u["name"] for u in journey.uploads("consent")]
    if documents:
        lines.append(_("Consent documents: %(names)s") % {"names": ", ".join(documents)})
    return "\n".join(lines)


def adjustments(journey: Journey) -> list[tuple[str, str]]:
    support = journey.answers(SUPPORT)
    details = {
        AdjustmentKind.INTERPRETER.value: support.get("interpreter_language", ""),
        AdjustmentKind.OTHER.value: support.get("adjustment_detail", ""),
    }
    return [(kind, details.get(kind, "")) for kind in support.get("adjustments", [])]


def disclosures(journey: Journey) -> list[tuple[str, str]]:
    support = journey.answers(SUPPORT)
    pairs = [
        (DisclosureKind.DISABILITY.value, support.get("disability", "")),
        (DisclosureKind.VULNERABILITY.value, support.get("vulnerability", "")),
    ]
    return [(kind, detail) for kind, detail in pairs if detail.strip()]


def answers_submit(journey: Journey) -> Case:
    """Log the case from the journey's answers. Everything is saved together or not at all."""
    today = timezone.localdate()
    what = journey.answers(WHAT_HAPPENED)
    resident, representative = people(journey)
    about = journey.answers(REPRESENTATIVE) if representative else {}
    label = sender_name(journey)
    documents = []
    # The record is the landlord's: its words are in the landlord's language, whichever
    # language the form was filled in.
    with override(settings.LANGUAGE_CODE):
        try:
            with transaction.atomic():
                case = case_log(
                    kind=journey.answers(KIND)["kind"],
                    channel=Channel.ONLINE,
                    description=what.get("description", ""),
                    outcome_wanted=what.get("outcome_wanted", ""),
                    issue_date=issue_date(what),
                    concerns_contractor=concerns_contractor(what),
                    contractor_name=what.get("contractor_name", ""),
                    resident=resident,
                    representative=representative,
                    representative_type=about.get("representative_type", ""),
                    consent_recorded=bool(journey.answers(RESIDENT).get("consent_declared")),
                    consent_evidence=consent_evidence(journey, today),
                    actor=None,
                    actor_label=label,
                )
                for kind, detail in adjustments(journey):
                    adjustment_record(
                        person=case.resident,
                        actor=None,
                        kind=kind,
                        detail=detail,
                        agreed_on=today,
                        next_review_on=today + ADJUSTMENT_REVIEW_AFTER,
                    )
                for kind, detail in disclosures(journey):
                    disclosure_record(
                        person=case.resident,
                        actor=None,
                        kind=kind,
                        detail=detail,
                        disclosed_on=today,
                    )
                waiting = journey.uploads_to_send()
                documents = uploads.attach(case, waiting, label=label)
                if documents:
                    timeline_record(
                        case=case,
                        actor_label=label,
                        event="documents_added",
                        summary=_("Files sent with the form: %(names)s")
                        % {"names": ", ".join(d.original_name for d in documents)},
                        channel=Channel.ONLINE,
                        visibility=Visibility.RESIDENT,
                        data={"documents": [d.pk for d in documents]},
                    )
                # The waiting copies go only once the case's own copies are safely recorded.
                pending = journey.uploads()
                transaction.on_commit(lambda: uploads.discard(pending))
        except Exception:
            for document in documents:
                document.file.delete(save=False)
            raise
    return case
