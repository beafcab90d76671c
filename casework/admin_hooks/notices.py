"""Exceptional circumstances notices in the admin (Code 8.5): complaints officers publish them
from Settings > Exceptional circumstances; the history of each is kept by Wagtail's log."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from casework.models import ServiceNotice


class ServiceNoticeCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class ServiceNoticeViewSet(SnippetViewSet):
    model = ServiceNotice
    icon = "warning"
    menu_label = _("Exceptional circumstances")
    menu_name = "exceptional-circumstances"
    add_to_settings_menu = True
    add_view_class = ServiceNoticeCreateView
    list_display = [
        "__str__",
        "affected_since",
        "expected_return_on",
        "ombudsman_told_on",
        "published",
        "ended_on",
    ]
    list_filter = ["published"]
    ordering = ["-affected_since", "-pk"]


register_snippet(ServiceNoticeViewSet)
