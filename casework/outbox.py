"""Queueing and sending email through the outbox.

`email_queue` is called inside the service's transaction, so the message exists exactly when
the change does. Sending happens after commit, in a task; `outbox_send_due` (the `send_outbox`
command, run by cron or a systemd timer) picks up anything the task did not finish, so a worker
or mail server that is down delays mail but never loses it.
"""

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from casework.models import CaseDocument, OutboundEmail

logger = logging.getLogger(__name__)

# Waits after each failed attempt; after the last, the message needs a person.
BACKOFF = [
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
    dt.timedelta(hours=12),
]
MAX_ATTEMPTS = len(BACKOFF) + 1
# A send that has not finished in this time is taken to have died with its worker.
STALE_CLAIM = dt.timedelta(minutes=15)


def email_queue(
    *,
    to: list[str],
    subject: str,
    body_text: str,
    purpose: str,
    body_html: str = "",
    case=None,
    attachments: list[CaseDocument] = (),
    dedupe_key: str | None = None,
) -> OutboundEmail | None:
    """Write the message to the outbox and send it once the transaction commits.

    With a `dedupe_key`, a message that was already queued under that key is not queued again
    (returns None): running a daily job twice sends each digest once.
    """
    recipients = [address for address in to if address]
    if not recipients:
        return None
    try:
        with transaction.atomic():
            email = OutboundEmail.objects.create(
                case=case,
                purpose=purpose,
                to=recipients,
                subject=subject,
                body_text=body_text,
                body_html=body_html,
                attachment_ids=[document.pk for document in attachments],
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        if dedupe_key and OutboundEmail.objects.filter(dedupe_key=dedupe_key).exists():
            return None
        raise
    transaction.on_commit(lambda: email_send_task.enqueue(email.pk))
    return email


def _claim(email_id: int, now) -> bool:
    """Take the message for sending; only one worker can win the claim."""
    return bool(
        OutboundEmail.objects.filter(
            Q(status__in=[OutboundEmail.Status.QUEUED, OutboundEmail.Status.RETRYING]),
            pk=email_id,
            next_attempt_at__lte=now,
        ).update(status=OutboundEmail.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    )


def _message(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=email.to,
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for document in CaseDocument.objects.filter(pk__in=email.attachment_ids):
        with document.file.open("rb") as handle:
            message.attach(document.original_name, handle.read(), document.content_type)
    return message


def email_send(email_id: int, *, now=None) -> str:
    """Try to send one message now. Returns its status afterwards."""
    now = now or timezone.now()
    if not _claim(email_id, now):
        return OutboundEmail.objects.values_list("status", flat=True).get(pk=email_id)
    email = OutboundEmail.objects.get(pk=email_id)
    try:
        _message(email).send(fail_silently=False)
    except Exception as error:  # any failure at all is recorded and retried
        logger.warning("Email %s not sent (attempt %s): %s", email.pk, email.attempts, error)
        failed = email.attempts >= MAX_ATTEMPTS
        email.status = OutboundEmail.Status.FAILED if failed else OutboundEmail.Status.RETRYING
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        email.next_attempt_at = now + BACKOFF[min(email.attempts, len(BACKOFF)) - 1]
        email.save(update_fields=["status", "last_error", "next_attempt_at"])
        return email.status
    email.status = OutboundEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["status", "sent_at", "last_error"])
    return email.status


@task()
def email_send_task(email_id: int) -> str:
    return email_send(email_id)


def outbox_send_due(*, now=None) -> dict[str, int]:
    """Send everything that is due: new messages the task missed, retries whose wait is over,
    and sends whose worker died. Safe to run as often as you like."""
    now = now or timezone.now()
    OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=OutboundEmail.Status.RETRYING)
    due = OutboundEmail.objects.filter(
        status__in=[OutboundEmail.Status.QUEUED, OutboundEmail.Status.RETRYING],
        next_attempt_at__lte=now,
    ).values_list("pk", flat=True)
    counts: dict[str, int] = {}
    for email_id in list(due):
        status = email_send(email_id, now=now)
        counts[status] = counts.get(status, 0) + 1
    return counts


# What staff see on the outbox screen: given up on, or failing and waiting to try again.
NEEDS_ATTENTION = (OutboundEmail.Status.FAILED, OutboundEmail.Status.RETRYING)


@transaction.atomic
def email_retry(*, email: OutboundEmail, actor=None) -> bool:
    """Staff ask for a message that failed to be tried again now. Returns False, changing
    nothing, when it is no longer failing (already requeued, being sent or sent): pressing the
    button twice, or two people pressing it, sends it once."""
    requeued = OutboundEmail.objects.filter(pk=email.pk, status__in=NEEDS_ATTENTION).update(
        status=OutboundEmail.Status.QUEUED, next_attempt_at=timezone.now()
    )
    email.refresh_from_db()
    if not requeued:
        return False
    if email.case_id is not None:
        from casework.services.record import timeline_record  # services import this module

        timeline_record(
            case=email.case,
            actor=actor,
            event="email_retried",
            summary=_("Email to try again: %(subject)s (to %(to)s). Last error: %(error)s")
            % {"subject": email.subject, "to": ", ".join(email.to), "error": email.last_error},
            data={"email": email.pk},
        )
    transaction.on_commit(lambda: email_send_task.enqueue(email.pk))
    return True
