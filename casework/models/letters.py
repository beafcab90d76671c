"""Letter templates the complaints officer edits, and the letters issued from them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel

from casework.letters.rules import LetterType, template_problems
from casework.models.cases import Case, Stage
from casework.models.record import AppendOnlyError, CaseDocument


def language_choices():
    return list(settings.LANGUAGES)


class LetterTemplate(models.Model):
    """The words of one letter type in one language, with `{{ placeholders }}` for the parts
    filled from the case. A template cannot be saved without the placeholder of every element
    its letter type must contain (issue 5; Code 2.4, 5.6, 6.5, 6.9, 6.19)."""

    letter_type = models.CharField(_("letter"), max_length=30, choices=LetterType.choices)
    language = models.CharField(
        _("language"), max_length=12, choices=language_choices, default="en-gb"
    )
    subject = models.CharField(
        _("subject"),
        max_length=200,
        help_text=_(
            "The heading of the letter and the email subject. For example: "
            "Your complaint {{ reference }}"
        ),
    )
    body = models.TextField(
        _("letter"),
        help_text=_(
            "Plain text. Leave a blank line between paragraphs. Start a line with # and a space "
            "for a heading. Parts in double curly brackets, such as {{ decision }}, are filled "
            "in from the case; a part on a line of its own becomes whole paragraphs or a list."
        ),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    panels = [
        HelpPanel(
            content=_(
                "Write as you would speak to the resident: short sentences, everyday words. "
                "The letterhead, address, date, reference, sign-off and page numbers are added "
                "for you."
            )
        ),
        FieldRowPanel([FieldPanel("letter_type"), FieldPanel("language")]),
        FieldPanel("subject"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("letter template")
        ordering = ["letter_type", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["letter_type", "language"], name="one_letter_template_per_language"
            )
        ]

    def __str__(self):
        return f"{self.get_letter_type_display()} ({self.get_language_display()})"

    def clean(self):
        super().clean()
        problems = template_problems(self.letter_type, self.subject, self.body)
        if problems:
            raise ValidationError(problems)


class LetterQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Issued letters cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Issued letters cannot be deleted.")


class Letter(models.Model):
    """A letter as issued: the elements it was made from, the exact PDF sent, and to whom.
    Part of the full record (Code 5.12), so never changed once issued."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="letters")
    stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="letters"
    )
    letter_type = models.CharField(_("letter"), max_length=30, choices=LetterType.choices)
    language = models.CharField(_("language"), max_length=12)
    template = models.ForeignKey(
        LetterTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="letters"
    )
    subject = models.CharField(_("subject"), max_length=250)
    elements = models.JSONField(_("elements"), default=dict)
    body_text = models.TextField(_("plain text"))
    document = models.ForeignKey(
        CaseDocument, verbose_name=_("PDF"), on_delete=models.PROTECT, related_name="+"
    )
    large_print_document = models.ForeignKey(
        CaseDocument,
        verbose_name=_("large-print PDF"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_to = models.JSONField(_("sent to"), default=list, blank=True)
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter")
        ordering = ["issued_at", "pk"]

    def __str__(self):
        return f"{self.case.reference}: {self.get_letter_type_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Issued letters cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Issued letters cannot be deleted.")
