"""What a file must be before it goes on a case: checked by what it contains, not by its name
(a program renamed photo.jpg is still a program), and by its size.

Pure functions, shared by the resident's online forms (portal) and the staff screens, so both
accept and refuse the same files with the same words.
"""

import posixpath

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_FILES = 5

# What we accept, named as residents know them, and the first bytes that identify each.
JPEG, PNG, HEIC, PDF = "image/jpeg", "image/png", "image/heic", "application/pdf"
TYPE_NAMES = {JPEG: "JPG", PNG: "PNG", HEIC: "HEIC", PDF: "PDF"}
# HEIC (photos from iPhones) is an ISO media file: "ftyp" at byte 4, then the brand.
HEIC_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
# Enough of the start of a file to tell each type above apart.
HEAD_BYTES = 16


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


def sniff_file(uploaded) -> str | None:
    """`sniff` an uploaded file, leaving it ready to be read from the start."""
    head = uploaded.read(HEAD_BYTES)
    uploaded.seek(0)
    return sniff(head)


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
