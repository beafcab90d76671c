"""Apply the landlord's retention setting: every closed case past its period loses its personal
data, keeping the anonymised skeleton the figures read (casework/data_protection/retention.py).
Run it daily from a systemd timer or cron; running it twice changes nothing the second time."""

from django.core.management.base import BaseCommand

from casework.data_protection.retention import retention_apply, retention_plan
from casework.process import process_settings
from casework.selectors import today


class Command(BaseCommand):
    help = "Remove personal data from closed cases past the retention period (not held ones)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what would be removed, and remove nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        day = today()
        if dry_run:
            plan = retention_plan(day, process_settings().record_retention_years)
            for case in plan.due:
                self.stdout.write(
                    f"would remove {case.reference} (closed {case.closed_at:%Y-%m-%d})"
                )
            for case in plan.held:
                self.stdout.write(f"held {case.reference}")
        run = retention_apply(today=day, dry_run=dry_run)
        verb = "would remove" if dry_run else "removed"
        self.stdout.write(
            f"{verb}: {run.cases_erased} cases, {run.people_erased} people, "
            f"{run.files_removed} files, {run.emails_erased} emails; "
            f"{run.cases_held} cases held (retention {run.retention_years} years)"
        )
