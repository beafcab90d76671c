"""Photos and documents sent with a complaint.

A file is checked by what it contains, not by its name: a program renamed photo.jpg is still a
program. Accepted files are stored at once in private storage, in a folder of their own for the
journey, so a mistake elsewhere on the page never loses them; they become case documents when
the answers are sent.
"""

import logging
import uuid

from django.core.files.base import File
from django.utils.translation import ngettext

from casework.choices import Visibility
from casework.models import Case, CaseDocument, private_storage

# The checks themselves are casework's, so staff screens accept and refuse the same files.
from casework.uploads import (  # noqa: F401 (the views and portal.follow use them from here)
    allowed_types_text,
    display_name,
    max_bytes,
    max_files,
    problem,
    size_text,
    sniff,
)
from portal.raise_case.journey import Journey

logger = logging.getLogger(__name__)

PENDING_FOLDER = "pending"


def pending_path(journey: Journey) -> str:
    return f"{PENDING_FOLDER}/{journey.id}/{uuid.uuid4().hex}"


def accept(journey: Journey, files, *, purpose: str) -> list[str]:
    """Store each acceptable file for the journey; say what was wrong with the others."""
    problems = []
    room = max_files() - len(journey.uploads(purpose))
    for uploaded in files:
        head = uploaded.read(16)
        uploaded.seek(0)
        content_type = sniff(head)
        if message := problem(uploaded, content_type):
            problems.append(message)
            continue
        if room <= 0:
            problems.append(
                ngettext(
                    "You can add up to %(count)d file. Remove it to add %(name)s.",
                    "You can add up to %(count)d files. Remove one to add %(name)s.",
                    max_files(),
                )
                % {"count": max_files(), "name": display_name(uploaded.name)}
            )
            continue
        path = private_storage.save(pending_path(journey), File(uploaded))
        journey.add_upload(
            {
                "id": uuid.uuid4().hex,
                "purpose": purpose,
                "path": path,
                "name": display_name(uploaded.name),
                "size": uploaded.size,
                "content_type": content_type,
            }
        )
        room -= 1
    return problems


def remove(journey: Journey, upload_id: str) -> None:
    record = journey.remove_upload(upload_id)
    if record is not None:
        private_storage.delete(record["path"])


def discard(records: list[dict]) -> None:
    """Delete files that wait for a case that will not be made, or that has its own copies."""
    for record in records:
        try:
            private_storage.delete(record["path"])
        except OSError:
            logger.warning("Could not delete pending upload %s", record["path"], exc_info=True)


def attach(case: Case, records: list[dict], *, label: str) -> list[CaseDocument]:
    """Copy each waiting file onto the case, where the resident can see it.

    Called inside the transaction that logs the case. Files already copied are deleted again if
    a later one fails, so a failed submission leaves no orphans behind; the waiting files stay
    until the transaction commits.
    """
    documents = []
    try:
        for record in records:
            document = CaseDocument(
                case=case,
                original_name=record["name"],
                content_type=record["content_type"],
                size=record["size"],
                visibility=Visibility.RESIDENT,
                uploaded_by_label=label,
            )
            with private_storage.open(record["path"], "rb") as handle:
                document.file.save(record["name"], File(handle), save=False)
            document.save()
            documents.append(document)
    except Exception:
        for document in documents:
            document.file.delete(save=False)
        raise
    return documents


def attach_files(case: Case, files, *, label: str) -> list[CaseDocument]:
    """Put files sent with a later message straight onto the case, where the resident can see
    them. Check them with `problem` first."""
    documents = []
    for uploaded in files:
        head = uploaded.read(16)
        uploaded.seek(0)
        document = CaseDocument(
            case=case,
            original_name=display_name(uploaded.name),
            content_type=sniff(head) or "application/octet-stream",
            size=uploaded.size,
            visibility=Visibility.RESIDENT,
            uploaded_by_label=label,
        )
        document.file.save(display_name(uploaded.name), File(uploaded), save=False)
        document.save()
        documents.append(document)
    return documents
