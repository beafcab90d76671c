"""Removing personal data, as the register says: from the database and from file storage.

Files are deleted through their field's storage (the project's private storage, whatever
STORAGES puts behind it), never through paths on this machine. Each erasure is one
transaction: the rows are blanked, then the files deleted, so a failed delete rolls the rows
back and the next run deletes the rest (deleting a missing file does nothing).

Timeline entries, letters and correspondence are otherwise append-only (Code 5.12): this module
is the one place that changes them, through the model's base manager, and only to blank them.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from casework.data_protection.register import (
    BY_MODEL,
    CASE,
    PERSON,
    blanks,
    holdings,
    keyed_json_erase,
    not_blank,
)
from casework.models import Case, CaseDocument, CaseErasure, OutboundEmail, Person
from casework.services import timeline_record


@dataclass
class ErasureCounts:
    cases: int = 0
    people: int = 0
    files: int = 0
    emails: int = 0

    def add(self, other: "ErasureCounts") -> None:
        self.cases += other.cases
        self.people += other.people
        self.files += other.files
        self.emails += other.emails


def _rows(holding, pk: int):
    manager = holding.model._base_manager
    return manager.filter(**{holding.path: pk})


def stored_files(case: Case) -> list[CaseDocument]:
    """The case's documents that still have a file in storage: uploads and letters' PDFs."""
    return list(CaseDocument.objects.filter(case=case).exclude(file=""))


@transaction.atomic
def case_erase(*, case: Case, why: str) -> ErasureCounts:
    """Remove the case's personal data, keep its skeleton, and then erase each of its people
    whom no other case still keeps. Does nothing to a case already erased."""
    if CaseErasure.objects.filter(case=case).exists():
        return ErasureCounts()
    documents = stored_files(case)
    emails = OutboundEmail.objects.filter(case=case).filter(not_blank(BY_MODEL[OutboundEmail]))
    counts = ErasureCounts(cases=1, files=len(documents), emails=emails.count())
    for holding in holdings(CASE):
        rows = _rows(holding, case.pk)
        if holding.delete_rows:
            rows.delete()
        elif holding.erase:
            keyed_json_erase(holding, rows)
            rows.update(**blanks(holding))
        for name in holding.clear:
            getattr(case, name).clear()
    CaseErasure.objects.create(case=case, why=why, files_removed=len(documents))
    timeline_record(
        case=case,
        event="personal_data_erased",
        summary=str(
            _("Personal data removed (%(why)s). Dates, stages and outcomes are kept.")
            % {"why": CaseErasure.Why(why).label}
        ),
        actor_label=_("Data retention"),
        data={"why": why},
    )
    for person_id in {case.resident_id, case.representative_id} - {None}:
        if not people_keeping(person_id):
            counts.people += person_erase(person=Person.objects.get(pk=person_id))
    # Last, so that a failure leaves the rows as they were (see the module docstring).
    for document in documents:
        document.file.storage.delete(document.file.name)
    return counts


def people_keeping(person_id: int) -> bool:
    """Whether a case not yet erased still names this person."""
    return (
        Case.objects.filter(Q(resident_id=person_id) | Q(representative_id=person_id))
        .filter(erasure__isnull=True)
        .exists()
    )


@transaction.atomic
def person_erase(*, person: Person) -> int:
    """Blank the person and what they told us about themselves; 1 if anything was left."""
    if not Person.objects.filter(pk=person.pk).filter(not_blank(BY_MODEL[Person])).exists():
        return 0
    for holding in holdings(PERSON):
        rows = _rows(holding, person.pk)
        if holding.delete_rows:
            rows.delete()
        else:
            rows.update(**blanks(holding))
    return 1
