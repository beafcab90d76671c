from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

# Each module registers its own admin URLs, menu items and panels.
from casework.admin_hooks import (  # noqa: F401
    cases,
    data_protection,
    intake,
    learning,
    letters,
    notices,
    outbox,
    performance,
)
from casework.models import OmbudsmanScheme


class OmbudsmanSchemeViewSet(SnippetViewSet):
    model = OmbudsmanScheme
    icon = "info-circle"
    menu_label = _("Ombudsman")
    add_to_admin_menu = False
    list_display = ["name", "kind", "phone", "email"]


register_snippet(OmbudsmanSchemeViewSet)
