"""The full record (Code 5.12): an append-only timeline, correspondence and documents."""

import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from casework.choices import Channel, Direction, Visibility
from casework.models.cases import Case


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete part of the full record."""


class TimelineQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Timeline entries cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Timeline entries cannot be deleted.")

    def for_resident(self):
        return self.filter(visibility=Visibility.RESIDENT)


class TimelineEntry(models.Model):
    """One thing that happened to a case. Written in the same transaction as the change."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="timeline")
    occurred_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(
        _("who (when not a member of staff)"), max_length=200, blank=True
    )
    event = models.CharField(_("what"), max_length=40)
    summary = models.TextField(_("summary"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, blank=True)
    visibility = models.CharField(
        _("visible to"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    data = models.JSONField(default=dict, blank=True)

    objects = TimelineQuerySet.as_manager()

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline")
        ordering = ["occurred_at", "pk"]

    def __str__(self):
        return f"{self.case_id} {self.event} {self.occurred_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Timeline entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Timeline entries cannot be deleted.")

    @property
    def who(self) -> str:
        if self.actor_id:
            return self.actor.get_full_name() or self.actor.get_username()
        return self.actor_label


def private_storage_create():
    """The storage named "private" in settings.STORAGES: local disk by default, in
    REDRESS_PRIVATE_MEDIA_ROOT (never under MEDIA_ROOT, which the web server may publish), or
    object storage in production."""
    config = settings.STORAGES["private"]
    options = dict(config.get("OPTIONS", {}))
    storage_class = import_string(config["BACKEND"])
    if issubclass(storage_class, FileSystemStorage):
        options.setdefault("location", settings.REDRESS_PRIVATE_MEDIA_ROOT)
    return storage_class(**options)


class PrivateStorage(LazyObject):
    """Files kept outside the public media folder, served only after a permission check."""

    def _setup(self):
        self._wrapped = private_storage_create()


private_storage = PrivateStorage()


@receiver(setting_changed)
def _private_storage_reset(*, setting, **kwargs):
    if setting in {"STORAGES", "REDRESS_PRIVATE_MEDIA_ROOT"}:
        private_storage._wrapped = empty


def get_private_storage():
    """A callable, so that migrations record a reference rather than this machine's path."""
    return private_storage


def document_path(instance, filename):
    return f"cases/{instance.case_id}/{uuid.uuid4().hex}"


class Correspondence(models.Model):
    """A letter, email, call note or message, in or out."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="correspondence")
    direction = models.CharField(_("direction"), max_length=3, choices=Direction.choices)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    occurred_at = models.DateTimeField(_("when"), default=timezone.now)
    correspondent = models.CharField(_("from or to"), max_length=200)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("content or notes"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("correspondence")
        verbose_name_plural = _("correspondence")
        ordering = ["occurred_at"]

    def __str__(self):
        return f"{self.get_direction_display()} {self.get_channel_display()} {self.occurred_at:%x}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Correspondence cannot be changed once recorded.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Correspondence cannot be deleted.")


class CaseDocument(models.Model):
    """A file on the case: evidence, a letter, a photo. Never in the public media folder."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="documents")
    correspondence = models.ForeignKey(
        Correspondence,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    file = models.FileField(storage=get_private_storage, upload_to=document_path, max_length=255)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    visibility = models.CharField(
        _("visible to"), max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_by_label = models.CharField(max_length=200, blank=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name
