"""Who may see which case: the person signed in with an email address sees the cases where it
is the resident's or the representative's address, and nothing else (issue 4, Follow)."""

import time

from django.db.models import Q, QuerySet

from casework.models import Case

SESSION_EMAIL = "follow_email"
SESSION_SINCE = "follow_signed_in_at"
# How long a sign-in lasts without being used.
IDLE_SECONDS = 2 * 60 * 60


def cases_for(email: str) -> QuerySet:
    """A resident's cases, including those a representative raised for them; a
    representative's, only those they act on. A case whose personal data has been removed
    (its retention period ended, or they asked for erasure) is no longer shown: nothing of theirs
    is left in it."""
    return Case.objects.filter(
        Q(resident__email__iexact=email) | Q(representative__email__iexact=email),
        erasure__isnull=True,
    )


def sign_in(request, email: str) -> None:
    request.session.cycle_key()
    request.session[SESSION_EMAIL] = email
    request.session[SESSION_SINCE] = int(time.time())


def sign_out(request) -> None:
    request.session.pop(SESSION_EMAIL, None)
    request.session.pop(SESSION_SINCE, None)
    request.session.cycle_key()


def signed_in_email(request) -> str | None:
    """The address this browser signed in with, while the sign-in is fresh; each use keeps it
    fresh."""
    email = request.session.get(SESSION_EMAIL)
    since = request.session.get(SESSION_SINCE, 0)
    if not email or time.time() - since > IDLE_SECONDS:
        return None
    request.session[SESSION_SINCE] = int(time.time())
    return email


def acting_person(case: Case, email: str):
    """Who, of the case's people, the signed-in address belongs to."""
    for person in (case.representative, case.resident):
        if person is not None and person.email and person.email.lower() == email.lower():
            return person
    return case.resident
