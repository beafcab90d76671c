"""Logging a case, people, the dashboard panel and the category snippet (/admin/intake/).

URL namespace "intake":

- intake:log                             log a case from any channel
- intake:person <pk>                     a person: contact details, cases, adjustments,
                                         disclosures, contact restrictions
- intake:person_action <pk> <action>     one form per thing recorded about the person
                                         (details, adjustment, end-adjustment, disclosure,
                                         restriction)
"""

from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import DeleteView, SnippetViewSet

from casework import permissions
from casework.models import ComplaintCategory
from casework.views.intake import (
    CaseworkPanel,
    LogCaseView,
    PersonActionView,
    PersonDetailView,
)

urlpatterns = [
    path("log/", LogCaseView.as_view(), name="log"),
    path("people/<int:pk>/", PersonDetailView.as_view(), name="person"),
    path("people/<int:pk>/<slug:action>/", PersonActionView.as_view(), name="person_action"),
]


@hooks.register("register_admin_urls")
def register_intake_urls():
    return [path("intake/", include((urlpatterns, "intake"), namespace="intake"))]


class LogCaseMenuItem(MenuItem):
    def is_shown(self, request):
        # Comms editors and the governing body log no cases.
        return permissions.user_can_log_cases(request.user)


@hooks.register("register_admin_menu_item")
def register_log_case_menu_item():
    return LogCaseMenuItem(
        _("Log a case"), reverse("intake:log"), name="log-a-case", icon_name="plus", order=140
    )


@hooks.register("construct_homepage_panels")
def add_casework_panel(request, panels):
    if permissions.user_can_log_cases(request.user):
        panels.append(CaseworkPanel(request.user))


class ComplaintCategoryDeleteView(DeleteView):
    def form_valid(self, form):
        # Cases keep their category (on_delete=PROTECT): say so rather than fail.
        if self.object.cases.exists():
            messages.error(
                self.request,
                _(
                    "Cases use this category, so it cannot be deleted. Untick “in use” instead: "
                    "it will no longer be offered for new cases."
                ),
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class ComplaintCategoryViewSet(SnippetViewSet):
    """The categories staff choose from when logging a case; the complaints officer keeps the
    list. A category in use by cases cannot be deleted: untick "in use" instead."""

    model = ComplaintCategory
    icon = "tag"
    menu_label = _("Complaint categories")
    menu_name = "complaint-categories"
    add_to_settings_menu = True
    list_display = ["name", "ombudsman_scheme", BooleanColumn("active", label=_("In use"))]
    list_filter = ["active", "ombudsman_scheme"]
    search_fields = ["name"]
    ordering = ["name"]
    delete_view_class = ComplaintCategoryDeleteView


register_snippet(ComplaintCategoryViewSet)
