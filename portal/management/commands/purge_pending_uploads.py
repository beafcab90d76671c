"""Remove files that wait for a complaint nobody sent.

Files added on the complaint journey wait in private storage under `pending/` until the
complaint is sent; a journey left unfinished would keep them for ever. Run daily (README,
"Scheduled work"): files older than `--hours` (24 by default) are deleted. A resident who comes
back later sees their answers without those files and can add them again.
"""

import datetime as dt

from django.core.management.base import BaseCommand
from django.utils import timezone

from casework.models import private_storage
from portal.raise_case.uploads import PENDING_FOLDER


def pending_purge(*, older_than: dt.timedelta, now=None) -> int:
    """Delete pending files last changed before `now - older_than`; returns how many."""
    cutoff = (now or timezone.now()) - older_than
    if not private_storage.exists(PENDING_FOLDER):
        return 0
    removed = 0
    folders, _files = private_storage.listdir(PENDING_FOLDER)
    for folder in folders:
        path = f"{PENDING_FOLDER}/{folder}"
        _sub, files = private_storage.listdir(path)
        left = len(files)
        for name in files:
            file_path = f"{path}/{name}"
            if private_storage.get_modified_time(file_path) < cutoff:
                private_storage.delete(file_path)
                removed += 1
                left -= 1
        if left == 0 and not _sub:
            private_storage.delete(path)  # an empty folder, on the file system
    return removed


class Command(BaseCommand):
    help = "Delete uploads of complaint journeys that were never sent, after a day."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, hours, **options):
        removed = pending_purge(older_than=dt.timedelta(hours=hours))
        self.stdout.write(f"Removed {removed} waiting file(s).")
