"""The outbox: every email is written here in the same transaction as the change that caused
it, and sent afterwards by a background task. A failed send stays here, visible, with its error,
and is tried again with backoff; a message is never sent twice."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.models.cases import Case


class OutboundEmail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        RETRYING = "retrying", _("Failed; will try again")
        FAILED = "failed", _("Failed; needs attention")
        SENT = "sent", _("Sent")

    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.PROTECT, related_name="emails"
    )
    purpose = models.CharField(_("purpose"), max_length=60)
    to = models.JSONField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    attachment_ids = models.JSONField(default=list, blank=True)
    dedupe_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"
