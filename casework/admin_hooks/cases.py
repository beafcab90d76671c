"""Cases in the admin menu, at /admin/cases/ (URL namespace "cases").

- cases:index          the list, with filters, search and CSV/XLSX export
- cases:detail <pk>    the case page
- cases:action <pk> <action>   one form per transition or other action (see views/cases/actions)
- cases:document <pk> <document>   download a file on the case

A ModelViewSet for its listing machinery only: there is no create, edit or delete here, because
cases are logged at /admin/intake/ and change only through the casework services.
"""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from casework import permissions
from casework.models import Case
from casework.views.cases import (
    CaseActionView,
    CaseDetailView,
    CaseDocumentView,
    CaseIndexView,
)


class CasesMenuItem(MenuItem):
    def is_shown(self, request):
        # Comms editors and the governing body see no cases.
        return permissions.user_can_log_cases(request.user)


class CaseViewSet(ModelViewSet):
    model = Case
    name = "cases"
    icon = "folder-open-inverse"
    menu_label = _("Cases")
    menu_order = 150
    add_to_admin_menu = True
    menu_item_class = CasesMenuItem
    index_view_class = CaseIndexView
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    export_filename = "cases"

    def get_common_view_kwargs(self, **kwargs):
        # Only the listing exists; no view may link to an add, edit or delete page.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", CaseDetailView.as_view(), name="detail"),
            path("<int:pk>/<slug:action>/", CaseActionView.as_view(), name="action"),
            path(
                "<int:pk>/documents/<int:document>/",
                CaseDocumentView.as_view(),
                name="document",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_case_viewset():
    return CaseViewSet()
