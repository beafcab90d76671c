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
    file_check,
    max_bytes,
    max_files,
    problem,
    size_text,
    sniff,
    sniff_file,
)
from portal.raise_case.journey import Journey

logger = logging.getLogger(__name__)

PENDING_FOLDER = "pending"


def pending_path(journey: Journey) -> str:
    return f"{PENDING_FOLDER}/{journey.id}/{uuid.uuid4().hex}"


def accept(
    journey: Journey, files, *, purpose: str, quota=None, quota_message: str = ""
) -> list[str]:
    """Store each acceptable file for the journey; say what was wrong with the others.
    `quota(size)` answers whether the sender may store that many more bytes (the daily
    allowance per address; `quota_message` says so when not)."""
    problems = []
    room = max_files() - len(journey.uploads(purpose))
    for uploaded in files:
        content_type = sniff_file(uploaded)
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
        checked = file_check(uploaded)
        if quota is not None and not quota(len(checked.content)):
            problems.append(quota_message)
            continue
        path = private_storage.save(pending_path(journey), checked.as_file())
        journey.add_upload(
            {
                "id": uuid.uuid4().hex,
                "purpose": purpose,
                "path": path,
                "name": checked.name,
                "size": len(checked.content),
                "content_type": checked.content_type,
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
    them, as they really are (`file_check`). Check them with `problem` first."""
    documents = []
    for uploaded in files:
        checked = file_check(uploaded)
        document = CaseDocument(
            case=case,
            original_name=checked.name,
            content_type=checked.content_type,
            size=len(checked.content),
            visibility=Visibility.RESIDENT,
            uploaded_by_label=label,
        )
        document.file.save(checked.name, checked.as_file(), save=False)
        document.save()
        documents.append(document)
    return documents
