"""Photos and documents sent with a complaint.

A file is checked by what it contains, not by its name: a program renamed photo.jpg is still a
program. Accepted files are stored at once in private storage, in a folder of their own for the
journey, so a mistake elsewhere on the page never loses them; they become case documents when
the answers are sent.
"""

import logging
import posixpath
import uuid

from django.conf import settings
from django.core.files.base import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from casework.choices import Visibility
from casework.models import Case, CaseDocument, private_storage
from portal.raise_case.journey import Journey

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_FILES = 5
PENDING_FOLDER = "pending"

# What we accept, named as residents know them, and the first bytes that identify each.
JPEG, PNG, HEIC, PDF = "image/jpeg", "image/png", "image/heic", "application/pdf"
TYPE_NAMES = {JPEG: "JPG", PNG: "PNG", HEIC: "HEIC", PDF: "PDF"}
# HEIC (photos from iPhones) is an ISO media file: "ftyp" at byte 4, then the brand.
HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}


def max_bytes() -> int:
    return getattr(settings, "REDRESS_UPLOAD_MAX_BYTES", DEFAULT_MAX_BYTES)


def max_files() -> int:
    return getattr(settings, "REDRESS_UPLOAD_MAX_FILES", DEFAULT_MAX_FILES)


def allowed_types_text() -> str:
    return _("JPG, PNG, HEIC or PDF")


def size_text(size: int) -> str:
    """A size as GOV.UK writes it, "10MB", when it is a whole number of megabytes."""
    megabyte = 1024 * 1024
    if size >= megabyte and size % megabyte == 0:
        return _("%(count)dMB") % {"count": size // megabyte}
    return filesizeformat(size)


def sniff(head: bytes) -> str | None:
    """The content type the file's first bytes show, or None when it is none we accept."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"%PDF-"):
        return PDF
    if head[4:8] == b"ftyp" and head[8:12] in HEIC_BRANDS:
        return HEIC
    return None


def display_name(name: str) -> str:
    """The file's own name without any folder a browser sent with it."""
    name = posixpath.basename((name or "").replace("\\", "/")).strip()
    return name[-200:] or _("Unnamed file")


def problem(uploaded, content_type: str | None) -> str | None:
    name = display_name(uploaded.name)
    if uploaded.size == 0:
        return _("%(name)s is empty. Choose a file with something in it.") % {"name": name}
    if uploaded.size > max_bytes():
        return _("%(name)s must be smaller than %(size)s.") % {
            "name": name,
            "size": size_text(max_bytes()),
        }
    if content_type is None:
        return _(
            "%(name)s must be a %(types)s file. We check what is inside a file, not just its "
            "name, and this file is something else."
        ) % {"name": name, "types": allowed_types_text()}
    return None


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
