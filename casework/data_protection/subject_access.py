"""Subject access (UK GDPR article 15): finding a person across cases, and exporting
everything held about them as one ZIP.

The ZIP holds `index.html` and the same as `index.pdf` (tagged, through casework/pdf.py): their
details, adjustments, disclosures and contact restrictions, who viewed those (the access log),
their requests, and each of their cases with its stages, timeline, correspondence, letters,
emails sent, remedies, actions and Ombudsman referral; then every file on their cases under
`files/<reference>/` (uploads and letters' PDFs) and every email under `emails/<reference>/`.

What is about someone else in the same record (the other party on a case, the staff named in a
complaint, correspondence, letters and emails to others) is shown, and marked in the index for
redaction review before the export is sent. Reading the disclosures and adjustments into an
export is logged like any other view of them (Code 5.10).
"""

import datetime as dt
import re
import shutil
import zipfile
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, Value
from django.db.models.functions import Replace
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from casework.models import (
    Case,
    CaseDocument,
    DataProtectionRequest,
    Letter,
    OutboundEmail,
    Person,
    SensitiveDataView,
    TimelineEntry,
)
from casework.pdf import html_to_pdf
from casework.services import sensitive_data_viewed

REFERENCE = re.compile(r"^[A-Z]{2,5}-\d{4}-\d+$", re.IGNORECASE)


def people_search(query: str):
    """People matching a name, email, phone, address or postcode, or named on the case with this
    reference; those already erased are left out. One query; paginate the result."""
    query = query.strip()
    if not query:
        return Person.objects.none()
    if REFERENCE.match(query):
        match = Q(cases__reference__iexact=query) | Q(represented_cases__reference__iexact=query)
    else:
        match = (
            Q(full_name__icontains=query)
            | Q(email__iexact=query)
            | Q(postal_address__icontains=query)
            | Q(postcode__iexact=query)
            | Q(organisation__icontains=query)
        )
        digits = re.sub(r"\D", "", query)
        if len(digits) >= 6:
            match |= Q(phone_digits__contains=digits)
    ids = (
        Person.objects.annotate(phone_digits=Replace("phone", Value(" "), Value("")))
        .filter(match)
        .values("pk")
    )
    return (
        Person.objects.filter(pk__in=ids)
        .exclude(full_name="", email="")
        .annotate(
            case_count=Count("cases", distinct=True),
            represented_count=Count("represented_cases", distinct=True),
        )
        .order_by("full_name", "pk")
    )


def subject_people(person: Person) -> list[Person]:
    """The person and every other record of them: people with the same email address."""
    if not person.email:
        return [person]
    return list(Person.objects.filter(email__iexact=person.email).order_by("pk"))


@dataclass
class Flag:
    """Something about someone else, for review before the export is sent."""

    where: str
    whose: str


@dataclass
class CaseExport:
    case: Case
    role: str
    other_people: list[Person]
    stages: list
    timeline: list
    correspondence: list
    documents: list
    letters: list
    emails: list
    remedies: list
    actions: list
    referrals: list
    flags: list[Flag] = field(default_factory=list)


@dataclass
class Export:
    people: list[Person]
    cases: list[CaseExport]
    adjustments: list
    disclosures: list
    restrictions: list
    views: list
    requests: list
    generated_at: dt.datetime
    flags: list[Flag] = field(default_factory=list)

    def files(self):
        """(path in the ZIP, document) for every stored file, in the order of the index."""
        for case_export in self.cases:
            for document in case_export.documents:
                yield document.zip_path, document

    def emails(self):
        for case_export in self.cases:
            for email in case_export.emails:
                yield email.zip_path, email


def _zip_name(reference: str, number: int, name: str) -> str:
    return f"{reference}/{number:03d}-{get_valid_filename(name) or 'file'}"


def _case_queryset(people: list[Person]):
    return (
        Case.objects.filter(Q(resident__in=people) | Q(representative__in=people))
        .distinct()
        .select_related("resident", "representative", "category")
        .prefetch_related(
            "stages__handler",
            "stages__extensions",
            "remedies",
            "actions",
            "staff_complained_about",
            "ombudsman_referrals__evidence_requests",
            "ombudsman_referrals__determination__orders",
            "correspondence",
            Prefetch("timeline", TimelineEntry.objects.select_related("actor")),
            Prefetch("documents", CaseDocument.objects.exclude(file="")),
            Prefetch("letters", Letter.objects.all()),
            Prefetch("emails", OutboundEmail.objects.order_by("created_at", "pk")),
        )
        .order_by("received_at", "pk")
    )


def _case_export(case: Case, people: list[Person]) -> CaseExport:
    ids = {p.pk for p in people}
    names = {p.full_name.lower() for p in people if p.full_name}
    emails = {p.email.lower() for p in people if p.email}
    role = _("Resident") if case.resident_id in ids else _("Representative")
    others = [p for p in (case.resident, case.representative) if p and p.pk not in ids]
    export = CaseExport(
        case=case,
        role=role,
        other_people=others,
        stages=sorted(case.stages.all(), key=lambda s: s.number),
        timeline=list(case.timeline.all()),
        correspondence=list(case.correspondence.all()),
        documents=list(case.documents.all()),
        letters=list(case.letters.all()),
        emails=list(case.emails.all()),
        remedies=list(case.remedies.all()),
        actions=list(case.actions.all()),
        referrals=list(case.ombudsman_referrals.all()),
    )
    flag = export.flags.append
    for other in others:
        flag(Flag(_("%(reference)s: the other person on the case") % _ref(case), other.full_name))
    for member in case.staff_complained_about.all():
        flag(
            Flag(
                _("%(reference)s: staff named in the complaint") % _ref(case),
                member.get_full_name() or member.get_username(),
            )
        )
    for item in export.correspondence:
        who = item.correspondent.lower()
        item.review = not any(name in who for name in names | emails)
        if item.review:
            flag(Flag(_("%(reference)s: correspondence") % _ref(case), item.correspondent))
    for number, document in enumerate(export.documents, start=1):
        document.zip_path = "files/" + _zip_name(case.reference, number, document.original_name)
    for letter in export.letters:
        recipients = [r for r in letter.sent_to if r.get("name", "").lower() not in names]
        letter.review = bool(recipients)
        for recipient in recipients:
            flag(
                Flag(
                    _("%(reference)s: letter “%(subject)s”")
                    % {**_ref(case), "subject": letter.subject},
                    recipient.get("name", ""),
                )
            )
    for number, email in enumerate(export.emails, start=1):
        email.zip_path = "emails/" + _zip_name(case.reference, number, f"{email.subject}.txt")
        others_to = [a for a in email.to if a.lower() not in emails]
        email.review = bool(others_to)
        for address in others_to:
            flag(
                Flag(
                    _("%(reference)s: email “%(subject)s”")
                    % {**_ref(case), "subject": email.subject},
                    address,
                )
            )
    for entry in export.timeline:
        entry.review = any(
            other.full_name and other.full_name.lower() in entry.summary.lower() for other in others
        )
    return export


def _ref(case: Case) -> dict:
    return {"reference": case.reference}


def export_gather(people: list[Person]) -> Export:
    """Everything held about these records of one person, read in a fixed number of queries."""
    cases = [_case_export(case, people) for case in _case_queryset(people)]
    export = Export(
        people=people,
        cases=cases,
        adjustments=[a for p in people for a in p.adjustments.all()],
        disclosures=[d for p in people for d in p.disclosures.all()],
        restrictions=[r for p in people for r in p.restrictions.all()],
        views=list(
            SensitiveDataView.objects.filter(person__in=people)
            .select_related("viewed_by")
            .order_by("viewed_at", "pk")
        ),
        requests=list(DataProtectionRequest.objects.filter(person__in=people)),
        generated_at=timezone.now(),
    )
    export.flags = [flag for case_export in cases for flag in case_export.flags]
    return export


def export_html(export: Export, *, for_pdf: bool = False) -> str:
    return render_to_string(
        "casework/data_protection/export.html", {"export": export, "for_pdf": for_pdf}
    )


def export_write(people: list[Person], out, *, user=None, where: str) -> Export:
    """Write the ZIP for these records of one person to the binary file `out`. Files are copied
    from storage a chunk at a time, never read whole into memory."""
    export = export_gather(people)
    if export.adjustments or export.disclosures:
        for person in people:
            sensitive_data_viewed(person=person, user=user, where=where)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("index.html", export_html(export))
        archive.writestr("index.pdf", html_to_pdf(export_html(export, for_pdf=True)))
        for path, document in export.files():
            with document.file.open("rb") as source, archive.open(path, "w") as target:
                shutil.copyfileobj(source, target, 1024 * 1024)
        for path, email in export.emails():
            archive.writestr(path, _email_text(email))
    return export


def _email_text(email: OutboundEmail) -> str:
    lines = [
        f"{_('To')}: {', '.join(email.to)}",
        f"{_('Subject')}: {email.subject}",
        f"{_('Queued')}: {timezone.localtime(email.created_at):%Y-%m-%d %H:%M}",
        f"{_('Sent')}: "
        + (f"{timezone.localtime(email.sent_at):%Y-%m-%d %H:%M}" if email.sent_at else "-"),
        "",
        email.body_text,
    ]
    return "\n".join(lines)


def export_file_name(person: Person, today: dt.date) -> str:
    return f"subject-access-{person.pk}-{today.isoformat()}.zip"
