"""The lessons-learned log in the admin menu, at /admin/learning/ (Code 9.1-9.3).

Complaints officers add and change lessons (casework.add_lesson, change_lesson, view_lesson,
granted in migration 0008); nobody deletes one, so the record of what we learned stays. Saving
goes through the services, which write the timeline entries on the linked cases.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from casework.models import Lesson
from casework.views.learning import LessonCreateView, LessonEditView, lesson_edit_handler


class LessonViewSet(ModelViewSet):
    model = Lesson
    name = "learning"
    icon = "tasks"
    menu_label = _("Learning")
    menu_order = 160
    add_to_admin_menu = True
    add_view_class = LessonCreateView
    edit_view_class = LessonEditView
    edit_handler = lesson_edit_handler
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    list_display = [
        "__str__",
        Column("theme", label=_("Theme"), accessor="get_theme_display"),
        "owner",
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("due_on", label=_("To be done by")),
        DateColumn("completed_on", label=_("Done on")),
        BooleanColumn("published", label=_("Published")),
    ]
    list_filter = ["status", "theme", "published"]
    search_fields = ["what_went_wrong", "what_changed", "public_summary", "notes"]
    ordering = ["-recorded_at", "-pk"]
    list_export = [
        "theme",
        "what_went_wrong",
        "what_changed",
        "owner",
        "status",
        "due_on",
        "completed_on",
        "published",
        "public_summary",
    ]
    export_filename = "lessons-learned"


@hooks.register("register_admin_viewset")
def register_lesson_viewset():
    return LessonViewSet()
