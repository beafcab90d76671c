"""Queue each handler's digest of what is due (issue 5). Run it every morning from cron or a
systemd timer; running it twice on one day sends each digest once."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from casework.notifications import digests_send
from casework.process import process_settings, working_calendar
from casework.selectors import today as local_today


class Command(BaseCommand):
    help = "Queue each handler's daily digest of due and overdue work (once per day)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="The day to send for, YYYY-MM-DD (default: today).")
        parser.add_argument(
            "--even-if-closed",
            action="store_true",
            help="Send on a weekend, bank holiday or closure day too.",
        )

    def handle(self, *args, date=None, even_if_closed=False, **options):
        try:
            day = dt.date.fromisoformat(date) if date else local_today()
        except ValueError as error:
            raise CommandError(f"--date must look like 2026-12-01: {error}") from error
        calendar = working_calendar(process_settings())
        if not calendar.is_working_day(day) and not even_if_closed:
            self.stdout.write(f"{day:%-d %B %Y} is not a working day: no digests.")
            return
        counts = digests_send(today=day, calendar=calendar)
        self.stdout.write(
            f"Digests for {day:%-d %B %Y}: {counts['queued']} queued, "
            f"{counts['already_sent']} already sent today, "
            f"{counts['no_address']} handlers without an email address."
        )
