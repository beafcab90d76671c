"""Data protection at /admin/data-protection/ (URL namespace "data_protection"), for the "Data
protection" group; legal holds on a case also for complaints officers.

- data_protection:index               find a person by name, email, phone, address or reference
- data_protection:person <pk>         what is held about them, their cases and requests
- data_protection:export <pk>         the subject access ZIP
- data_protection:rectify <pk>        correct their details, keeping history
- data_protection:erase <pk>          erase them, or see why not
- data_protection:requests            requests with their one-calendar-month clock; record one
- data_protection:request_complete <pk>   POST: mark answered
- data_protection:runs                the retention runs with their counts
- data_protection:hold <case pk>      set or lift a legal hold on a case
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from casework.data_protection.holds import user_handles_data_protection
from casework.views import data_protection as views

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("people/<int:pk>/", views.PersonView.as_view(), name="person"),
    path("people/<int:pk>/export/", views.ExportView.as_view(), name="export"),
    path("people/<int:pk>/rectify/", views.RectifyView.as_view(), name="rectify"),
    path("people/<int:pk>/erase/", views.EraseView.as_view(), name="erase"),
    path("requests/", views.RequestsView.as_view(), name="requests"),
    path(
        "requests/<int:pk>/answered/",
        views.RequestCompleteView.as_view(),
        name="request_complete",
    ),
    path("retention/", views.RunsView.as_view(), name="runs"),
    path("cases/<int:pk>/hold/", views.HoldView.as_view(), name="hold"),
]


@hooks.register("register_admin_urls")
def register_data_protection_urls():
    return [
        path(
            "data-protection/",
            include((urlpatterns, "data_protection"), namespace="data_protection"),
        )
    ]


class DataProtectionMenuItem(MenuItem):
    def is_shown(self, request):
        return user_handles_data_protection(request.user)


@hooks.register("register_admin_menu_item")
def register_data_protection_menu_item():
    return DataProtectionMenuItem(
        _("Data protection"),
        reverse("data_protection:index"),
        name="data-protection",
        icon_name="lock",
        order=180,
    )
