"""Admin screens of the published-pages side (the governing body's responses, Code 8.2) and
rich text page links in the reader's language."""

from django.urls import include, path, reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.rich_text.pages import PageLinkHandler

from cms_pages.reader_language import localized_for_reader
from cms_pages.views import governing_body


class ReaderPageLinkHandler(PageLinkHandler):
    """Wagtail's rich text page link, to the linked page's translation in the reader's
    language."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(localized_for_reader(page).url)}">' if page else "<a>"
            for page in cls.get_many(attrs_list)
        ]


@hooks.register("register_rich_text_features", order=100)
def page_links_in_the_readers_language(features):
    """After Wagtail's own (order 0), whose page link handler this replaces."""
    features.register_link_type(ReaderPageLinkHandler)


urlpatterns = [
    path("", governing_body.report_list, name="list"),
    path("<int:page_id>/", governing_body.respond, name="respond"),
]


@hooks.register("register_admin_urls")
def register_governing_body_urls():
    return [path("governing-body/", include((urlpatterns, "governing_body")))]


class GoverningBodyMenuItem(MenuItem):
    def is_shown(self, request):
        return governing_body.user_can_respond(request.user)


@hooks.register("register_admin_menu_item")
def register_governing_body_menu_item():
    return GoverningBodyMenuItem(
        _("Governing body responses"),
        reverse("governing_body:list"),
        icon_name="openquote",
        order=170,
    )
