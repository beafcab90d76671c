"""Files on the case (Code 5.12: the full record includes what was sent and received), kept in
private storage and served only through a permission-checked view."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from casework import uploads
from casework.choices import Visibility
from casework.models import Case, CaseDocument, Correspondence
from casework.services.record import TransitionRefused, correspondence_record, refuse_if


def document_problems(files) -> list[str]:
    """What is wrong with the files, in words for the member of staff; empty when nothing is."""
    problems = []
    if len(files) > uploads.max_files():
        problems.append(
            ngettext(
                "You can attach up to %(count)d file at a time.",
                "You can attach up to %(count)d files at a time.",
                uploads.max_files(),
            )
            % {"count": uploads.max_files()}
        )
    for uploaded in files:
        if message := uploads.problem(uploaded, uploads.sniff_file(uploaded)):
            problems.append(message)
    return problems


def _documents_store(
    *, case: Case, actor, files, visibility: str, correspondence: Correspondence | None
) -> list[CaseDocument]:
    """Save each file to private storage and record it. Called inside the caller's transaction;
    files already stored are deleted again if a later one fails, so nothing is left behind."""
    documents = []
    try:
        for uploaded in files:
            # Stored as what it really is, under that extension, images without metadata.
            checked = uploads.file_check(uploaded)
            document = CaseDocument(
                case=case,
                correspondence=correspondence,
                original_name=checked.name,
                content_type=checked.content_type,
                size=len(checked.content),
                visibility=visibility,
                uploaded_by=actor,
            )
            document.file.save(checked.name, checked.as_file(), save=False)
            document.save()
            documents.append(document)
    except Exception:
        for document in documents:
            document.file.delete(save=False)
        raise
    return documents


@transaction.atomic
def correspondence_record_with_documents(
    *,
    case: Case,
    actor,
    files=(),
    visibility: str = Visibility.INTERNAL,
    **correspondence,
) -> Correspondence:
    """Record a letter, email or call, in or out (see `correspondence_record`), with the files
    that came with it or were sent. Every file is checked, by what it contains and its size,
    before anything is written; `visibility` says whether the resident sees the files on their
    case page."""
    files = list(files or [])
    problems = document_problems(files)
    if files and visibility not in Visibility.values:
        problems.append(_("Say who can see the attached files."))
    try:
        item = correspondence_record(case=case, actor=actor, **correspondence)
    except TransitionRefused as refused:
        # Say everything that is wrong at once, not the files only after the rest is fixed.
        raise TransitionRefused(refused.problems + problems) from None
    refuse_if(problems)
    _documents_store(
        case=case, actor=actor, files=files, visibility=visibility, correspondence=item
    )
    return item
