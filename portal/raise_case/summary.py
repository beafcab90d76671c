"""The answers as a person reads them back: "check your answers" and the old-issue warning."""

import calendar
import datetime as dt

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from casework.choices import AdjustmentKind, CaseKind, ContactMethod, UpdateFrequency
from casework.process import process_settings
from portal.raise_case import forms
from portal.raise_case.journey import (
    CONTACT,
    KIND,
    PREFERENCES,
    REPRESENTATIVE,
    RESIDENT,
    STEP_URL_NAMES,
    SUPPORT,
    WHAT_HAPPENED,
    WHO,
    Journey,
)
from portal.raise_case.submission import consent_deemed, representative_type_label

__all__ = ["may_be_too_old", "representative_type_label", "sections", "what_happened_title"]


def what_happened_title(kind: str) -> str:
    titles = {
        CaseKind.COMPLAINT: _("Tell us what happened"),
        CaseKind.SERVICE_REQUEST: _("Tell us what needs putting right"),
        CaseKind.COMPLIMENT: _("Your compliment"),
        CaseKind.COMMENT: _("Your comment or suggestion"),
    }
    return titles.get(kind, titles[CaseKind.COMPLAINT])


def months_before(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def may_be_too_old(journey: Journey, today: dt.date | None = None) -> bool:
    """Whether a complaint is about something older than the landlord's time limit, counting
    from the latest day it could have happened. Only a warning: staff decide each case on its
    own facts (Code 2.3, 2.5), so the complaint is still sent."""
    if journey.kind != CaseKind.COMPLAINT:
        return False
    answers = journey.answers(WHAT_HAPPENED)
    year, month = answers.get("issue_year"), answers.get("issue_month")
    if not year:
        return False
    month = month or 12
    latest = dt.date(year, month, calendar.monthrange(year, month)[1])
    today = today or timezone.localdate()
    return latest < months_before(today, process_settings().exclusion_period_months)


def change_url(step: str) -> str:
    return reverse(STEP_URL_NAMES[step]) + "?change=1"


def row(key, value, step: str, hidden: str) -> dict:
    entry = {"key": key, "href": change_url(step), "action_hidden": hidden}
    if isinstance(value, list):
        entry["lines"] = value or [_("None")]
    else:
        entry["value"] = value if value not in ("", None) else _("Not given")
    return entry


def lines(text: str) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


def choice_label(choices, value: str) -> str:
    return str(dict(choices).get(value, ""))


def when_text(answers: dict) -> str:
    year, month = answers.get("issue_year"), answers.get("issue_month")
    if not year:
        return ""
    if month:
        return date_format(dt.date(year, month, 1), "F Y")
    return str(year)


def people_section(journey: Journey) -> dict:
    about, resident = journey.answers(REPRESENTATIVE), journey.answers(RESIDENT)
    rows = [
        row(
            _("Who this is for"),
            _("Someone else") if journey.is_representative else _("Myself"),
            WHO,
            _("who this is for"),
        )
    ]
    if journey.is_representative:
        name_lines = [about.get("representative_name", ""), about.get("organisation", "")]
        rows += [
            row(
                _("You are their"),
                representative_type_label(about.get("representative_type", "")),
                REPRESENTATIVE,
                _("how you are connected to the resident"),
            ),
            row(_("Your name"), [x for x in name_lines if x], REPRESENTATIVE, _("your name")),
            row(_("The resident"), resident.get("resident_name", ""), RESIDENT, _("resident")),
        ]
        if consent_deemed(about.get("representative_type", "")):
            consent = [_("Not needed: the resident asked you to act for them")]
        else:
            consent = [_("You confirmed the resident agrees to you acting for them")]
            consent += [u["name"] for u in journey.uploads("consent")]
        rows.append(row(_("Consent"), consent, RESIDENT, _("consent")))
    return {"title": _("About you"), "rows": rows}


def case_section(journey: Journey) -> dict:
    kind, what = journey.kind, journey.answers(WHAT_HAPPENED)
    contractor = choice_label(
        forms.WhatHappenedForm.base_fields["involves_contractor"].choices,
        what.get("involves_contractor", ""),
    )
    if what.get("contractor_name"):
        contractor = f"{contractor}: {what['contractor_name']}"
    rows = [
        row(
            _("What you want to do"),
            choice_label(forms.KIND_CHOICES, kind),
            KIND,
            _("what you want to do"),
        ),
        row(
            _("What happened"),
            lines(what.get("description", "")),
            WHAT_HAPPENED,
            _("what happened"),
        ),
        row(_("When it happened"), when_text(what), WHAT_HAPPENED, _("when it happened")),
        row(
            _("Contractor involved"),
            contractor,
            WHAT_HAPPENED,
            _("whether a contractor was involved"),
        ),
    ]
    if kind in (CaseKind.COMPLAINT, CaseKind.SERVICE_REQUEST):
        rows.append(
            row(
                _("What you would like us to do"),
                lines(what.get("outcome_wanted", "")) or _("Not given"),
                WHAT_HAPPENED,
                _("what you would like us to do"),
            )
        )
    files = [u["name"] for u in journey.uploads("evidence")]
    rows.append(row(_("Files"), files, WHAT_HAPPENED, _("files")))
    return {"title": _("Your %(kind)s") % {"kind": CaseKind(kind).label.lower()}, "rows": rows}


def support_section(journey: Journey) -> dict:
    support = journey.answers(SUPPORT)
    chosen = []
    for value in support.get("adjustments", []):
        label = choice_label(AdjustmentKind.choices, value)
        if value == AdjustmentKind.INTERPRETER:
            label = f"{label}: {support.get('interpreter_language', '')}"
        elif value == AdjustmentKind.OTHER:
            label = f"{label}: {support.get('adjustment_detail', '')}"
        chosen.append(label)
    return {
        "title": _("Support"),
        "rows": [
            row(_("Support asked for"), chosen, SUPPORT, _("support asked for")),
            row(
                _("Disability or health condition"),
                lines(support.get("disability", "")) or _("Not given"),
                SUPPORT,
                _("disability or health condition"),
            ),
            row(
                _("Anything else making things harder"),
                lines(support.get("vulnerability", "")) or _("Not given"),
                SUPPORT,
                _("anything else making things harder"),
            ),
        ],
    }


def contact_section(journey: Journey) -> dict:
    contact, preferences = journey.answers(CONTACT), journey.answers(PREFERENCES)
    rows = []
    if not journey.is_representative:
        rows.append(row(_("Full name"), contact.get("full_name", ""), CONTACT, _("your name")))
    address = [*lines(contact.get("postal_address", "")), contact.get("postcode", "")]
    rows += [
        row(_("Email address"), contact.get("email", ""), CONTACT, _("email address")),
        row(_("Phone number"), contact.get("phone", ""), CONTACT, _("phone number")),
        row(_("Postal address"), [x for x in address if x], CONTACT, _("postal address")),
    ]
    if journey.is_representative:
        resident = [
            contact.get("resident_email", ""),
            contact.get("resident_phone", ""),
            *lines(contact.get("resident_postal_address", "")),
            contact.get("resident_postcode", ""),
        ]
        rows.append(
            row(
                _("The resident's contact details"),
                [x for x in resident if x],
                CONTACT,
                _("the resident's contact details"),
            )
        )
    rows += [
        row(
            _("Contact me by"),
            choice_label(ContactMethod.choices, preferences.get("preferred_contact_method", "")),
            PREFERENCES,
            _("how we contact you"),
        ),
        row(
            _("Language"),
            choice_label(settings.LANGUAGES, preferences.get("preferred_language", "")),
            PREFERENCES,
            _("language"),
        ),
        row(
            _("Updates"),
            choice_label(UpdateFrequency.choices, preferences.get("update_frequency", "")),
            PREFERENCES,
            _("how often you want updates"),
        ),
    ]
    return {"title": _("Contact details"), "rows": rows}


def sections(journey: Journey) -> list[dict]:
    return [
        people_section(journey),
        case_section(journey),
        support_section(journey),
        contact_section(journey),
    ]
