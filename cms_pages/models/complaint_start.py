"""The start page of the online journey (issue 4, Raise): the comms team writes what the service
is for and what to have ready; the page adds the facts that come from the settings (the file
limits, the other ways in) and the Start button, which they cannot break."""

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import StreamField
from wagtail.models import Site
from wagtail.search import index

from cms_pages.blocks import BodyBlock
from cms_pages.models.base import BasePage


class ComplaintStartPage(BasePage):
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_(
            "What people can use the service for and what to have ready. The file limits, the "
            "Start button and other ways to contact you are added below this on the page."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    max_count_per_parent = 1
    subpage_types: list[str] = []
    # Code 3.7: complaints pages tell residents about the Ombudsman.
    shows_ombudsman_panel = True

    class Meta:
        verbose_name = _("online complaint start page")

    @classmethod
    def for_request(cls, request) -> "ComplaintStartPage | None":
        """The live start page of the request's site in the reader's language, if there is one."""
        site = Site.find_for_request(request)
        if site is None:
            return None
        language = get_supported_content_language_variant(get_language())
        # The site's tree is in the default language; its translations are sibling trees, so
        # find the site's page and then its copy in the reader's language. An untranslated
        # copy (a wagtail-localize alias) is English: the built-in page is in their language.
        keys = cls.objects.descendant_of(site.root_page, inclusive=True).values("translation_key")
        return (
            cls.objects.live()
            .filter(translation_key__in=keys, locale__language_code=language)
            .filter(alias_of__isnull=True)
            .first()
        )

    def get_context(self, request, *args, **kwargs):
        from portal.raise_case import uploads  # the journey's own limits, stated up front

        context = super().get_context(request, *args, **kwargs)
        context.update(
            start_url=reverse("raise_case:who"),
            max_files=uploads.max_files(),
            max_size=uploads.size_text(uploads.max_bytes()),
            file_types=uploads.allowed_types_text(),
        )
        return context
