"""The outbox screen (issue 5, "nothing is lost"): a failed send stays visible to complaints
officers with its error and can be tried again, once, through the outbox's own functions."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casework.models import OutboundEmail
from casework.outbox import MAX_ATTEMPTS, email_queue, email_send, outbox_send_due
from tests.factories import CaseFactory, UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db

INDEX = "/admin/outbox/"


@pytest.fixture
def switchable_mail(settings):
    from tests.support.mail import SwitchableBackend

    settings.EMAIL_BACKEND = "tests.support.mail.SwitchableBackend"
    SwitchableBackend.server_down = True
    yield SwitchableBackend
    SwitchableBackend.server_down = False


def officer_client(client):
    officer = UserFactory()
    officer.groups.add(Group.objects.get(name="Complaints officer"))
    login_verified(client, officer)
    return client, officer


def failed_email(case=None, subject="Your letter", give_up=True) -> OutboundEmail:
    """A message that failed once, or failed every attempt and gave up."""
    email = email_queue(
        to=["resident@example.net"], subject=subject, body_text="Hello", purpose="test", case=case
    )
    OutboundEmail.objects.filter(pk=email.pk).update(attempts=MAX_ATTEMPTS - 1 if give_up else 0)
    email_send(email.pk)
    email.refresh_from_db()
    return email


def retry_url(email) -> str:
    return reverse("outbox:retry", args=[email.pk])


def test_a_failed_send_is_listed_with_its_error_and_a_sent_one_is_not(client, switchable_mail):
    case = CaseFactory()
    failed = failed_email(case=case, subject="Stage 1 response")
    assert failed.status == OutboundEmail.Status.FAILED
    waiting = failed_email(subject="Digest", give_up=False)
    assert waiting.status == OutboundEmail.Status.RETRYING
    switchable_mail.server_down = False
    sent = email_queue(to=["a@example.net"], subject="Went fine", body_text="x", purpose="test")
    email_send(sent.pk)
    client, _ = officer_client(client)
    response = client.get(INDEX)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Stage 1 response" in page and "Digest" in page
    assert "Went fine" not in page
    assert "SMTPConnectError" in page
    assert "Failed; needs attention" in page and "Failed; will try again" in page
    assert reverse("cases:detail", args=[case.pk]) in page
    assert f'action="{retry_url(failed)}"' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_try_again_sends_it_once_and_a_second_press_sends_nothing_more(client, switchable_mail):
    case = CaseFactory()
    email = failed_email(case=case)
    switchable_mail.server_down = False
    mail.outbox.clear()
    client, officer = officer_client(client)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(retry_url(email), follow=True)
    assert "We will try again to send" in response.content.decode()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1
    entry = case.timeline.get(event="email_retried")
    assert entry.actor == officer
    assert "SMTPConnectError" in entry.summary
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(retry_url(email), follow=True)
    assert "has been sent" in response.content.decode()
    assert outbox_send_due() == {}
    assert len(mail.outbox) == 1
    assert case.timeline.filter(event="email_retried").count() == 1


def test_try_again_twice_before_it_goes_queues_it_once(client, switchable_mail):
    email = failed_email()
    client, _ = officer_client(client)
    client.post(retry_url(email))  # on-commit send not run: still waiting to go
    response = client.post(retry_url(email), follow=True)
    assert "already waiting to be sent" in response.content.decode()
    switchable_mail.server_down = False
    assert outbox_send_due() == {"sent": 1}
    assert len(mail.outbox) == 1


def test_try_again_is_a_post_and_needs_the_csrf_token(client, switchable_mail):
    email = failed_email()
    client, officer = officer_client(client)
    assert client.get(retry_url(email)).status_code == 405
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    login_verified(strict, officer)
    assert strict.post(retry_url(email)).status_code == 403
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.FAILED


def test_only_complaints_officers_see_it(client, switchable_mail):
    email = failed_email()
    handler = UserFactory()
    handler.groups.add(Group.objects.get(name="Investigator"))
    login_verified(client, handler)
    assert client.get(INDEX).status_code == 403
    assert client.post(retry_url(email)).status_code == 403
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.FAILED


def test_a_fixed_number_of_queries_and_pages_of_25(client, switchable_mail):
    failed_email(case=CaseFactory())
    client, _ = officer_client(client)
    client.get(INDEX)
    with CaptureQueriesContext(connection) as few:
        client.get(INDEX)
    for n in range(30):
        failed_email(case=CaseFactory() if n % 2 else None, subject=f"Message {n}")
    with CaptureQueriesContext(connection) as more:
        response = client.get(INDEX)
    assert len(more) == len(few)
    page = response.content.decode()
    assert "Page 1 of 2" in page
    assert "Message 29" in page and "Message 0" not in page
    assert "Message 0" in client.get(INDEX, {"p": 2}).content.decode()
