from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms_pages.blocks import BodyBlock
from cms_pages.models.base import BasePage


class HomePage(BasePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class ContentPage(BasePage):
    """A general page built from blocks: headings, text, inset text, documents, buttons."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    show_ombudsman = models.BooleanField(
        _("show the Ombudsman panel"),
        default=False,
        help_text=_("Tick for pages about complaints: the Ombudsman's details appear at the end."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    settings_panels = [*BasePage.settings_panels, FieldPanel("show_ombudsman")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")

    @property
    def shows_ombudsman_panel(self):
        return self.show_ombudsman
