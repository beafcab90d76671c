"""Files of complaint journeys never sent are removed after a day, and one address can leave
only so much waiting in a day."""

import datetime as dt
import os
import time

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import RequestFactory

from casework.models import private_storage
from portal.management.commands.purge_pending_uploads import pending_purge
from portal.raise_case.journey import Journey
from portal.ratelimits import pending_upload_quota


def waiting_file(journey_id: str, name: str, *, hours_old: float) -> str:
    path = private_storage.save(f"pending/{journey_id}/{name}", ContentFile(b"x" * 10))
    then = time.time() - hours_old * 3600
    os.utime(private_storage.path(path), (then, then))
    return path


def test_files_older_than_a_day_are_removed_and_newer_kept(capsys):
    old = waiting_file("abandoned", "a", hours_old=25)
    older = waiting_file("abandoned", "b", hours_old=48)
    new = waiting_file("current", "c", hours_old=2)
    call_command("purge_pending_uploads")
    assert "Removed 2" in capsys.readouterr().out
    assert not private_storage.exists(old) and not private_storage.exists(older)
    assert not private_storage.exists("pending/abandoned"), "the empty folder goes too"
    assert private_storage.exists(new)
    assert pending_purge(older_than=dt.timedelta(hours=1)) == 1


class Session(dict):
    modified = False


def test_a_journey_forgets_files_that_were_removed():
    session = Session()
    journey = Journey(session)
    kept = waiting_file(journey.id, "kept", hours_old=1)
    gone = waiting_file(journey.id, "gone", hours_old=30)
    for n, path in enumerate([kept, gone]):
        journey.add_upload(
            {"id": str(n), "purpose": "evidence", "path": path, "name": f"{n}.pdf", "size": 10}
        )
    pending_purge(older_than=dt.timedelta(days=1))
    assert [u["path"] for u in Journey(session).uploads("evidence")] == [kept]


def test_an_address_can_leave_only_its_daily_allowance_waiting(settings):
    settings.REDRESS_PENDING_UPLOAD_BYTES_PER_DAY = 1000
    caches["ratelimit"].clear()
    one = RequestFactory().post("/complain/", REMOTE_ADDR="192.0.2.1")
    other = RequestFactory().post("/complain/", REMOTE_ADDR="192.0.2.2")
    take = pending_upload_quota(one)
    assert take(600)
    assert not take(600), "600 more would pass the allowance"
    assert take(400), "a refused file takes nothing from the allowance"
    assert not take(1)
    assert pending_upload_quota(other)(1000), "another address has its own"


@pytest.mark.django_db
def test_the_quota_counts_on_the_database_cache(settings):
    from tests.security.test_rate_limit_counting import database_cache

    settings.REDRESS_PENDING_UPLOAD_BYTES_PER_DAY = 1000
    database_cache(settings)
    take = pending_upload_quota(RequestFactory().post("/", REMOTE_ADDR="192.0.2.3"))
    assert take(999)
    assert not take(2)
    assert take(1)
