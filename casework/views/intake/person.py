"""The person page at /admin/intake/people/<pk>/, and one form page per thing recorded about
them at /admin/intake/people/<pk>/<action>/.

Reasonable adjustments and disclosures are shown only to those who may see them (Code 5.10);
each showing is logged, and complaints officers see that log.
"""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from casework import permissions, services
from casework.models import Case, SensitiveDataView
from casework.services import TransitionRefused
from casework.views.common import forbidden, form_problems
from casework.views.intake.access import person_for
from casework.views.intake.person_forms import PERSON_ACTIONS

RECENT_VIEWS_SHOWN = 20


class PersonMixin(WagtailAdminTemplateMixin):
    header_icon = "user"

    def dispatch(self, request, *args, pk, **kwargs):
        self.person = person_for(request.user, pk)
        return super().dispatch(request, *args, **kwargs)

    @property
    def person_url(self) -> str:
        return reverse("intake:person", args=[self.person.pk])

    def person_breadcrumbs(self):
        return [
            *self.breadcrumbs_items,
            {"url": "", "label": gettext_lazy("People")},
            {"url": self.person_url, "label": self.person.full_name},
        ]

    def may_see_sensitive(self) -> bool:
        return permissions.user_can_view_sensitive(self.request.user, self.person)


class PersonDetailView(PersonMixin, TemplateView):
    template_name = "casework/intake/person.html"

    def get_page_title(self):
        return self.person.full_name

    def get_breadcrumbs_items(self):
        return [*self.person_breadcrumbs()[:-1], {"url": "", "label": self.person.full_name}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person, user = self.person, self.request.user
        cases = Case.objects.filter(Q(resident=person) | Q(representative=person)).order_by(
            "-received_at"
        )
        visible = set(
            permissions.cases_visible_to(user).filter(pk__in=cases).values_list("pk", flat=True)
        )
        context.update(
            person=person,
            cases=[{"case": case, "role": self.role(case)} for case in cases if case.pk in visible],
            restrictions=list(person.restrictions.select_related("decided_by")),
            may_see_sensitive=self.may_see_sensitive(),
            language=dict(settings.LANGUAGES).get(person.preferred_language, ""),
            # Template names cannot hold a hyphen: "end-adjustment" is read as end_adjustment.
            actions={
                slug.replace("-", "_"): action.allowed(user, person)
                for slug, action in PERSON_ACTIONS.items()
            },
            recent_views=None,
        )
        if context["may_see_sensitive"]:
            adjustments = list(person.adjustments.select_related("recorded_by"))
            disclosures = list(person.disclosures.select_related("recorded_by"))
            context.update(adjustments=adjustments, disclosures=disclosures)
            if adjustments or disclosures:
                services.sensitive_data_viewed(person=person, user=user, where="person page")
        if permissions.user_can_work_any_case(user):
            context["recent_views"] = list(
                SensitiveDataView.objects.filter(person=person).select_related("viewed_by")[
                    :RECENT_VIEWS_SHOWN
                ]
            )
        return context

    def role(self, case) -> str:
        return _("Resident") if case.resident_id == self.person.pk else _("Representative")


class PersonActionView(PersonMixin, TemplateView):
    template_name = "casework/intake/person_action.html"

    def dispatch(self, request, *args, action, **kwargs):
        self.action = PERSON_ACTIONS.get(action)
        if self.action is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        refused = self.refused()
        if refused:
            return refused
        form = self.action.form_class(person=self.person)
        # A link on the person page can choose the item: ?adjustment=12
        form.initial.update(
            (name, value) for name, value in request.GET.items() if name in form.fields
        )
        return self.show(form)

    def post(self, request, *args, **kwargs):
        refused = self.refused()
        if refused:
            return refused
        form = self.action.form_class(request.POST, person=self.person)
        if not form.is_valid():
            return self.show(form, form_problems(form))
        try:
            self.action.perform(self.person, request.user, form.cleaned_data)
        except TransitionRefused as refusal:
            return self.show(form, refusal.problems)
        messages.success(request, str(self.action.done))
        return redirect(self.person_url)

    def refused(self):
        if self.action.allowed(self.request.user, self.person):
            return None
        return forbidden(
            self.request,
            _("Only a complaints officer, or a handler of this person's cases, can do this."),
        )

    def show(self, form, problems=()):
        if self.action.sensitive:
            services.sensitive_data_viewed(
                person=self.person, user=self.request.user, where="person page: end adjustment"
            )
        return self.render_to_response(
            self.get_context_data(form=form, problems=list(problems), action=self.action)
        )

    def get_page_title(self):
        return self.action.label

    def get_page_subtitle(self):
        return self.person.full_name

    def get_breadcrumbs_items(self):
        return [*self.person_breadcrumbs(), {"url": "", "label": self.action.label}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(person=self.person, person_url=self.person_url)
        return context
