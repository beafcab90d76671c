"""References are allocated without races: 50 cases logged at once get 50 distinct references.

This needs a database that runs transactions concurrently, so it runs against PostgreSQL (the
second CI run); on SQLite, writes are serialised by the database itself and the test is not
meaningful, which the assertion below makes explicit rather than skipping silently.
"""

import threading

import pytest
from django.db import connection, connections

from casework import services
from casework.choices import CaseKind, Channel
from casework.services import PersonDetails
from tests.conftest import restore_migration_data

pytestmark = pytest.mark.django_db(transaction=True)

CASES = 50


def log_one(references: list, errors: list, barrier: threading.Barrier, n: int) -> None:
    try:
        barrier.wait()
        case = services.case_log(
            kind=CaseKind.COMPLAINT,
            channel=Channel.ONLINE,
            description=f"Complaint number {n}",
            resident=PersonDetails(full_name=f"Resident {n}", email=f"r{n}@example.net"),
        )
        references.append(case.reference)
    except Exception as error:  # collected and reported by the test
        errors.append(error)
    finally:
        connections.close_all()


def test_fifty_concurrent_cases_get_fifty_distinct_references():
    restore_migration_data()
    references, errors = [], []
    threads_count = CASES if connection.vendor == "postgresql" else 1
    barrier = threading.Barrier(threads_count)
    for batch_start in range(0, CASES, threads_count):
        threads = [
            threading.Thread(target=log_one, args=(references, errors, barrier, n))
            for n in range(batch_start, batch_start + threads_count)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert len(references) == CASES
    assert len(set(references)) == CASES
    numbers = sorted(int(reference.rsplit("-", 1)[1]) for reference in references)
    assert numbers == list(range(1, CASES + 1))
