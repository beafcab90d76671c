"""Emails to residents and representatives when their case changes (issue 5, Notifications):
acknowledgement, extension, escalation received, a request for their comments, and withdrawal.

Each is written to the outbox inside the service's transaction (never lost), under a dedupe key
naming the change and the person (never sent twice), in the person's own language. Letters are
emailed by `letter_issue` and online actions are confirmed by the follow pages, so neither is
repeated here.

Who is emailed respects what is recorded about them:
- the representative only while the resident's consent is in place (deemed or recorded);
- nobody who asked us to write by post, phone or text rather than email (their preferred
  contact method), and nobody without an email address;
- nobody under a contact restriction in force (Code 5.14-5.15): it says in words how contact
  is limited, so a person decides how to tell them.
Whoever is not emailed is named on the case's staff timeline, so the change still reaches them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from casework.choices import ConsentBasis, ContactMethod
from casework.models import Case, OmbudsmanScheme, Person
from casework.outbox import email_queue
from casework.process import public_url


@dataclass(frozen=True)
class Addressee:
    person: Person
    role: str  # "resident" or "representative"


def entitled_people(case: Case) -> list[Addressee]:
    """The resident, and the representative while the resident's consent is in place."""
    people = [Addressee(case.resident, "resident")]
    if case.representative_id and case.consent_basis in (
        ConsentBasis.DEEMED,
        ConsentBasis.RECORDED,
    ):
        people.append(Addressee(case.representative, "representative"))
    return people


def restriction_in_force(person: Person, today) -> bool:
    return any(
        restriction.starts_on <= today
        and (restriction.ended_on is None or restriction.ended_on > today)
        for restriction in person.restrictions.all()
    )


def why_not_emailed(person: Person, today) -> str:
    """Empty when we may email this person; otherwise the reason, for staff."""
    if restriction_in_force(person, today):
        return _("a contact restriction is in force; contact them as it allows")
    if person.preferred_contact_method != ContactMethod.EMAIL:
        return _("they asked to be contacted by %(method)s") % {
            "method": ContactMethod(person.preferred_contact_method).label.lower()
        }
    if not person.email:
        return _("we have no email address for them")
    return ""


def _follow_url(case: Case) -> str:
    try:
        path = reverse("follow:case", args=[case.reference])
    except NoReverseMatch:  # a site without the public follow pages
        return ""
    return public_url(path)


def resident_notify(
    *,
    case: Case,
    change: str,
    key: str,
    subject: Callable[[], str],
    message: Callable[[], str],
    ombudsman: bool = False,
) -> list[str]:
    """Email the change to everyone entitled to hear of it; return the roles emailed.

    `subject` and `message` are called inside each person's language. `key` names this one
    change (e.g. the stage or extension id), so queuing it again sends nothing more.
    With `ombudsman`, the Ombudsman's contact details are added (Code 6.5, 6.16).
    """
    from casework.services.record import timeline_record  # services import this module

    today = timezone.localdate()
    emailed, not_emailed = [], []
    for addressee in entitled_people(case):
        person = addressee.person
        reason = why_not_emailed(person, today)
        if reason:
            not_emailed.append((addressee, reason))
            continue
        with override(person.preferred_language or settings.LANGUAGE_CODE):
            context = {
                "person": person,
                "resident": case.resident,
                "role": addressee.role,
                "case": case,
                "message": message(),
                "scheme": OmbudsmanScheme.for_kind() if ombudsman else None,
                "url": _follow_url(case),
            }
            email_queue(
                to=[person.email],
                subject=subject(),
                body_text=render_to_string("casework/email/resident_change.txt", context),
                purpose=f"resident_{change}",
                case=case,
                dedupe_key=f"resident:{change}:{key}:{addressee.role}:{person.pk}",
            )
        emailed.append(addressee.role)
    for addressee, reason in not_emailed:
        timeline_record(
            case=case,
            event="tell_by_other_means",
            summary=_("Not emailed to %(name)s (%(role)s): %(reason)s. Tell them another way.")
            % {
                "name": addressee.person.full_name,
                "role": _("resident") if addressee.role == "resident" else _("representative"),
                "reason": reason,
            },
            data={"change": change, "role": addressee.role},
        )
    return emailed
