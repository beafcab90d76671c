"""The rules a lesson learned from complaints follows (Code 9.1-9.3), as plain functions over
plain values: the services refuse what they find, and the admin form shows each problem next to
its field."""

import datetime as dt
import re

from django.utils.translation import gettext as _

from casework.choices import REFERENCE_PREFIXES, LessonStatus, LessonTheme

# What would identify someone in a published summary and can be spotted mechanically: a case
# reference, an email address, a phone number. (Names cannot be: the help text asks for none.)
_REFERENCE = re.compile(
    r"\b(?:%s)-\d{4}-\d+\b" % "|".join(REFERENCE_PREFIXES.values()),  # noqa: UP031
    re.IGNORECASE,
)
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_PHONE = re.compile(r"(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b")


def identifying_details(text: str) -> list[str]:
    """What in `text` looks like a case reference, email address or phone number."""
    return [
        match.group(0).strip()
        for pattern in (_REFERENCE, _EMAIL, _PHONE)
        for match in pattern.finditer(text or "")
    ]


def lesson_problems(
    *,
    theme: str,
    what_went_wrong: str,
    what_changed: str,
    owner_id: int | None,
    due_on: dt.date | None,
    status: str,
    completed_on: dt.date | None,
    published: bool,
    public_summary: str,
    today: dt.date,
) -> dict[str, str]:
    """Each problem with a lesson, keyed by the field it concerns."""
    problems = {}
    if theme not in LessonTheme.values:
        problems["theme"] = _("Choose the theme the lesson is about.")
    if not (what_went_wrong or "").strip():
        problems["what_went_wrong"] = _("Say what went wrong.")
    if not (what_changed or "").strip():
        problems["what_changed"] = _("Say what we are changing as a result.")
    if owner_id is None:
        problems["owner"] = _("Choose who owns the change.")
    if due_on is None:
        problems["due_on"] = _("Give the date the change should be done by.")
    if status not in LessonStatus.values:
        problems["status"] = _("Choose the status.")
    elif status == LessonStatus.DONE and completed_on is None:
        problems["completed_on"] = _("Give the date the change was done.")
    elif status != LessonStatus.DONE and completed_on is not None:
        problems["completed_on"] = _("Leave the date done empty until the change is done.")
    if completed_on is not None and completed_on > today:
        problems["completed_on"] = _("The date done cannot be in the future.")
    if published:
        # Code 9.3: residents hear what changed; only finished changes, in words meant for them.
        if status != LessonStatus.DONE:
            problems["published"] = _("Only a change that is done can be published.")
        if not (public_summary or "").strip():
            problems["public_summary"] = _(
                "Write the summary for residents before publishing: it is published instead "
                "of the internal account of what went wrong."
            )
    found = identifying_details(public_summary)
    if found:
        problems["public_summary"] = _(
            "The summary for residents is published, so take out anything that could identify "
            "someone: %(found)s."
        ) % {"found": ", ".join(found)}
    return problems
