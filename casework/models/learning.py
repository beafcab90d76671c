"""Learning from complaints (Code 9.1-9.4): the lessons-learned log.

Each lesson says what went wrong and what we are changing, who owns the change and by when, and
how far it has got. It may come from one or more cases, or from looking across many (9.1). A
lesson that is done can be published in the "what we have changed" list (Code 8.1d, 9.3): only
its public summary is published, written for residents without personal data, never the
internal account of what went wrong.

Lessons are written only through `casework.services.learning_record` and `learning_update`,
which check them (`casework.learning`) and write a timeline entry on each linked case; the
admin screens (casework/admin_hooks/learning.py) call them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework.choices import LessonStatus, LessonTheme
from casework.models.cases import Case


class Lesson(models.Model):
    cases = models.ManyToManyField(
        Case,
        verbose_name=_("cases it came from"),
        blank=True,
        related_name="lessons",
    )
    theme = models.CharField(_("theme"), max_length=30, choices=LessonTheme.choices)
    what_went_wrong = models.TextField(
        _("what went wrong"),
        help_text=_("For staff only. What the complaints showed us about our service."),
    )
    what_changed = models.TextField(
        _("what we are changing"),
        help_text=_("For staff only. The change to our service, policy or training."),
    )
    public_summary = models.TextField(
        _("summary for residents"),
        blank=True,
        help_text=_(
            "Published in the “what we have changed” list once the change is done. Write it "
            "for residents, with no names, addresses, case references or anything else that "
            "could identify someone."
        ),
    )
    notes = models.TextField(_("internal notes"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="lessons_owned",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=LessonStatus.choices, default=LessonStatus.PLANNED
    )
    due_on = models.DateField(_("to be done by"))
    completed_on = models.DateField(_("done on"), null=True, blank=True)
    published = models.BooleanField(
        _("publish in “what we have changed”"),
        default=False,
        help_text=_("Only the summary for residents is published, and only when it is done."),
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")
        ordering = ["-recorded_at", "-pk"]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self):
        first_line = (self.what_changed or "").strip().splitlines()[:1]
        return first_line[0][:80] if first_line else str(_("Lesson learned"))
