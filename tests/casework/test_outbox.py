"""The outbox: mail is queued with the change, sent after commit, retried with backoff while the
server is down, sent exactly once when it is back, and never lost."""

import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from casework.models import OutboundEmail
from casework.outbox import MAX_ATTEMPTS, email_queue, email_retry, email_send, outbox_send_due
from tests.factories import CaseFactory
from tests.support.mail import SwitchableBackend

pytestmark = pytest.mark.django_db


@pytest.fixture
def switchable_mail(settings):
    settings.EMAIL_BACKEND = "tests.support.mail.SwitchableBackend"
    SwitchableBackend.server_down = False
    yield SwitchableBackend
    SwitchableBackend.server_down = False


def queue(**overrides):
    values = {
        "to": ["amina@example.net"],
        "subject": "We have your complaint",
        "body_text": "Your reference is CMP-2026-00001.",
        "purpose": "submission",
    }
    values.update(overrides)
    return email_queue(**values)


def test_queued_mail_is_sent_after_commit(django_capture_on_commit_callbacks, switchable_mail):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(body_html="<p>Your reference is CMP-2026-00001.</p>")
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert email.attempts == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].alternatives[0][1] == "text/html"


def test_nothing_is_sent_when_the_change_is_rolled_back(
    django_capture_on_commit_callbacks, switchable_mail
):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        queue()
        raise RuntimeError("the service failed after queueing")
    assert OutboundEmail.objects.count() == 0
    assert mail.outbox == []


def test_server_down_keeps_the_mail_and_sends_it_once_when_back(
    django_capture_on_commit_callbacks, switchable_mail
):
    switchable_mail.server_down = True
    case = CaseFactory()
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(case=case)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.RETRYING
    assert "SMTPConnectError" in email.last_error
    assert email.next_attempt_at > timezone.now()
    assert mail.outbox == []

    # Not due yet: nothing happens.
    assert outbox_send_due() == {}
    switchable_mail.server_down = False
    later = timezone.now() + dt.timedelta(minutes=2)
    assert outbox_send_due(now=later) == {"sent": 1}
    assert outbox_send_due(now=later + dt.timedelta(hours=1)) == {}
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutboundEmail.Status.SENT, 2)


def test_after_every_retry_fails_the_mail_waits_for_a_person(switchable_mail):
    switchable_mail.server_down = True
    email = queue()
    now = timezone.now()
    for _attempt in range(MAX_ATTEMPTS):
        outbox_send_due(now=now)
        now += dt.timedelta(days=1)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.FAILED
    assert email.attempts == MAX_ATTEMPTS
    assert outbox_send_due(now=now + dt.timedelta(days=30)) == {}

    switchable_mail.server_down = False
    email_retry(email=email)
    assert outbox_send_due() == {"sent": 1}
    assert len(mail.outbox) == 1


def test_a_message_is_claimed_once(switchable_mail):
    email = queue()
    assert email_send(email.pk) == OutboundEmail.Status.SENT
    assert email_send(email.pk) == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1


def test_a_send_whose_worker_died_is_tried_again(switchable_mail):
    email = queue()
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.Status.SENDING, claimed_at=timezone.now() - dt.timedelta(hours=1)
    )
    assert outbox_send_due() == {"sent": 1}


def test_dedupe_key_queues_a_logical_message_once(switchable_mail):
    assert queue(dedupe_key="digest:7:2026-12-01") is not None
    assert queue(dedupe_key="digest:7:2026-12-01") is None
    assert OutboundEmail.objects.count() == 1


def test_no_recipient_no_message():
    assert queue(to=["", None]) is None
    assert OutboundEmail.objects.count() == 0
