"""Issuing a letter (issue 5, Letters): checked, rendered once, kept, sent, on the timeline."""

from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from casework.choices import (
    AdjustmentKind,
    AdjustmentStatus,
    Channel,
    ConsentBasis,
    ContactMethod,
    Direction,
    Visibility,
)
from casework.letters.branding import LetterBranding, letter_branding
from casework.letters.drafting import (
    case_letter_problem,
    letter_language,
    letter_stage,
    template_for,
)
from casework.letters.render import letter_pdf, letter_render, signature
from casework.letters.rules import LetterType, letter_problems, letter_spec
from casework.models import Case, CaseDocument, Correspondence, Letter, Person
from casework.outbox import email_queue
from casework.process import process_settings
from casework.services.record import TransitionRefused, refuse_if, timeline_record
from casework.services.stages import stage_update_sent

PDF = "application/pdf"


@dataclass(frozen=True)
class Recipient:
    person: Person
    role: str  # "resident" or "representative"

    @property
    def by_post(self) -> bool:
        """They asked for letters by post, or we have no email address for them."""
        return self.person.preferred_contact_method == ContactMethod.LETTER or not self.person.email


def letter_recipients(case: Case) -> list[Recipient]:
    """The resident, and the representative when the resident's consent is in place (deemed
    or recorded; not while we wait for the resident to confirm it)."""
    recipients = [Recipient(case.resident, "resident")]
    if case.representative_id and case.consent_basis in (
        ConsentBasis.DEEMED,
        ConsentBasis.RECORDED,
    ):
        recipients.append(Recipient(case.representative, "representative"))
    return recipients


def needs_large_print(recipients: list[Recipient]) -> bool:
    """Code 5.10: a recorded reasonable adjustment is made, every time."""
    return any(
        adjustment.kind == AdjustmentKind.LARGE_PRINT
        and adjustment.status == AdjustmentStatus.ACTIVE
        for recipient in recipients
        for adjustment in recipient.person.adjustments.all()
    )


def _document(
    case: Case, *, name: str, content: bytes, actor, correspondence: Correspondence
) -> CaseDocument:
    document = CaseDocument(
        case=case,
        correspondence=correspondence,
        original_name=name,
        content_type=PDF,
        size=len(content),
        visibility=Visibility.RESIDENT,
        uploaded_by=actor,
    )
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def _file_name(case: Case, subject: str, *, large_print: bool = False) -> str:
    stem = f"{case.reference} {slugify(subject)[:60]}".strip()
    return f"{stem} large print.pdf" if large_print else f"{stem}.pdf"


@transaction.atomic
def letter_issue(
    *,
    case: Case,
    letter_type: str,
    elements: dict,
    actor,
    branding: LetterBranding | None = None,
) -> Letter:
    """Issue a letter: refuse it while any required element is missing (naming each), render
    it once to a tagged PDF, keep that exact file on the case for the resident to see, email it
    to the resident and an entitled representative (or say it needs posting), and record it on
    the timeline and in the correspondence (Code 5.12)."""
    if letter_type not in LetterType.values:
        raise TransitionRefused([_("Choose which letter to write.")])
    problems = []
    availability = case_letter_problem(letter_type, case)
    if availability:
        problems.append(availability)
    problems += letter_problems(letter_type, elements)
    language = letter_language(case.resident.preferred_language, letter_type)
    template = template_for(letter_type, language)
    if template is None:
        problems.append(_("There is no template for this letter. Add one under Letter templates."))
    refuse_if(problems)

    keys = letter_spec(letter_type).element_keys
    elements = {key: str(elements.get(key) or "").strip() for key in keys}
    branding = branding or letter_branding(language=template.language)
    settings = process_settings()
    recipients = letter_recipients(case)
    large_print = needs_large_print(recipients)
    rendered = letter_render(
        case=case,
        template=template,
        elements=elements,
        branding=branding,
        signed_by=signature(
            actor,
            name_staff=settings.letters_name_staff,
            branding=branding,
            language=template.language,
        ),
    )
    body_text = rendered.text
    by_email = [r for r in recipients if not r.by_post]
    by_post = [r for r in recipients if r.by_post]
    correspondence = Correspondence.objects.create(
        case=case,
        direction=Direction.OUTGOING,
        channel=Channel.EMAIL if by_email else Channel.LETTER,
        correspondent=", ".join(r.person.full_name for r in recipients)[:200],
        subject=rendered.subject[:200],
        body=body_text,
        recorded_by=actor,
    )
    # Rendered once: the file kept is the file sent (a rolled-back issue leaves an unused file
    # in private storage, never a record pointing at a missing one).
    document = _document(
        case,
        name=_file_name(case, rendered.subject),
        content=letter_pdf(rendered),
        actor=actor,
        correspondence=correspondence,
    )
    large_document = None
    if large_print:
        large_document = _document(
            case,
            name=_file_name(case, rendered.subject, large_print=True),
            content=letter_pdf(rendered, large_print=True),
            actor=actor,
            correspondence=correspondence,
        )
    attachments = [document, *([large_document] if large_document else [])]
    letter = Letter.objects.create(
        case=case,
        stage=letter_stage(letter_type, case),
        letter_type=letter_type,
        language=template.language,
        template=template,
        subject=rendered.subject,
        elements=elements,
        body_text=body_text,
        document=document,
        large_print_document=large_document,
        sent_to=[
            {
                "name": r.person.full_name,
                "role": r.role,
                "by": "post" if r.by_post else "email",
                "to": r.person.postal_address if r.by_post else r.person.email,
            }
            for r in recipients
        ],
        issued_by=actor,
    )
    for recipient in by_email:
        with translation.override(template.language):
            email_queue(
                to=[recipient.person.email],
                subject=rendered.subject,
                body_text=render_to_string(
                    "casework/email/letter.txt",
                    {"letter": rendered, "recipient": recipient, "large_print": large_print},
                ),
                purpose=f"letter_{letter_type}",
                case=case,
                attachments=attachments,
                dedupe_key=f"letter:{letter.pk}:{recipient.role}",
            )
    timeline_record(
        case=case,
        actor=actor,
        event="letter_issued",
        summary=_("Letter sent: %(subject)s") % {"subject": rendered.subject},
        visibility=Visibility.RESIDENT,
        channel=Channel.EMAIL if by_email else Channel.LETTER,
        data={
            "letter": letter.pk,
            "letter_type": letter_type,
            "document": document.pk,
            "large_print_document": large_document.pk if large_document else None,
            "emailed_to": [r.role for r in by_email],
            "to_post": [r.role for r in by_post],
        },
    )
    for recipient in by_post:
        person = recipient.person
        if person.postal_address:
            summary = _("Print and post this letter to %(name)s at:\n%(address)s") % {
                "name": person.full_name,
                "address": person.postal_address.strip(),
            }
        else:
            summary = _(
                "%(name)s has no email or postal address on record. Call them to tell them "
                "about this letter and how they would like to get it."
            ) % {"name": person.full_name}
        if person.preferred_contact_method == ContactMethod.LETTER:
            summary += "\n" + _("They asked for letters by post.")
        if large_document:
            summary += "\n" + _("Send the large-print version.")
        timeline_record(
            case=case,
            actor=actor,
            event="letter_to_post",
            summary=summary,
            data={"letter": letter.pk, "role": recipient.role},
        )
    if letter_type == LetterType.UPDATE:
        # Code 5.9: an update letter is the agreed update; the next one falls due from today.
        stage_update_sent(
            case=case,
            actor=actor,
            summary=_("Update letter sent: %(subject)s") % {"subject": rendered.subject},
        )
    return letter
