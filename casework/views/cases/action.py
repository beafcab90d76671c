"""One page per action on a case, at /admin/cases/<pk>/<action>/: GET shows the form, POST calls
the one service. When the service refuses, the form comes back with its reasons and everything
that was typed."""

from django.contrib import messages as django_messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from casework import permissions
from casework.models import Case
from casework.services import TransitionRefused
from casework.views.cases.access import case_for
from casework.views.cases.actions import ACTIONS, not_available_message
from casework.views.cases.detail import CaseBreadcrumbsMixin
from casework.views.common import forbidden, form_problems


def problems_message(request, heading: str, problems: list[str]) -> None:
    """An error summary at the top of the page, in the admin's own message style."""
    detail = format_html(
        '<ul class="errorlist">{}</ul>',
        format_html_join("", "<li>{}</li>", ((problem,) for problem in problems)),
    )
    django_messages.error(request, messages.render(heading, None, detail=detail))


class CaseActionView(CaseBreadcrumbsMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "casework/cases/action.html"
    header_icon = "folder-open-inverse"

    def dispatch(self, request, *args, pk, action, **kwargs):
        self.action = ACTIONS.get(action)
        if self.action is None:
            raise Http404
        self.case = case_for(request.user, pk)
        if not permissions.user_can_work_case(request.user, self.case):
            return forbidden(
                request,
                _(
                    "You can read this case but not change it. Ask a complaints officer or the "
                    "case's handler."
                ),
            )
        if not permissions.user_can_take_stage_action(request.user, self.case, action):
            return forbidden(
                request,
                _(
                    "You acted on stage 1 of this complaint, so you cannot extend or decide "
                    "stage 2: it is reviewed by someone who did not deal with stage 1 (Code "
                    "6.13). Ask the stage 2 handler or another complaints officer."
                ),
            )
        return super().dispatch(request, *args, **kwargs)

    @property
    def case_url(self) -> str:
        return reverse("cases:detail", args=[self.case.pk])

    def get(self, request, *args, **kwargs):
        if not self.action.is_available(self.case):
            messages.error(request, not_available_message(self.action, self.case))
            return redirect(self.case_url)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if not self.action.is_available(self.case):
            # Say why on the form, keeping what was typed: the case may have moved on meanwhile.
            form = self.get_form()
            problems_message(
                request,
                _("This could not be done yet:"),
                [not_available_message(self.action, self.case)],
            )
            return self.render_to_response(self.get_context_data(form=form))
        return super().post(request, *args, **kwargs)

    def get_page_title(self):
        return self.action.label

    def get_page_subtitle(self):
        return self.case.reference

    def get_breadcrumbs_items(self):
        return [*self.case_breadcrumbs(), {"url": "", "label": self.action.label}]

    def get_form_class(self):
        return self.action.form_class

    def get_initial(self):
        # A link such as "Mark done" on the case page can choose the item: ?action=12
        fields = self.action.form_class.base_fields
        return {name: value for name, value in self.request.GET.items() if name in fields}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case": self.case, "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(case=self.case, action=self.action, case_url=self.case_url)
        return context

    def form_valid(self, form):
        try:
            result = self.action.perform(self.case, self.request.user, form.cleaned_data)
        except TransitionRefused as refused:
            problems_message(self.request, _("This could not be done yet:"), refused.problems)
            # A refusal about one value is shown next to its field as well.
            for name, field_messages in refused.fields.items():
                for message in field_messages:
                    form.add_error(name if name in form.fields else None, message)
            return self.render_to_response(self.get_context_data(form=form))
        target = result if isinstance(result, Case) and result.pk != self.case.pk else self.case
        message = str(self.action.success_message)
        if target is not self.case:
            message = _("%(done)s New case: %(reference)s.") % {
                "done": message,
                "reference": target.reference,
            }
        if self.action.letter_type and target is self.case:
            # The step and its letter go together: the letter is drafted from what was just
            # recorded, for the officer to check and send.
            message = _("%(done)s Now check the letter below and send it.") % {"done": message}
            messages.success(self.request, message)
            return redirect(reverse("letters:draft", args=[self.case.pk, self.action.letter_type]))
        messages.success(self.request, message)
        return redirect(reverse("cases:detail", args=[target.pk]))

    def form_invalid(self, form):
        problems_message(self.request, _("Check the answers below:"), form_problems(form))
        return super().form_invalid(form)
