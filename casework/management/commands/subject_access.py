"""Export everything held about a person, found by email address, as a subject access ZIP
(casework/data_protection/subject_access.py): `manage.py subject_access EMAIL --output DIR`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from casework.data_protection.subject_access import export_file_name, export_write
from casework.models import Person
from casework.selectors import today


class Command(BaseCommand):
    help = "Write a ZIP of everything held about the person with this email address."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", required=True, help="The folder to write the ZIP to.")

    def handle(self, *args, email, output, **options):
        people = list(Person.objects.filter(email__iexact=email.strip()).order_by("pk"))
        if not people:
            raise CommandError(f"No one is recorded with the email address {email}.")
        folder = Path(output)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / export_file_name(people[0], today())
        with path.open("wb") as out:
            export = export_write(people, out, where="subject access export (command line)")
        self.stdout.write(
            f"{path}: {len(export.cases)} cases, {len(list(export.files()))} files, "
            f"{len(export.flags)} parts to review for other people's data"
        )
