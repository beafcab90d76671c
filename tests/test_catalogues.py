"""The interface catalogues in locale/ (issue 7, Translation): up to date with the code and
templates, valid for msgfmt, and the Welsh one complete for everything a resident reads (the
complaint journey, following a case, emails and letters)."""

import os
import shutil
import subprocess
import sys

import polib
import pytest
from django.utils import translation

from portal import catalogues
from portal.catalogues import (
    CATALOGUE_LANGUAGES,
    COMPLETE_FOR_RESIDENTS,
    JOURNEY,
    ROOT,
    catalogue_path,
    is_resident_facing,
    is_translated,
    message_keys,
    untranslated,
    used_in,
)

# What makemessages reads, copied for a fresh run that leaves the real catalogues alone.
SOURCES = ("manage.py", "portal", "casework", "cms_pages", "templates", "locale")


def fresh_catalogues(tmp_path):
    """Run `make messages-update` on a copy of the project; return the copy."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
            )
        else:
            shutil.copy2(source, copy / name)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
    subprocess.run(
        [sys.executable, "manage.py", "catalogues", "update"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return copy


def describe(keys) -> str:
    return "; ".join(sorted(repr(msgid[:60]) for _ctx, msgid, _plural in keys)[:10])


def test_the_catalogues_are_up_to_date_with_the_code_and_templates(tmp_path):
    before = {code: catalogue_path(code).read_bytes() for code in CATALOGUE_LANGUAGES}
    copy = fresh_catalogues(tmp_path)
    for code in CATALOGUE_LANGUAGES:
        committed = message_keys(catalogue_path(code))
        fresh = message_keys(catalogue_path(code, copy))
        assert fresh == committed, (
            f"locale/{code} is out of date with the code and templates: run "
            f"`make messages-update` and translate what is new. "
            f"New: {describe(fresh - committed) or 'none'}. "
            f"Gone: {describe(committed - fresh) or 'none'}."
        )
    # The run worked on the copy, never on the real catalogues.
    assert before == {code: catalogue_path(code).read_bytes() for code in CATALOGUE_LANGUAGES}


def test_the_freshness_check_sees_a_new_message(tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(ROOT / "locale", copy / "locale")
    po = polib.pofile(str(catalogue_path("cy", copy)))
    po.append(polib.POEntry(msgid="A message nobody uses any more", msgstr=""))
    po.save()
    assert message_keys(catalogue_path("cy", copy)) != message_keys(catalogue_path("cy"))


@pytest.mark.parametrize("code", CATALOGUE_LANGUAGES)
def test_each_catalogue_passes_msgfmt_check(code):
    # --check: placeholders such as %(reference)s kept, plural forms and header complete.
    result = subprocess.run(  # noqa: S603 (our own arguments, no shell)
        [catalogues.msgfmt(), "--check", "--output-file", os.devnull, str(catalogue_path(code))],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("code", COMPLETE_FOR_RESIDENTS)
def test_every_message_a_resident_reads_is_translated(code):
    missing = untranslated(code)
    assert not missing, (
        f"{len(missing)} messages residents read have no {code} translation (or a fuzzy one): "
        f"{describe(catalogues.message_key(e) for e in missing)}. List them with "
        f"`.venv/bin/python manage.py catalogues untranslated --language {code}`."
    )


def test_the_right_to_left_language_covers_the_public_journey():
    missing = [e for e in untranslated("ur") if used_in(e, JOURNEY)]
    assert not missing, describe(catalogues.message_key(e) for e in missing)


def test_the_resident_facing_messages_are_the_journey_emails_and_letters():
    po = polib.pofile(str(catalogue_path("cy")))
    facing = {e.msgid for e in po if is_resident_facing(e)}
    # The journey, a resident's email, a letter, and the letter PDF.
    assert "What happened?" in facing
    assert "Use this link to follow your case:" in facing
    assert "Your complaint is at stage 1 of our complaints process." in facing
    assert "Yours sincerely" in facing
    # Asking for another format, the ways to complain, the published report's figures and the
    # accessibility statement's compliance.
    assert "Which formats do you need?" in facing
    assert "Start your complaint online" in facing
    assert "Stage %(n)s: acknowledged on time" in facing
    assert "Fully compliant with WCAG 2.2 AA" in facing
    # Staff-only admin labels may stay English, the governing body's pages too.
    assert "Log a case" not in facing
    assert "Back to the reports" not in facing


def test_the_emails_casework_services_send_residents_are_resident_facing(tmp_path):
    assert "We have logged your complaint: %(reference)s" in catalogues.resident_email_messages()
    source = tmp_path / "casework" / "services"
    source.mkdir(parents=True)
    (source / "example.py").write_text(
        "from django.utils.translation import gettext as _\n"
        "def stage_example(case):\n"
        "    resident_notify(case=case, subject=lambda: _('To the resident'),\n"
        "                    message=lambda: _('Also to the ' 'resident'))\n"
        "    timeline_record(summary=_('For staff'))\n"
    )
    assert catalogues.resident_email_messages(tmp_path) == {
        "To the resident",
        "Also to the resident",
    }
    entry = polib.POEntry(msgid="To the resident", occurrences=[("casework/services/x.py", "")])
    assert is_resident_facing(entry, {"To the resident"})
    assert not is_resident_facing(entry)


def test_a_translator_comment_marks_a_resident_facing_message_used_elsewhere():
    marked = polib.POEntry(
        msgid="We have logged your complaint",
        occurrences=[("casework/services/stages.py", "")],
        comment="Translators: to residents, in the acknowledgement email.",
    )
    unmarked = polib.POEntry(msgid="Case closed", occurrences=[("casework/services/cases.py", "")])
    assert is_resident_facing(marked)
    assert not is_resident_facing(unmarked)


def test_a_fuzzy_or_empty_translation_does_not_count():
    assert is_translated(polib.POEntry(msgid="Send", msgstr="Anfon"))
    assert not is_translated(polib.POEntry(msgid="Send", msgstr=""))
    assert not is_translated(polib.POEntry(msgid="Send", msgstr="Anfon", flags=["fuzzy"]))
    plural = polib.POEntry(
        msgid="%(n)s day", msgid_plural="%(n)s days", msgstr_plural={0: "diwrnod", 1: ""}
    )
    assert not is_translated(plural)


def test_the_compiled_catalogues_are_used():
    # tests/conftest.py compiles stale catalogues at the start of the session.
    with translation.override("cy"):
        assert translation.gettext("What happened?") == "Beth ddigwyddodd?"
    with translation.override("ur"):
        assert translation.gettext("What happened?") == "کیا ہوا؟"
    with translation.override("en-gb"):
        assert translation.gettext("What happened?") == "What happened?"


def test_compile_stale_compiles_only_what_changed(tmp_path):
    shutil.copytree(ROOT / "locale", tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    assert len(catalogues.compile_stale(tmp_path)) == len(CATALOGUE_LANGUAGES)
    assert catalogues.compile_stale(tmp_path) == []
    assert (tmp_path / "locale" / "cy" / "LC_MESSAGES" / "django.mo").stat().st_size > 0


def test_the_untranslated_command_lists_what_is_left(tmp_path, capsys):
    from django.core.management import call_command

    call_command("catalogues", "untranslated", "--language", "cy")
    out = capsys.readouterr().out
    assert "0 to translate" in out
    call_command("catalogues", "untranslated", "--language", "cy", "--all")
    assert "to translate" in capsys.readouterr().out


@pytest.mark.parametrize("code", catalogues.CATALOGUE_LANGUAGES)
def test_no_fuzzy_guesses(code):
    """makemessages runs msgmerge without fuzzy matching (portal/management/commands/
    makemessages.py), and a translator clears the flag of any fuzzy entry they check."""
    fuzzy = [e.msgid for e in polib.pofile(str(catalogue_path(code))) if e.fuzzy and not e.obsolete]
    assert fuzzy == []


def test_makemessages_makes_no_fuzzy_guesses():
    from django.core.management import get_commands, load_command_class

    command = load_command_class(get_commands()["makemessages"], "makemessages")
    assert "--no-fuzzy-matching" in command.msgmerge_options
