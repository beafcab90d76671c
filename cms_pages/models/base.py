"""What every page type shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class BasePage(Page):
    """An abstract page with a lead paragraph. Complaints pages also show the Ombudsman panel."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown large under the title."),
    )

    # Code 3.7: complaints pages tell residents about the Ombudsman.
    shows_ombudsman_panel = False

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["shows_ombudsman_panel"] = self.shows_ombudsman_panel
        return context
