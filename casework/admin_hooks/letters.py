"""Letters in the admin (issue 5): writing one from a case page, and the templates.

URL namespace "letters":

- letters:choose <pk>                 which letters the case can have now
- letters:draft <pk> <letter_type>    draft, preview and issue one

Letter templates are snippets (Letter templates in the menu) for the complaints officer.
"""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from casework.models import LetterTemplate
from casework.views.cases.letters import LetterChooseView, LetterDraftView

urlpatterns = [
    path("<int:pk>/", LetterChooseView.as_view(), name="choose"),
    path("<int:pk>/<slug:letter_type>/", LetterDraftView.as_view(), name="draft"),
]


@hooks.register("register_admin_urls")
def register_letter_urls():
    return [path("letters/", include((urlpatterns, "letters"), namespace="letters"))]


class LetterTemplateViewSet(SnippetViewSet):
    """The words of each letter, per language. Saving checks that every element the Code
    requires is still in the letter (LetterTemplate.clean)."""

    model = LetterTemplate
    icon = "mail"
    menu_label = _("Letter templates")
    menu_name = "letter-templates"
    add_to_settings_menu = True
    list_display = ["__str__", "subject", "updated_at"]
    list_filter = ["letter_type", "language"]
    search_fields = ["subject", "body"]
    ordering = ["letter_type", "language"]


register_snippet(LetterTemplateViewSet)
