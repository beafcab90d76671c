"""The admin's own additions that belong to the project rather than to casework or the pages."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def date_and_time_choosers():
    # Wagtail's pickers, started without inline scripts (portal/templates/wagtailadmin/widgets/).
    return format_html('<script src="{}" defer></script>', static("js/admin-choosers.js"))
