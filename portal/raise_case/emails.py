"""The email that confirms a case was received.

Written to the casework outbox in the same transaction as the case, so it is sent after the
case is saved, retried when the mail server is down, and never sent twice.
"""

from django.conf import settings
from django.core import signing
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Site

from casework.choices import CaseKind, ConsentBasis
from casework.models import Case, OmbudsmanScheme, Person
from casework.outbox import email_queue
from casework.process import public_url
from cms_pages.models import BrandingSettings


def recipient(case: Case) -> Person | None:
    """Whoever we reply to: the representative when there is one, else the resident."""
    for person in (case.representative, case.resident):
        if person is not None and person.email:
            return person
    return None


def confirmation_context(case: Case) -> dict:
    stage = case.stage(1) if case.is_complaint else None
    site = Site.objects.filter(is_default_site=True).first()
    branding = BrandingSettings.for_site(site) if site else BrandingSettings()
    return {
        "case": case,
        "kind": case.kind,
        "kinds": CaseKind,
        "acknowledgement_due_on": stage.acknowledgement_due_on if stage else None,
        "ombudsman": OmbudsmanScheme.for_kind(),
        "branding": branding,
    }


def subject_for(case: Case) -> str:
    subjects = {
        CaseKind.COMPLAINT: _("We have received your complaint: %(reference)s"),
        CaseKind.SERVICE_REQUEST: _("We have received your request: %(reference)s"),
        CaseKind.COMPLIMENT: _("Thank you for your compliment: %(reference)s"),
        CaseKind.COMMENT: _("Thank you for your comment: %(reference)s"),
    }
    return subjects[CaseKind(case.kind)] % {"reference": case.reference}


def queue_submission_confirmation(case: Case) -> str:
    """Queue the email with the reference and what happens next, inside the transaction that
    logs the case. Returns the address it will go to, or "" when there is none."""
    person = recipient(case)
    if person is None:
        return ""
    language = person.preferred_language or settings.LANGUAGE_CODE
    with override(language):
        follow_url = public_url(reverse("follow:start"))
        context = {**confirmation_context(case), "person": person, "follow_url": follow_url}
        email_queue(
            to=[person.email],
            subject=subject_for(case),
            body_text=render_to_string("raise_case/email/confirmation.txt", context),
            body_html=render_to_string("raise_case/email/confirmation.html", context),
            purpose="submission_confirmation",
            case=case,
            dedupe_key=f"submission-confirmation:{case.pk}",
        )
    return person.email


CONSENT_SALT = "redress.raise_case.consent"
CONSENT_LINK_DAYS = 30


def consent_token(case: Case) -> str:
    """A signed, unguessable key to one case's consent question, for its resident only."""
    return signing.dumps({"case": case.pk, "resident": case.resident_id}, salt=CONSENT_SALT)


def consent_case(token: str) -> Case | None:
    """The case a consent link is for, or None when the link is altered or too old."""
    try:
        value = signing.loads(token, salt=CONSENT_SALT, max_age=CONSENT_LINK_DAYS * 86400)
    except signing.BadSignature:
        return None
    return (
        Case.objects.select_related("resident", "representative")
        .filter(pk=value.get("case"), resident_id=value.get("resident"))
        .first()
    )


def queue_consent_request(case: Case) -> bool:
    """When someone acts for a resident on their declaration alone, ask the resident to confirm
    where we have their email address (issue 4, Raise). Queued with the case."""
    resident = case.resident
    if (
        case.representative is None
        or case.consent_basis == ConsentBasis.DEEMED
        or not resident.email
    ):
        return False
    language = resident.preferred_language or settings.LANGUAGE_CODE
    with override(language):
        link = public_url(reverse("raise_case:consent", args=[consent_token(case)]))
        context = {
            **confirmation_context(case),
            "person": resident,
            "representative": case.representative,
            "link": link,
            "days": CONSENT_LINK_DAYS,
        }
        email_queue(
            to=[resident.email],
            subject=_("Is %(name)s acting for you? %(reference)s")
            % {"name": case.representative.full_name, "reference": case.reference},
            body_text=render_to_string("raise_case/email/consent_request.txt", context),
            body_html=render_to_string("raise_case/email/consent_request.html", context),
            purpose="consent_request",
            case=case,
            dedupe_key=f"consent-request:{case.pk}",
        )
    return True
