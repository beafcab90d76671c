from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms_pages.blocks import BodyBlock, HomeBodyBlock, chosen_page_ids
from cms_pages.models.base import BasePage


class HomePage(BasePage):
    """Where residents start: the comms team lead with the tasks residents come for (the start
    button, following a complaint, asking for something to be put right) and then the policy,
    how to complain, the Code, the Ombudsman and our performance (Code 3.4, 3.7, 8.2). Links
    name a destination or choose a page, so they follow the live page tree."""

    body = StreamField(
        HomeBodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "Start with what residents come to do. Lists of links leave out pages that are not "
            "published, and follow pages that move."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from cms_pages.context_processors import request_links

        # Before the header renders: the pages the body chooses are read with the navigation's.
        request_links(request, extra_page_ids=chosen_page_ids(self.body.raw_data))
        return super().get_context(request, *args, **kwargs)


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
