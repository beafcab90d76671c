"""Proves a backup restores (README, "Backups and the restore drill"): the database dump is
restored into a new, empty database beside the live one, its cases, timeline entries and
documents are counted against the live record (Code 5.12: the full record is kept), and every
document it lists must be in the copy of the files with the checksum of the live file.

PostgreSQL only, as in production. The drill database is dropped afterwards unless --keep.
"""

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import psycopg
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from casework.models import Case, CaseDocument, TimelineEntry, private_storage

TABLES = {
    "cases": (Case, "casework_case"),
    "timeline entries": (TimelineEntry, "casework_timelineentry"),
    "documents": (CaseDocument, "casework_casedocument"),
}


def sha256(handle) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: handle.read(1024 * 1024), b""):
        digest.update(chunk)
    return digest.hexdigest()


def conninfo(settings_dict: dict, name: str) -> dict:
    return {
        "dbname": name,
        "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
    }


class Command(BaseCommand):
    help = "Restore a pg_dump and a copy of the files into a new database and check them."

    def add_arguments(self, parser):
        parser.add_argument("dump", type=Path, help="a pg_dump --format=custom file")
        parser.add_argument("files", type=Path, help="the copy of the private files")
        parser.add_argument("--keep", action="store_true", help="keep the drill database")

    def handle(self, *, dump: Path, files: Path, keep: bool, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The restore drill needs PostgreSQL, as in production.")
        if not dump.is_file():
            raise CommandError(f"No dump at {dump}.")
        if not files.is_dir():
            raise CommandError(f"No copy of the files at {files}.")
        if not shutil.which("pg_restore"):
            raise CommandError("pg_restore is not installed (Debian: postgresql-client).")
        live = connection.settings_dict
        drill = f"{live['NAME']}_drill_{timezone.now():%Y%m%d%H%M%S}"[:63]
        admin = conninfo(live, "postgres")
        with psycopg.connect(**admin, autocommit=True) as server:
            server.execute(f'CREATE DATABASE "{drill}"')
        try:
            self.restore(dump, conninfo(live, drill))
            problems = self.compare(conninfo(live, drill), files)
        finally:
            if not keep:
                with psycopg.connect(**admin, autocommit=True) as server:
                    server.execute(f'DROP DATABASE IF EXISTS "{drill}" WITH (FORCE)')
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"The restore drill found {len(problems)} problem(s).")
        self.stdout.write(self.style.SUCCESS("The backup restores completely."))

    def restore(self, dump: Path, info: dict) -> None:
        env = {**os.environ, "PGPASSWORD": info["password"] or ""}
        args = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
        for flag, key in (("--host", "host"), ("--port", "port"), ("--username", "user")):
            if info[key]:
                args += [flag, str(info[key])]
        result = subprocess.run(  # noqa: S603 (arguments are ours and the operator's)
            [*args, "--dbname", info["dbname"], str(dump)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise CommandError(f"pg_restore failed:\n{result.stderr[-2000:]}")

    def compare(self, info: dict, files: Path) -> list[str]:
        problems = []
        with psycopg.connect(**info) as restored:
            for label, (model, table) in TABLES.items():
                backed_up = restored.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
                now = model.objects.count()
                self.stdout.write(f"{label}: {backed_up} in the backup, {now} live")
                if backed_up == 0 and now:
                    problems.append(f"The backup has no {label}; the live site has {now}.")
                if backed_up > now:
                    problems.append(f"The backup has {backed_up} {label}; live has only {now}.")
            names = [row[0] for row in restored.execute("SELECT file FROM casework_casedocument")]
        checked = 0
        for name in names:
            copy = files / name
            if not copy.is_file():
                problems.append(f"Missing from the copy of the files: {name}")
                continue
            with copy.open("rb") as handle:
                copied = sha256(handle)
            try:
                with private_storage.open(name, "rb") as handle:
                    original = sha256(handle)
            except FileNotFoundError:
                problems.append(f"In the backup but no longer in live storage: {name}")
                continue
            if copied != original:
                problems.append(f"Checksum differs from the live file: {name}")
                continue
            checked += 1
        self.stdout.write(f"files: {checked} of {len(names)} match the live files (SHA-256)")
        return problems
