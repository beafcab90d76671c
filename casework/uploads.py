"""What a file must be before it goes on a case: checked by what it contains, not by its name
(a program renamed photo.jpg is still a program), and by its size.

The first bytes only say what a file claims to be; `file_check` then opens it with a real parser
(pypdf for PDFs, Pillow for images) and refuses what does not open. What is kept is named with
the extension of what it really is, whatever name it came with (evil.html that is a real PDF is
kept as evil.pdf), and images are decoded and encoded again, which drops their metadata: a
phone photo's EXIF holds where it was taken, personal data we have no need of.

Shared by the resident's online forms (portal) and the staff screens, so both accept and refuse
the same files with the same words.
"""

import io
import logging
import posixpath
import socket
import struct
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

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


EXTENSIONS = {JPEG: "jpg", PNG: "png", PDF: "pdf"}


@dataclass(frozen=True)
class CheckedFile:
    """An upload that opened as what it claims to be, ready to store."""

    content_type: str
    name: str
    content: bytes

    def as_file(self) -> ContentFile:
        return ContentFile(self.content, name=self.name)


def _pdf_opens(data: bytes) -> bool:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        return len(reader.pages) > 0
    except Exception:  # pypdf raises many kinds for a broken file; any means "not a PDF"
        return False


def _image_reencoded(data: bytes, claimed: str) -> tuple[str, bytes] | None:
    """The image decoded and encoded again without its metadata, turned the way its EXIF
    orientation said; HEIC photos become JPEG, which every browser shows. None when it does
    not decode."""
    from PIL import Image, ImageOps

    if claimed == HEIC:
        from pillow_heif import register_heif_opener

        register_heif_opener()
    formats = {JPEG: ["JPEG"], PNG: ["PNG"], HEIC: ["HEIF"]}[claimed]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=formats) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
    except Exception:  # Pillow raises many kinds for a broken or hostile file
        return None
    image.info = {}
    out = io.BytesIO()
    if claimed == PNG:
        image.save(out, format="PNG")
        return PNG, out.getvalue()
    if image.mode not in ("RGB", "L", "CMYK"):
        image = image.convert("RGB")
    image.save(out, format="JPEG", quality=90)
    return JPEG, out.getvalue()


def file_check(uploaded) -> CheckedFile | None:
    """Open the upload with a real parser; None when it is not a PDF, JPG, PNG or HEIC that
    opens. Reads the file (callers check its size first), leaving it at its start; the answer
    is kept on the upload, so checking and storing parse it once."""
    if hasattr(uploaded, "_redress_checked"):
        return uploaded._redress_checked
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    claimed = sniff(data[:HEAD_BYTES])
    checked = None
    if claimed == PDF and _pdf_opens(data):
        checked = (PDF, data)
    elif claimed in (JPEG, PNG, HEIC):
        checked = _image_reencoded(data, claimed)
    result = None
    if checked is not None:
        content_type, content = checked
        result = CheckedFile(
            content_type=content_type,
            name=named_as(display_name(uploaded.name), EXTENSIONS[content_type]),
            content=content,
        )
    uploaded._redress_checked = result
    return result


def named_as(name: str, extension: str) -> str:
    """`name` with the extension of what the file really is."""
    stem, dot, _old = name.rpartition(".")
    return f"{stem if dot and stem else name}.{extension}"


def sniff_file(uploaded) -> str | None:
    """What the uploaded file really is (`file_check`), or None; leaves it ready to be read
    from the start. Only a file within the size limit is opened."""
    if uploaded.size == 0 or uploaded.size > max_bytes():
        head = uploaded.read(HEAD_BYTES)
        uploaded.seek(0)
        return sniff(head)
    checked = file_check(uploaded)
    return checked.content_type if checked else None


def display_name(name: str) -> str:
    """The file's own name without any folder a browser sent with it."""
    name = posixpath.basename((name or "").replace("\\", "/")).strip()
    return name[-200:] or _("Unnamed file")


class ScanUnavailable(Exception):
    """The virus scanner was configured but did not answer."""


CLAMD_CHUNK = 64 * 1024
CLAMD_TIMEOUT = 30


def _clamd_connect() -> socket.socket | None:
    path = getattr(settings, "REDRESS_CLAMD_SOCKET", None)
    host = getattr(settings, "REDRESS_CLAMD_HOST", None)
    if path:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(CLAMD_TIMEOUT)
        connection.connect(str(path))
        return connection
    if host:
        port = int(getattr(settings, "REDRESS_CLAMD_PORT", None) or 3310)
        return socket.create_connection((host, port), timeout=CLAMD_TIMEOUT)
    return None


def virus_found(uploaded) -> str | None:
    """The name of the virus ClamAV's clamd finds in the file, or None when it finds none or
    no scanner is configured (`REDRESS_CLAMD_SOCKET`, or `REDRESS_CLAMD_HOST` and
    `REDRESS_CLAMD_PORT`). Speaks clamd's INSTREAM command: the file in length-prefixed chunks,
    then its one-line verdict. Raises ScanUnavailable when a configured scanner cannot answer,
    so an unchecked file is never taken for a clean one."""
    try:
        connection = _clamd_connect()
        if connection is None:
            return None
        with connection:
            connection.sendall(b"zINSTREAM\0")
            uploaded.seek(0)
            while chunk := uploaded.read(CLAMD_CHUNK):
                connection.sendall(struct.pack("!L", len(chunk)) + chunk)
            connection.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                received = connection.recv(4096)
                if not received:
                    break
                reply += received
    except OSError as error:
        raise ScanUnavailable(str(error)) from error
    finally:
        uploaded.seek(0)
    verdict = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    if verdict.endswith("OK"):
        return None
    if verdict.endswith("FOUND"):
        return verdict.removeprefix("stream:").removesuffix("FOUND").strip()
    raise ScanUnavailable(verdict or "no answer")


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
    try:
        virus = virus_found(uploaded)
    except ScanUnavailable as error:
        logger.error("Virus scanner did not answer for an upload: %s", error)
        return _(
            "We could not check %(name)s for viruses just now. Try adding it again in a few "
            "minutes."
        ) % {"name": name}
    if virus:
        logger.warning("Upload refused: clamd found %s", virus)
        return _("%(name)s contains a virus, so we cannot accept it.") % {"name": name}
    return None
