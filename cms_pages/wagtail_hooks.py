"""Admin screens of the published-pages side: the governing body's responses (Code 8.2)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms_pages.reader_language import ReaderPageLinkHandler
from cms_pages.views import governing_body


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
