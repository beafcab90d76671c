"""`manage.py catalogues update`: regenerate the catalogues in locale/ from the code and
templates (what `make messages-update` runs). `manage.py catalogues untranslated`: list the
resident-facing messages still to translate, in .po form, ready to fill in (issue 7).
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.catalogues import (
    CATALOGUE_LANGUAGES,
    MAKEMESSAGES_OPTIONS,
    catalogue_path,
    untranslated,
)


class Command(BaseCommand):
    help = "Update the gettext catalogues, or list the messages still to translate."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "untranslated"])
        parser.add_argument(
            "--language",
            action="append",
            choices=CATALOGUE_LANGUAGES,
            help="only this language (repeatable); every catalogue by default",
        )
        parser.add_argument(
            "--all",
            action="store_true",
            help="list staff-only messages too, not just those residents read",
        )

    def handle(self, *args, action, language, all, **options):
        languages = language or list(CATALOGUE_LANGUAGES)
        if action == "update":
            call_command("makemessages", **{**MAKEMESSAGES_OPTIONS, "locale": languages})
            return
        for code in languages:
            if not catalogue_path(code).exists():
                raise CommandError(f"No catalogue for {code}: run make messages-update first.")
            entries = untranslated(code, resident_facing_only=not all)
            self.stdout.write(f"# {catalogue_path(code)}: {len(entries)} to translate\n")
            for entry in entries:
                self.stdout.write(str(entry))
