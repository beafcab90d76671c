"""Asking for a sign-in link takes the same path whether or not the address has a case: the
lookup and the email happen in a background task, so neither the answer nor its timing tells a
stranger that someone has complained."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks import task_backends

from casework.models import OutboundEmail
from portal.follow.tasks import sign_in_link_send
from tests.factories import CaseFactory, PersonFactory

pytestmark = pytest.mark.django_db

KNOWN = "joan@example.net"
UNKNOWN = "nobody@example.net"


@pytest.fixture
def queued_tasks(settings):
    """Tasks are kept, not run, as the database backend keeps them for the worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    backend.clear()
    return backend


def ask(client, email) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        response = client.post("/follow/", {"email": email}, REMOTE_ADDR="192.0.2.10")
    # The address itself appears in the queries of both (the per-address rate limit counts
    # it); everything else must be the same.
    return response.status_code, [
        re.sub(re.escape(email), "<email>", q["sql"], flags=re.IGNORECASE)
        for q in queries.captured_queries
    ]


def test_the_request_runs_the_same_queries_for_a_known_and_an_unknown_address(client, queued_tasks):
    CaseFactory(resident=PersonFactory(email=KNOWN))
    client.get("/follow/")
    known_status, known_queries = ask(client, KNOWN)
    client.cookies.clear()
    client.get("/follow/")
    unknown_status, unknown_queries = ask(client, UNKNOWN)
    assert known_status == unknown_status == 302
    assert len(known_queries) == len(unknown_queries)

    def strip(sql):  # session keys, times and savepoint names differ by nature
        return re.sub(r'"s\d+_x\d+"', "<savepoint>", re.sub(r"'[^']*'", "?", sql))

    assert [strip(q) for q in known_queries] == [strip(q) for q in unknown_queries]
    assert not any("casework_case" in q for q in known_queries), "no case lookup in the request"
    assert not OutboundEmail.objects.exists(), "no email is written in the request"
    assert [result.kwargs["email"] for result in queued_tasks.results] == [KNOWN, UNKNOWN]


def test_the_task_emails_a_link_only_to_an_address_with_a_case(settings):
    CaseFactory(resident=PersonFactory(email=KNOWN))
    assert sign_in_link_send.call(email=KNOWN, language="cy", base_url="https://x.example")
    assert not sign_in_link_send.call(email=UNKNOWN, language="en-gb", base_url="https://x.example")
    [email] = OutboundEmail.objects.all()
    assert email.to == [KNOWN]
    assert "https://x.example/cy/follow/sign-in/" in email.body_text
