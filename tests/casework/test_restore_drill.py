"""The restore drill (README, "Backups and the restore drill"): a pg_dump and a copy of the
files restore into an empty database and match the live record and files; a copy with a
changed or missing file fails the drill.

PostgreSQL only, as production: it runs in the PostgreSQL pass of .ci/run (marked
production_stack) and fails, rather than skipping, on another database."""

import shutil
import subprocess

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Site

from casework.choices import Channel, Direction, Visibility
from casework.models import CaseDocument, Correspondence
from tests.conftest import restore_migration_data
from tests.factories import CaseFactory

# Transactional, so that pg_dump (another connection) sees the data; the backup fixture puts
# back what the migrations made when an earlier transactional test has emptied it.
pytestmark = [pytest.mark.production_stack, pytest.mark.django_db(transaction=True)]


def pg_dump(path) -> None:
    live = connection.settings_dict
    args = ["pg_dump", "--format=custom", f"--file={path}", "--no-owner"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if live.get(key):
            args.append(f"{flag}={live[key]}")
    subprocess.run([*args, live["NAME"]], check=True)  # noqa: S603


@pytest.fixture
def backup(tmp_path, settings):
    assert connection.vendor == "postgresql", (
        "The restore drill needs PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/redress"
    )
    # A transactional test before this one in the same process may have emptied what the
    # migrations made (the site and its settings): put it back.
    if not Site.objects.exists():
        restore_migration_data()
    case = CaseFactory(acknowledged=True)
    note = Correspondence.objects.create(
        case=case, direction=Direction.INCOMING, channel=Channel.ONLINE, correspondent="R", body="x"
    )
    for number in range(2):
        document = CaseDocument(
            case=case,
            correspondence=note,
            original_name=f"photo{number}.jpg",
            content_type="image/jpeg",
            size=10,
            visibility=Visibility.RESIDENT,
        )
        document.file.save("photo.jpg", ContentFile(bytes([number]) * 10), save=False)
        document.save()
    dump = tmp_path / "redress.dump"
    pg_dump(dump)
    copy = tmp_path / "files"
    shutil.copytree(settings.REDRESS_PRIVATE_MEDIA_ROOT, copy)
    return dump, copy


def test_a_complete_backup_restores_and_matches(backup, capsys):
    dump, copy = backup
    call_command("restore_drill", str(dump), str(copy))
    out = capsys.readouterr().out
    assert "cases: 1 in the backup, 1 live" in out
    assert "documents: 2 in the backup, 2 live" in out
    assert "files: 2 of 2 match the live files (SHA-256)" in out
    assert "The backup restores completely." in out
    # The drill database is gone again.
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_database WHERE datname LIKE %s", ["%_drill_%"])
        assert cursor.fetchone()[0] == 0


def test_a_changed_or_missing_file_fails_the_drill(backup, capsys):
    dump, copy = backup
    first, second = sorted(p for p in copy.rglob("*") if p.is_file())
    first.write_bytes(b"changed")
    second.unlink()
    with pytest.raises(CommandError, match="2 problem"):
        call_command("restore_drill", str(dump), str(copy))
    err = capsys.readouterr().err
    assert "Checksum differs from the live file" in err
    assert "Missing from the copy of the files" in err
