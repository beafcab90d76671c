"""Complaint handling performance in the admin menu, at /admin/performance/ (Code 9.4-9.7).

For the governing body, its Member Responsible for Complaints and complaints officers
(`casework.view_performance`, migration 0009); anyone else gets the forbidden page.

URL namespace "performance":

- performance:index       the figures for a reporting year, quarter by quarter (?year=2026)
- performance:board_pack  the same as a tagged PDF for the board's papers
- performance:export      the figures as CSV or XLSX (?format=xlsx&period=q1|...|year)
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from casework.views.performance import (
    BoardPackView,
    FiguresExportView,
    PerformanceView,
    user_can_view_performance,
)

urlpatterns = [
    path("", PerformanceView.as_view(), name="index"),
    path("board-pack/", BoardPackView.as_view(), name="board_pack"),
    path("export/", FiguresExportView.as_view(), name="export"),
]


@hooks.register("register_admin_urls")
def register_performance_urls():
    return [path("performance/", include((urlpatterns, "performance"), namespace="performance"))]


class PerformanceMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_view_performance(request.user)


@hooks.register("register_admin_menu_item")
def register_performance_menu_item():
    return PerformanceMenuItem(
        _("Performance"),
        reverse("performance:index"),
        name="performance",
        icon_name="table",
        order=170,
    )
