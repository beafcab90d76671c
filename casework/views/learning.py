"""The lessons-learned log in the admin (Code 9.1-9.3): the form and the add and edit views.

Thin: the form checks with `casework.learning.lesson_problems` so each problem shows next to its
field, and saving goes through `casework.services.learning_record` / `learning_update`, which
write the timeline entries on the linked cases.
"""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic.models import CreateView, EditView
from wagtail.log_actions import log

from casework import services
from casework.learning import lesson_problems
from casework.models import Case, Lesson
from casework.views.intake.access import staff_users

FIELDS = [
    "theme",
    "what_went_wrong",
    "what_changed",
    "owner",
    "due_on",
    "status",
    "completed_on",
    "public_summary",
    "published",
    "notes",
]


def parse_references(text: str) -> list[str]:
    """Case references typed with commas, spaces or new lines between them, each once."""
    seen = []
    for reference in re.split(r"[\s,;]+", (text or "").strip().upper()):
        if reference and reference not in seen:
            seen.append(reference)
    return seen


class LessonForm(WagtailAdminModelForm):
    case_references = forms.CharField(
        label=gettext_lazy("Cases it came from"),
        required=False,
        help_text=gettext_lazy(
            "Case references separated by commas, for example CMP-2026-00012. Leave empty "
            "for a lesson from looking across many cases."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "owner" in self.fields:
            self.fields["owner"].queryset = staff_users()
        if self.instance.pk and not self.is_bound:
            self.initial["case_references"] = ", ".join(
                self.instance.cases.order_by("reference").values_list("reference", flat=True)
            )

    def clean_case_references(self):
        references = parse_references(self.cleaned_data.get("case_references", ""))
        cases = {case.reference: case for case in Case.objects.filter(reference__in=references)}
        unknown = [reference for reference in references if reference not in cases]
        if unknown:
            raise forms.ValidationError(
                _("There is no case %(references)s. Check the reference.")
                % {"references": ", ".join(unknown)}
            )
        self.cleaned_data["cases"] = [cases[reference] for reference in references]
        return ", ".join(references)

    def clean(self):
        cleaned = super().clean()
        owner = cleaned.get("owner")
        problems = lesson_problems(
            theme=cleaned.get("theme", ""),
            what_went_wrong=cleaned.get("what_went_wrong", ""),
            what_changed=cleaned.get("what_changed", ""),
            owner_id=owner.pk if owner else None,
            due_on=cleaned.get("due_on"),
            status=cleaned.get("status", ""),
            completed_on=cleaned.get("completed_on"),
            published=bool(cleaned.get("published")),
            public_summary=cleaned.get("public_summary", ""),
            today=timezone.localdate(),
        )
        for field, message in problems.items():
            # A field the form already rejected (for example a missing date) keeps its error.
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


lesson_edit_handler = ObjectList(
    [
        HelpPanel(
            content=gettext_lazy(
                "Code 9.1-9.3: look beyond each case for what to improve, follow each change "
                "through, and tell residents, staff and the governing body what changed."
            )
        ),
        FieldPanel("theme"),
        FieldPanel("case_references"),
        FieldPanel("what_went_wrong"),
        FieldPanel("what_changed"),
        FieldRowPanel([FieldPanel("owner"), FieldPanel("due_on")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("completed_on")]),
        MultiFieldPanel(
            [FieldPanel("public_summary"), FieldPanel("published")],
            heading=gettext_lazy("What we have changed, for residents"),
        ),
        FieldPanel("notes"),
    ],
    base_form_class=LessonForm,
)


def _values(form) -> dict:
    return {name: form.cleaned_data.get(name) for name in FIELDS} | {
        "cases": form.cleaned_data.get("cases", [])
    }


class LessonCreateView(CreateView):
    def save_instance(self):
        lesson = services.learning_record(actor=self.request.user, **_values(self.form))
        log(instance=lesson, action="wagtail.create", user=self.request.user)
        return lesson


class LessonEditView(EditView):
    def save_instance(self):
        # The form has already written its values onto self.object; the service compares them
        # with the saved lesson, so it is given a fresh copy.
        lesson = services.learning_update(
            lesson=Lesson.objects.get(pk=self.object.pk),
            actor=self.request.user,
            **_values(self.form),
        )
        log(instance=lesson, action="wagtail.edit", user=self.request.user)
        return lesson
