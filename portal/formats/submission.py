"""Logging an "ask for another format" request: a service request (Code 1.4) with each format
recorded as a reasonable adjustment on the person (Code 3.1, 5.10), the timeline entry, the
confirmation email and the complaints team's email, all in one transaction."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from casework.choices import AdjustmentKind, CaseKind, Channel, ContactMethod, Visibility
from casework.models import Case
from casework.notifications import new_case_notify
from casework.services import PersonDetails, adjustment_record, case_log, timeline_record
from portal.formats import forms
from portal.raise_case.emails import queue_submission_confirmation

# Asked for online, so agreed, and looked at again within a year (Code 5.10), as the
# complaint form does.
ADJUSTMENT_REVIEW_AFTER = dt.timedelta(days=365)

ADJUSTMENT_KINDS = {
    forms.LARGE_PRINT: AdjustmentKind.LARGE_PRINT,
    forms.EASY_READ: AdjustmentKind.EASY_READ,
    forms.BRAILLE: AdjustmentKind.BRAILLE,
    forms.AUDIO: AdjustmentKind.AUDIO,
    forms.ANOTHER_LANGUAGE: AdjustmentKind.OTHER,
    forms.SOMETHING_ELSE: AdjustmentKind.OTHER,
}


def adjustments(answers: dict) -> list[tuple[str, str]]:
    """(adjustment kind, detail) for each format asked for, in the landlord's language."""
    details = {
        forms.ANOTHER_LANGUAGE: _("Information in %(language)s")
        % {"language": answers.get("language", "").strip()},
        forms.SOMETHING_ELSE: answers.get("other_format", "").strip(),
    }
    return [(ADJUSTMENT_KINDS[f], details.get(f, "")) for f in answers["formats"]]


def contact_method(answers: dict) -> str:
    for field, method in (
        ("email", ContactMethod.EMAIL),
        ("phone", ContactMethod.PHONE),
        ("postal_address", ContactMethod.LETTER),
    ):
        if answers.get(field, "").strip():
            return method
    return ContactMethod.EMAIL


def format_request_submit(*, answers: dict, language: str) -> Case:
    """Log the request from the form's cleaned answers; `language` is the one the resident
    used, kept for the emails and letters we send them."""
    today = timezone.localdate()
    name = answers["full_name"].strip()
    resident = PersonDetails(
        full_name=name,
        email=answers.get("email", "").strip(),
        phone=answers.get("phone", "").strip(),
        postal_address=answers.get("postal_address", "").strip(),
        preferred_contact_method=contact_method(answers),
        preferred_language=language,
    )
    # The record is the landlord's: its words are in the landlord's language. The emails go
    # through the outbox in the same transaction, so none is sent for a request not saved.
    with transaction.atomic(), override(settings.LANGUAGE_CODE):
        labels = dict(forms.FORMAT_CHOICES)
        wanted = adjustments(answers)
        formats_text = ", ".join(
            detail if kind == AdjustmentKind.OTHER else str(labels[f])
            for f, (kind, detail) in zip(answers["formats"], wanted, strict=True)
        )
        case = case_log(
            kind=CaseKind.SERVICE_REQUEST,
            channel=Channel.ONLINE,
            description=_("Asked for information in another format: %(formats)s.\n\n%(what)s")
            % {"formats": formats_text, "what": answers["information"].strip()},
            outcome_wanted=_("The information in: %(formats)s") % {"formats": formats_text},
            resident=resident,
            actor=None,
            actor_label=name,
        )
        for kind, detail in wanted:
            adjustment_record(
                person=case.resident,
                actor=None,
                kind=kind,
                detail=detail,
                agreed_on=today,
                next_review_on=today + ADJUSTMENT_REVIEW_AFTER,
            )
        timeline_record(
            case=case,
            actor_label=name,
            event="adjustments_recorded",
            summary=_("Reasonable adjustments asked for online: %(formats)s")
            % {"formats": formats_text},
            channel=Channel.ONLINE,
            visibility=Visibility.RESIDENT,
        )
        queue_submission_confirmation(case)  # in the resident's language
        new_case_notify(case)
    return case
