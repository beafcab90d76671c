"""Send every email in the outbox that is due. Run it from cron or a systemd timer (every few
minutes); running it twice at once or again straight away never sends a message twice."""

from django.core.management.base import BaseCommand

from casework.outbox import outbox_send_due


class Command(BaseCommand):
    help = "Send due emails from the outbox, retrying failures with backoff."

    def handle(self, *args, **options):
        counts = outbox_send_due()
        summary = (
            ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "nothing due"
        )
        self.stdout.write(summary)
