"""Writing a letter from the case page (issue 5): choose the letter, edit each element prefilled
from the record, preview it with a reading-ease figure, then issue it through
`casework.services.letter_issue`, which refuses it while any required element is missing.

- letters:choose <pk>                 which letters the case can have now, and why not the others
- letters:draft <pk> <letter_type>    the draft: elements, preview, issue
"""

from django import forms
from django.conf import settings
from django.contrib import messages as django_messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from casework import permissions, services
from casework.letters.branding import letter_branding
from casework.letters.drafting import (
    case_letter_problem,
    letter_language,
    prefill_elements,
    template_for,
)
from casework.letters.readability import readability
from casework.letters.render import letter_html, letter_render, signature
from casework.letters.rules import ELEMENTS, ElementKind, LetterType, letter_problems, letter_spec
from casework.process import process_settings
from casework.services import TransitionRefused
from casework.services.letters import letter_recipients, needs_large_print
from casework.views.cases.access import case_for
from casework.views.cases.detail import CaseBreadcrumbsMixin
from casework.views.common import forbidden


def problems_message(request, heading: str, problems: list[str]) -> None:
    """An error summary at the top of the page, in the admin's own message style."""
    detail = format_html(
        '<ul class="errorlist">{}</ul>',
        format_html_join("", "<li>{}</li>", ((problem,) for problem in problems)),
    )
    django_messages.error(request, messages.render(heading, None, detail=detail))


ROWS = {ElementKind.TEXT: 4, ElementKind.LIST: 4, ElementKind.LINES: 6}


class LetterDraftForm(forms.Form):
    """One text box per element of the letter. None is required here: the service names what
    is missing, citing the Code, so the drafter sees the same words the rules use."""

    def __init__(self, *args, letter_type: str, **kwargs):
        super().__init__(*args, **kwargs)
        spec = letter_spec(letter_type)
        required = {r.key for r in spec.required}
        for key in spec.element_keys:
            element = ELEMENTS[key]
            help_text = str(element.hint).capitalize()
            if element.kind == ElementKind.LIST:
                help_text += ". " + _("One item a line.")
            if key not in required:
                help_text += ". " + _("Optional.")
            self.fields[key] = forms.CharField(
                label=str(element.name).capitalize(),
                required=False,
                strip=True,
                help_text=help_text,
                widget=forms.Textarea(attrs={"rows": ROWS[element.kind]}),
            )


class LetterCaseMixin(CaseBreadcrumbsMixin, WagtailAdminTemplateMixin):
    header_icon = "mail"

    def dispatch(self, request, *args, pk, **kwargs):
        self.case = case_for(request.user, pk)
        if not permissions.user_can_work_case(request.user, self.case):
            return forbidden(
                request,
                _(
                    "You can read this case but not write letters on it. Ask a complaints officer "
                    "or the case's handler."
                ),
            )
        return super().dispatch(request, *args, **kwargs)

    @property
    def case_url(self) -> str:
        return reverse("cases:detail", args=[self.case.pk])

    def get_page_subtitle(self):
        return self.case.reference


class LetterChooseView(LetterCaseMixin, TemplateView):
    template_name = "casework/letters/choose.html"
    page_title = gettext_lazy("Write a letter")

    def get_breadcrumbs_items(self):
        return [*self.case_breadcrumbs(), {"url": "", "label": _("Write a letter")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for letter_type in LetterType:
            rows.append(
                {
                    "type": letter_type,
                    "problem": case_letter_problem(letter_type, self.case),
                    "url": reverse("letters:draft", args=[self.case.pk, letter_type.value]),
                }
            )
        context.update(case=self.case, case_url=self.case_url, rows=rows)
        return context


class LetterDraftView(LetterCaseMixin, TemplateView):
    template_name = "casework/letters/draft.html"

    def dispatch(self, request, *args, letter_type, **kwargs):
        if letter_type not in LetterType.values:
            raise Http404
        self.letter_type = LetterType(letter_type)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.letter_type.label

    def get_breadcrumbs_items(self):
        return [
            *self.case_breadcrumbs(),
            {"url": reverse("letters:choose", args=[self.case.pk]), "label": _("Write a letter")},
            {"url": "", "label": self.letter_type.label},
        ]

    @cached_property
    def language(self) -> str:
        return letter_language(self.case.resident.preferred_language, self.letter_type)

    @cached_property
    def branding(self):
        return letter_branding(language=self.language)

    def get(self, request, *args, **kwargs):
        problem = case_letter_problem(self.letter_type, self.case)
        if problem:
            messages.error(request, problem)
            return redirect("letters:choose", self.case.pk)
        initial = prefill_elements(
            self.case, self.letter_type, branding=self.branding, language=self.language
        )
        form = LetterDraftForm(initial=initial, letter_type=self.letter_type)
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = LetterDraftForm(request.POST, letter_type=self.letter_type)
        form.is_valid()  # every field is optional text: this only cleans it
        elements = form.cleaned_data
        if "issue" in request.POST:
            try:
                letter = services.letter_issue(
                    case=self.case,
                    letter_type=self.letter_type,
                    elements=elements,
                    actor=request.user,
                    branding=self.branding,
                )
            except TransitionRefused as refused:
                problems_message(request, _("This letter cannot be sent yet:"), refused.problems)
                return self.render_to_response(self.get_context_data(form=form, preview=True))
            messages.success(request, self.issued_message(letter))
            return redirect(self.case_url)
        return self.render_to_response(self.get_context_data(form=form, preview=True))

    def issued_message(self, letter) -> str:
        emailed = [r["name"] for r in letter.sent_to if r["by"] == "email"]
        posted = [r["name"] for r in letter.sent_to if r["by"] == "post"]
        message = _("Letter issued: %(subject)s.") % {"subject": letter.subject}
        if emailed:
            message += " " + _("Emailed to %(names)s.") % {"names": ", ".join(emailed)}
        if posted:
            message += " " + _("Print and post it to %(names)s: see the timeline.") % {
                "names": ", ".join(posted)
            }
        return message

    def preview_context(self, elements: dict) -> dict:
        template = template_for(self.letter_type, self.language)
        if template is None:
            return {"preview_html": "", "problems": letter_problems(self.letter_type, elements)}
        rendered = letter_render(
            case=self.case,
            template=template,
            elements=elements,
            branding=self.branding,
            signed_by=signature(
                self.request.user,
                name_staff=process_settings().letters_name_staff,
                branding=self.branding,
                language=template.language,
            ),
        )
        english = template.language.split("-")[0] == "en"
        return {
            "preview_html": letter_html(
                rendered, csp_nonce=str(getattr(self.request, "csp_nonce", ""))
            ),
            "subject": rendered.subject,
            "readability": readability(rendered.body_text) if english else None,
            "problems": letter_problems(self.letter_type, elements),
        }

    def get_context_data(self, *, form, preview=False, **kwargs):
        context = super().get_context_data(**kwargs)
        recipients = letter_recipients(self.case)
        context.update(
            case=self.case,
            case_url=self.case_url,
            letter_type=self.letter_type,
            form=form,
            preview=preview,
            language=dict(settings.LANGUAGES).get(self.language, self.language),
            recipients=recipients,
            large_print=needs_large_print(recipients),
        )
        if preview:
            context.update(self.preview_context(form.cleaned_data))
        return context
