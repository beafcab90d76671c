"""The answers of one "raise a complaint" journey, kept in the session until the case is logged.

Each step's answers are the cleaned data of its form, in JSON-friendly values, so they survive
going back, a mistake on another page and a change made from "check your answers". Nothing here
decides anything about the case: the casework services do that when the answers are sent.
"""

import uuid

from django.db.models import F

from casework.choices import ContactMethod

SESSION_KEY = "raise_case"
# Kept apart from the answers, which are cleared once sent: a resubmitted form finds its case here.
SUBMITTED_KEY = "raise_case_submitted"
SUBMISSIONS_KEPT = 5

WHO = "who"
REPRESENTATIVE = "representative"
RESIDENT = "resident"
KIND = "kind"
WHAT_HAPPENED = "what_happened"
SUPPORT = "support"
CONTACT = "contact"
PREFERENCES = "preferences"
STEPS = (WHO, REPRESENTATIVE, RESIDENT, KIND, WHAT_HAPPENED, SUPPORT, CONTACT, PREFERENCES)
# The URL name of each step's page (urls.py).
STEP_URL_NAMES = {
    WHO: "raise_case:who",
    REPRESENTATIVE: "raise_case:representative",
    RESIDENT: "raise_case:resident",
    KIND: "raise_case:kind",
    WHAT_HAPPENED: "raise_case:what_happened",
    SUPPORT: "raise_case:support",
    CONTACT: "raise_case:contact",
    PREFERENCES: "raise_case:preferences",
}
# Asked only of someone acting for a resident.
REPRESENTATIVE_STEPS = frozenset({REPRESENTATIVE, RESIDENT})

MYSELF = "myself"
SOMEONE_ELSE = "someone_else"


def available_contact_methods(contact: dict) -> list[str]:
    """The ways we could reach the person with the details they gave."""
    methods = []
    if contact.get("email"):
        methods.append(ContactMethod.EMAIL.value)
    if contact.get("phone"):
        methods.extend([ContactMethod.PHONE.value, ContactMethod.TEXT.value])
    if contact.get("postal_address"):
        methods.append(ContactMethod.LETTER.value)
    return methods


class Journey:
    """A small view of `request.session` for one person's journey."""

    def __init__(self, session):
        self.session = session
        self.state = session.get(SESSION_KEY) or {}

    def _save(self) -> None:
        self.session[SESSION_KEY] = self.state
        self.session.modified = True

    @property
    def id(self) -> str:
        """A random key for this journey, naming the folder its uploads wait in."""
        if "id" not in self.state:
            self.state["id"] = uuid.uuid4().hex
            self._save()
        return self.state["id"]

    # Answers

    def answers(self, step: str) -> dict:
        return self.state.get("answers", {}).get(step, {})

    def save_answers(self, step: str, values: dict) -> None:
        answers = self.state.setdefault("answers", {})
        drafts = self.state.setdefault("drafts", {})
        if step == KIND and WHAT_HAPPENED in answers and self.kind != values.get("kind"):
            # The questions about what happened differ by kind: ask them again, filled in.
            drafts[WHAT_HAPPENED] = answers.pop(WHAT_HAPPENED)
        answers[step] = values
        drafts.pop(step, None)
        self._save()

    def save_draft(self, step: str, values: dict) -> None:
        """What was typed on a page that was not sent with Continue (adding or removing a file),
        to show again on that page; it is not an answer until the page is sent."""
        self.state.setdefault("drafts", {})[step] = values
        self._save()

    def initial(self, step: str) -> dict:
        return self.state.get("drafts", {}).get(step) or self.answers(step)

    @property
    def is_representative(self) -> bool:
        return self.answers(WHO).get("for_whom") == SOMEONE_ELSE

    @property
    def kind(self) -> str:
        return self.answers(KIND).get("kind", "")

    @property
    def is_empty(self) -> bool:
        return not self.state.get("answers")

    # Which pages apply, and which are still to do

    def steps(self) -> list[str]:
        return [s for s in STEPS if self.is_representative or s not in REPRESENTATIVE_STEPS]

    def is_complete(self, step: str) -> bool:
        answers = self.answers(step)
        if not answers:
            return False
        if step == PREFERENCES:
            # The contact details may have changed since the preference was chosen.
            methods = available_contact_methods(self.answers(CONTACT))
            return answers.get("preferred_contact_method") in methods
        return True

    def missing(self) -> list[str]:
        return [step for step in self.steps() if not self.is_complete(step)]

    def is_open(self, step: str) -> bool:
        """A page can be shown once every page before it has been answered."""
        steps = self.steps()
        if step not in steps:
            return False
        return all(self.is_complete(s) for s in steps[: steps.index(step)])

    def previous(self, step: str) -> str | None:
        steps = self.steps()
        index = steps.index(step) if step in steps else 0
        return steps[index - 1] if index > 0 else None

    # Files, waiting in private storage until the case exists

    def uploads(self, purpose: str | None = None) -> list[dict]:
        """The files waiting for this journey; those that `purge_pending_uploads` removed after
        a day away are forgotten, so the summary never lists them and sending never looks for
        them."""
        from casework.models import private_storage

        uploads = self.state.get("uploads", [])
        kept = [u for u in uploads if private_storage.exists(u["path"])]
        if len(kept) != len(uploads):
            self.state["uploads"] = kept
            self._save()
            uploads = kept
        if purpose is None:
            return list(uploads)
        return [u for u in uploads if u["purpose"] == purpose]

    def add_upload(self, record: dict) -> None:
        self.state.setdefault("uploads", []).append(record)
        self._save()

    def remove_upload(self, upload_id: str) -> dict | None:
        for record in self.state.get("uploads", []):
            if record["id"] == upload_id:
                self.state["uploads"].remove(record)
                self._save()
                return record
        return None

    def uploads_to_send(self) -> list[dict]:
        """Consent documents count only when someone acts for a resident."""
        return [u for u in self.uploads() if u["purpose"] != "consent" or self.is_representative]

    # The honeypot: a field people never see

    def flag_honeypot(self) -> None:
        self.state["honeypot"] = True
        self._save()

    @property
    def honeypot_filled(self) -> bool:
        return bool(self.state.get("honeypot"))

    # Sending, once

    def submission_token(self) -> str:
        """The token the check-your-answers form carries: one case per token."""
        if "token" not in self.state:
            self.state["token"] = uuid.uuid4().hex
            self._save()
        return self.state["token"]

    def submissions(self) -> dict:
        return self.session.get(SUBMITTED_KEY, {})

    def submission(self, token: str) -> dict | None:
        return self.submissions().get(token)

    def last_submission(self) -> dict | None:
        submissions = self.submissions()
        return submissions[next(reversed(submissions))] if submissions else None

    def finish(self, token: str, *, case_id: int | None, email_to: str = "") -> None:
        """Forget the answers; remember which case the token made (None: nothing was made)."""
        submissions = dict(self.submissions())
        submissions[token] = {"case": case_id, "email_to": email_to}
        self.session[SUBMITTED_KEY] = dict(list(submissions.items())[-SUBMISSIONS_KEPT:])
        self.state = {}
        self.session.pop(SESSION_KEY, None)
        self.session.modified = True

    def lock(self) -> None:
        """Hold this session's row until the transaction ends, so that two copies of the same
        form (a double click) are handled one after the other, never side by side."""
        model = getattr(self.session, "model", None)
        if model is not None and self.session.session_key:
            model.objects.filter(session_key=self.session.session_key).update(
                expire_date=F("expire_date")
            )

    def refresh(self) -> None:
        """Read the session again as it is stored now: a copy of this form sent a moment
        earlier may have been sent, and cleared the answers, since this request began."""
        if not self.session.session_key:
            return
        stored = type(self.session)(session_key=self.session.session_key).load()
        for key in (SESSION_KEY, SUBMITTED_KEY):
            if key in stored:
                self.session[key] = stored[key]
            else:
                self.session.pop(key, None)
        self.state = self.session.get(SESSION_KEY) or {}
        self.session.modified = True
