"""The gettext catalogues in locale/ (issue 7, Translation): how they are made from the code and
templates, and which of their messages a resident reads.

`make messages-update` (`manage.py catalogues update`) regenerates them;
`manage.py catalogues untranslated` lists what residents read that is still to translate. The
tests fail while a catalogue is out of date or while a resident-facing message has no Welsh
translation.

A message is resident-facing when it is used in one of the places listed in RESIDENT_FACING
(the complaint journey, following a case and asking for another format, the public site's
furniture and published pages with their report figures, the choices a resident sees, their
emails and their letters), when it is the subject or message of a
`resident_notify(...)` call (the emails a casework service sends a resident), or when the code
marks it with a translator comment naming residents:

    # Translators: to residents, in the acknowledgement email.
    subject=_("We have logged your complaint: %(reference)s")

Staff-only admin labels may stay English (Code 3.1 and 5.10: other languages are reasonable
adjustments for residents).
"""

import ast
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent

# Every language with an interface catalogue; English is the source language.
CATALOGUE_LANGUAGES = ("cy", "ur")

# What makemessages must not read: installed and built files, and the tests.
IGNORE = (".venv", "node_modules", "static", "var", "tests", "frontend", "*.egg-info")

# The options `make messages-update` and the freshness test both use. There is no JavaScript
# with interface text, so no djangojs domain. File names without line numbers, so that a
# catalogue changes only when a message does.
MAKEMESSAGES_OPTIONS = {
    "locale": list(CATALOGUE_LANGUAGES),
    "ignore_patterns": list(IGNORE),
    "extensions": ["html", "txt", "py"],
    "add_location": "file",
    "no_obsolete": True,
    "verbosity": 0,
}

# Where the messages a resident reads are used (paths relative to the project).
RESIDENT_FACING = (
    "portal/raise_case/",
    "portal/follow/",
    "portal/settings/",  # the language names in the switcher
    "templates/",
    "casework/choices.py",  # kinds, statuses, remedies, adjustments, as the resident sees them
    "casework/letters/",
    "casework/templates/casework/letters/letter.html",
    "casework/templates/casework/email/",
    "casework/resident_emails.py",  # the emails a case's changes send its resident
    "portal/formats/",  # asking for information in another format
    "cms_pages/templates/cms_pages/",  # the published pages (but for STAFF_ONLY)
    # The labels of the published annual report's figures, sections and charts.
    "casework/figures/catalogue.py",
    "casework/figures/presentation.py",
)
# Inside those, what only staff see.
STAFF_ONLY = ("cms_pages/templates/cms_pages/governing_body/",)
# A translator comment with this in it marks a resident-facing message used anywhere else.
RESIDENT_MARKER = "to residents"

# Languages whose catalogue must translate every resident-facing message (issue 7: the Welsh
# catalogue complete for the resident journey, emails and letters).
COMPLETE_FOR_RESIDENTS = ("cy",)
# Where the right-to-left language must be complete: the public journey (issue 7, RTL).
JOURNEY = (
    "portal/raise_case/",
    "portal/follow/",
    "portal/formats/",
    "templates/",
    "cms_pages/templates/cms_pages/",
)


def catalogue_path(language: str, root: Path | None = None) -> Path:
    return Path(root or ROOT) / "locale" / language / "LC_MESSAGES" / "django.po"


def message_key(entry: polib.POEntry) -> tuple[str, str, str]:
    return (entry.msgctxt or "", entry.msgid, entry.msgid_plural or "")


def message_keys(path: Path) -> set[tuple[str, str, str]]:
    """The messages of a catalogue, without its dates, locations and translations."""
    return {message_key(e) for e in polib.pofile(str(path)) if not e.obsolete}


def used_in(entry: polib.POEntry, prefixes: tuple[str, ...]) -> bool:
    """Whether the message is used in a file under one of `prefixes` (and not STAFF_ONLY)."""
    return any(
        location.startswith(prefixes) and not location.startswith(STAFF_ONLY)
        for location, _line in entry.occurrences
    )


# Calls whose gettext messages are emails to a resident, wherever in casework they are made.
RESIDENT_EMAIL_CALLS = ("resident_notify",)
GETTEXT_NAMES = ("_", "gettext", "gettext_lazy", "pgettext", "ngettext")


def resident_email_messages(root: Path | None = None) -> set[str]:
    """Every message translated inside a `resident_notify(...)` call in casework, read from the
    source so that a new resident email is covered the moment it is written."""
    messages: set[str] = set()
    for path in sorted((Path(root or ROOT) / "casework").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for call in ast.walk(tree):
            if not (isinstance(call, ast.Call) and _name(call.func) in RESIDENT_EMAIL_CALLS):
                continue
            for node in ast.walk(call):
                if isinstance(node, ast.Call) and _name(node.func) in GETTEXT_NAMES:
                    messages.update(
                        arg.value
                        for arg in node.args
                        if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    )
    return messages


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def is_resident_facing(entry: polib.POEntry, email_messages: set[str] = frozenset()) -> bool:
    return (
        used_in(entry, RESIDENT_FACING)
        or entry.msgid in email_messages
        or RESIDENT_MARKER in (entry.comment or "").lower()
    )


def is_translated(entry: polib.POEntry) -> bool:
    if entry.fuzzy or entry.obsolete:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def untranslated(
    language: str, *, resident_facing_only: bool = True, root: Path | None = None
) -> list[polib.POEntry]:
    """The messages of one catalogue still to translate (missing or fuzzy), in file order."""
    emails = resident_email_messages(root)
    return [
        entry
        for entry in polib.pofile(str(catalogue_path(language, root)))
        if not entry.obsolete
        and not is_translated(entry)
        and (is_resident_facing(entry, emails) or not resident_facing_only)
    ]


def msgfmt() -> str:
    """gettext's compiler (Debian's gettext, installed by scripts/system-packages)."""
    path = shutil.which("msgfmt")
    if path is None:
        raise RuntimeError("msgfmt is missing: run scripts/system-packages to install gettext.")
    return path


def compile_stale(root: Path | None = None) -> list[Path]:
    """Compile each catalogue whose .mo is missing or older than its .po, as `make messages`
    does (after `msgfmt --check`); written to a temporary file first, so a process reading the
    catalogue never sees half of one. Returns the catalogues compiled."""
    compiled = []
    for po in sorted((Path(root or ROOT) / "locale").glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        handle, partial = tempfile.mkstemp(dir=po.parent, suffix=".mo.partial")
        os.close(handle)
        try:
            subprocess.run(  # noqa: S603 (our own arguments, no shell)
                [msgfmt(), "--check", "--output-file", partial, str(po)],
                check=True,
                capture_output=True,
                text=True,
            )
            os.replace(partial, mo)
        finally:
            if os.path.exists(partial):
                os.unlink(partial)
        compiled.append(po)
    return compiled
