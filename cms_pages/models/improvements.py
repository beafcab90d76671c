"""The "what we have changed" page (Code 8.1d, 9.1-9.3; issue 6): the improvements we made
because of complaints, newest first, from the lessons-learned log.

Only what the complaints officer marked for publication is shown, in the words of its summary
for residents; never the internal account of what went wrong, who owned it, or the cases it came
from. The list is live, so it grows as changes are done; the annual report freezes the year's
own list when it is published.
"""

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from cms_pages.models.base import BasePage

PER_PAGE = 20


class ImprovementsPage(BasePage):
    shows_ombudsman_panel = False

    class Meta:
        verbose_name = _("what we have changed page")

    def get_context(self, request, *args, **kwargs):
        from casework.choices import LessonTheme
        from casework.selectors import improvements_published

        context = super().get_context(request, *args, **kwargs)
        theme = request.GET.get("theme", "")
        improvements = improvements_published()
        if theme in LessonTheme.values:
            improvements = improvements.filter(theme=theme)
        else:
            theme = ""
        page_obj = Paginator(improvements, PER_PAGE).get_page(request.GET.get("page"))
        context.update(
            page_obj=page_obj,
            improvements=[
                {
                    "summary": lesson.public_summary,
                    "theme": LessonTheme(lesson.theme).label,
                    "completed_on": lesson.completed_on,
                }
                for lesson in page_obj
            ],
            themes=LessonTheme.choices,
            theme=theme,
        )
        return context
