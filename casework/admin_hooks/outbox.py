"""Emails that failed to send, at /admin/outbox/ (issue 5): for complaints officers
(`casework.work_any_case`), who can try each again.

URL namespace "outbox":

- outbox:index         failed emails and those waiting to try again, with their errors
- outbox:retry <pk>    POST: try one again now
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from casework import permissions
from casework.views.outbox import OutboxRetryView, OutboxView

urlpatterns = [
    path("", OutboxView.as_view(), name="index"),
    path("<int:pk>/retry/", OutboxRetryView.as_view(), name="retry"),
]


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [path("outbox/", include((urlpatterns, "outbox"), namespace="outbox"))]


class OutboxMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_can_work_any_case(request.user)


@hooks.register("register_admin_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(
        _("Emails not sent"),
        reverse("outbox:index"),
        name="outbox",
        icon_name="mail",
        order=175,
    )
