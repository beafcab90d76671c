"""Pages that publish figures from the casework record for a period (the self-assessment, the
annual report; issue 6).

The figures are worked out when the page is published and frozen into the published revision,
so a published page never changes when cases are later edited; the preview shows them live.
A page type may also refuse publication while something the Code requires is missing
(`publish_problems`): the editor sees each problem on the form, and code that publishes a
revision directly (workflows, scheduled publishing) is refused too.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class PublishRefused(ValidationError):
    """Publishing a page while something it must contain is missing."""


class PublishedFiguresForm(WagtailAdminPageForm):
    """Shows the page's publish problems on the form when the editor presses Publish."""

    def _post_clean(self):
        super()._post_clean()
        if "action-publish" in self.data:
            for problem in self.instance.publish_problems():
                self.add_error(None, problem)


def figures_for(start: dt.date, end: dt.date) -> dict:
    # Imported here: casework's figures import its models, which are not ready at import time.
    from casework.figures import figures_for_period
    from casework.process import process_settings, working_calendar

    return figures_for_period(start, end, calendar=working_calendar(process_settings()))


class PublishedFiguresMixin(models.Model):
    """For Page subclasses: a period, and its figures frozen at publication."""

    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period to"))
    figures = models.JSONField(_("figures"), default=dict, blank=True, editable=False)
    refresh_figures = models.BooleanField(
        _("recalculate the figures when next published"),
        default=False,
        help_text=_(
            "Published figures stay as they were on the day of publication. Tick this to "
            "recalculate them from today's record the next time this page is published."
        ),
    )

    base_form_class = PublishedFiguresForm

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("The end of the period must be on or after its start.")}
            )

    def publish_problems(self) -> list[str]:
        """What must be put right before this page can be published."""
        return []

    def current_figures(self) -> dict:
        """The frozen figures of a published page; live ones for a draft or a preview."""
        if self.figures and not self.refresh_figures:
            return self.figures
        # A draft's page, preview or publish check asks many times in one request: work the
        # live figures out once per period for this instance.
        key = (self.period_start, self.period_end)
        live = self.__dict__.get("_live_figures")
        if live is None or live[0] != key:
            live = self.__dict__["_live_figures"] = (key, self.compute_figures())
        return live[1]

    def compute_figures(self) -> dict:
        """What is frozen as `figures` at publication. Page types may add to it."""
        return figures_for(self.period_start, self.period_end)

    def frozen_at_publication(self) -> dict:
        """Fields written into the revision each time it is published, whatever the figures
        do (for example the governing body's response, as agreed on that day)."""
        return {}

    def publish(self, revision, *args, **kwargs):
        content = revision.as_object()
        problems = content.publish_problems()
        if problems:
            raise PublishRefused(problems)
        frozen = content.frozen_at_publication()
        if not content.figures or content.refresh_figures:
            frozen["figures"] = content.compute_figures()
            frozen["refresh_figures"] = False
        if frozen:
            revision.content.update(frozen)
            revision.save(update_fields=["content"])
        return super().publish(revision, *args, **kwargs)
