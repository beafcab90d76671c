"""The data protection screens at /admin/data-protection/ (URL namespace "data_protection"),
for the "Data protection" group (`casework.handle_data_protection`; two-factor sign-in like all
staff): finding a person across cases, exporting everything held about them, rectification,
erasure, the requests with their one-calendar-month clock, and the retention runs. Legal holds
on a case are set by complaints officers or the data protection role.

Thin: the rules are in casework/data_protection/; every list is paginated and read in a fixed
number of queries.
"""

import tempfile

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from casework import services
from casework.data_protection.holds import (
    legal_hold_lift,
    legal_hold_set,
    user_can_hold_cases,
    user_handles_data_protection,
)
from casework.data_protection.requests import (
    erasure_reasons_to_keep,
    person_erasure,
    person_rectify,
    request_complete,
    request_record,
)
from casework.data_protection.retention import case_retention
from casework.data_protection.subject_access import (
    export_file_name,
    export_write,
    people_search,
    subject_people,
)
from casework.models import (
    Case,
    CaseErasure,
    DataProtectionRequest,
    LegalHold,
    Person,
    RetentionRun,
)
from casework.selectors import today
from casework.services import TransitionRefused
from casework.views.common import forbidden, form_problems, text
from casework.views.intake.person_forms import ContactDetailsForm, date

PER_PAGE = 25


def page_of(queryset, request, param: str = "p"):
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get(param))
    query = request.GET.copy()

    def url(number):
        query[param] = number
        return "?" + query.urlencode()

    return {
        "page": page,
        "previous_url": url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": url(page.next_page_number()) if page.has_next() else "",
    }


class DataProtectionMixin(WagtailAdminTemplateMixin):
    header_icon = "lock"
    page_title = gettext_lazy("Data protection")

    def dispatch(self, request, *args, **kwargs):
        if not user_handles_data_protection(request.user):
            return forbidden(request, _("Only the data protection team can see this."))
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.page_title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("data_protection:index"), "label": gettext_lazy("Data protection")},
            {"url": "", "label": self.get_page_title()},
        ]


class IndexView(DataProtectionMixin, TemplateView):
    template_name = "casework/data_protection/index.html"
    page_title = gettext_lazy("Find a person")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        context.update(query=query, **page_of(people_search(query), self.request))
        return context


class PersonMixin(DataProtectionMixin):
    def dispatch(self, request, *args, pk, **kwargs):
        self.person = get_object_or_404(Person, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def person_url(self):
        return reverse("data_protection:person", args=[self.person.pk])


class PersonView(PersonMixin, TemplateView):
    template_name = "casework/data_protection/person.html"

    def get_page_title(self):
        return self.person.full_name or _("Erased person")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        people = subject_people(self.person)
        cases = (
            Case.objects.filter(Q(resident__in=people) | Q(representative__in=people))
            .select_related("erasure")
            .order_by("-received_at")
        )
        context.update(
            person=self.person,
            people=people,
            cases=page_of(cases, self.request),
            requests=DataProtectionRequest.objects.filter(person__in=people).order_by(
                "-received_on", "-pk"
            ),
        )
        return context


class ExportView(PersonMixin, View):
    """The ZIP of everything held about the person (and their other records with the same
    email), built in a temporary file and streamed from it."""

    def get(self, request):
        out = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
        export_write(
            subject_people(self.person),
            out,
            user=request.user,
            where=_("subject access export"),
        )
        out.seek(0)
        return FileResponse(
            out,
            as_attachment=True,
            filename=export_file_name(self.person, today()),
            content_type="application/zip",
        )


def open_requests_of(person, kind):
    return DataProtectionRequest.objects.filter(
        person=person, kind=kind, completed_on__isnull=True
    ).order_by("received_on")


class RequestChoiceMixin:
    kind: str

    def request_field(self):
        return forms.ModelChoiceField(
            label=_("In answer to the request"),
            queryset=open_requests_of(self.person, self.kind),
            required=False,
            empty_label=_("No recorded request"),
        )


class RectifyView(RequestChoiceMixin, PersonMixin, TemplateView):
    template_name = "casework/data_protection/form.html"
    kind = DataProtectionRequest.Kind.RECTIFICATION

    def get_page_title(self):
        return _("Correct the details of %(name)s") % {"name": self.person.full_name}

    def form(self):
        form = ContactDetailsForm(self.request.POST or None, person=self.person)
        form.fields["request"] = self.request_field()
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.form())
        context.update(
            back_url=self.person_url(),
            submit=_("Save the correction"),
            intro=_(
                "Every case of theirs records what was corrected and what it was before "
                "(UK GDPR article 16)."
            ),
        )
        return context

    def post(self, request):
        form = self.form()
        if form.is_valid():
            data = dict(form.cleaned_data)
            request_made = data.pop("request")
            try:
                person_rectify(
                    person=self.person,
                    details=services.PersonDetails(**data),
                    actor=request.user,
                    request=request_made,
                )
            except TransitionRefused as refused:
                return self.render_to_response(
                    self.get_context_data(form=form, problems=refused.problems)
                )
            messages.success(request, _("The correction is saved."))
            return redirect(self.person_url())
        return self.render_to_response(
            self.get_context_data(form=form, problems=form_problems(form))
        )


class EraseView(RequestChoiceMixin, PersonMixin, TemplateView):
    template_name = "casework/data_protection/erase.html"
    kind = DataProtectionRequest.Kind.ERASURE

    def get_page_title(self):
        return _("Erase %(name)s") % {"name": self.person.full_name}

    def form(self):
        form = forms.Form(self.request.POST or None)
        form.fields["request"] = self.request_field()
        return form

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            person=self.person,
            back_url=self.person_url(),
            reasons=erasure_reasons_to_keep(subject_people(self.person)),
            form=self.form(),
        )
        return context

    def post(self, request):
        form = self.form()
        request_made = form.cleaned_data["request"] if form.is_valid() else None
        outcome = person_erasure(people=subject_people(self.person), request=request_made)
        if outcome.erased:
            messages.success(
                request,
                _("Erased: %(cases)s cases and %(files)s files.")
                % {"cases": outcome.counts.cases, "files": outcome.counts.files},
            )
        else:
            messages.error(request, _("Not erased: ") + " ".join(outcome.reasons))
        return redirect(self.person_url())


class RequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What they asked for"),
        choices=[("", "---------"), *DataProtectionRequest.Kind.choices],
        required=False,
    )
    requester_name = forms.CharField(
        label=gettext_lazy("Name of the person who asked"), required=False, max_length=200
    )
    requester_email = forms.EmailField(label=gettext_lazy("Their email"), required=False)
    received_on = date(gettext_lazy("Received on"))
    person = forms.ModelChoiceField(
        queryset=Person.objects.all(), required=False, widget=forms.HiddenInput
    )


class RequestsView(DataProtectionMixin, TemplateView):
    """Every request, those still to answer first, each with its one-month clock."""

    template_name = "casework/data_protection/requests.html"
    page_title = gettext_lazy("Requests about people's data")

    def form(self):
        initial = {"received_on": today(), "person": self.request.GET.get("person")}
        return RequestForm(self.request.POST or None, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        requests = DataProtectionRequest.objects.select_related("person").order_by(
            "completed_on", "due_on", "pk"
        )
        context.setdefault("form", self.form())
        context.update(today=today(), **page_of(requests, self.request))
        return context

    def post(self, request):
        form = self.form()
        if form.is_valid():
            data = form.cleaned_data
            try:
                made = request_record(actor=request.user, **data)
            except TransitionRefused as refused:
                return self.render_to_response(
                    self.get_context_data(form=form, problems=refused.problems)
                )
            messages.success(
                request,
                _("Recorded. Answer by %(date)s.") % {"date": f"{made.due_on:%-d %B %Y}"},
            )
            return redirect("data_protection:requests")
        return self.render_to_response(
            self.get_context_data(form=form, problems=form_problems(form))
        )


class RequestCompleteView(DataProtectionMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        made = get_object_or_404(DataProtectionRequest, pk=pk)
        try:
            request_complete(request=made, outcome=request.POST.get("outcome", ""))
            messages.success(request, _("The request is marked as answered."))
        except TransitionRefused as refused:
            messages.error(request, " ".join(refused.problems))
        return redirect("data_protection:requests")


class RunsView(DataProtectionMixin, TemplateView):
    template_name = "casework/data_protection/runs.html"
    page_title = gettext_lazy("Retention runs")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        runs = RetentionRun.objects.defer("references")
        context.update(
            erased=CaseErasure.objects.count(),
            held=LegalHold.objects.active().count(),
            **page_of(runs, self.request),
        )
        return context


class HoldForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Why it must be kept"),
        choices=[("", "---------"), *LegalHold.Kind.choices],
        required=False,
    )
    reason = text(gettext_lazy("Reason"), rows=3)


class HoldView(WagtailAdminTemplateMixin, TemplateView):
    """Set a legal hold on a case, or lift one; each is written on the case's timeline."""

    template_name = "casework/data_protection/hold.html"
    header_icon = "lock"

    def dispatch(self, request, *args, pk, **kwargs):
        if not user_can_hold_cases(request.user):
            return forbidden(
                request, _("Only complaints officers and the data protection team can do this.")
            )
        self.case = get_object_or_404(Case, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Legal hold on %(reference)s") % {"reference": self.case.reference}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", HoldForm(self.request.POST or None))
        context.update(
            case=self.case,
            holds=LegalHold.objects.active().filter(case=self.case).select_related("set_by"),
            retention=case_retention(self.case),
        )
        return context

    def post(self, request):
        if "lift" in request.POST:
            hold = get_object_or_404(
                LegalHold.objects.active(), pk=request.POST["lift"], case=self.case
            )
            legal_hold_lift(hold=hold, actor=request.user)
            messages.success(request, _("The legal hold is lifted."))
            return redirect("data_protection:hold", pk=self.case.pk)
        form = HoldForm(request.POST)
        if form.is_valid():
            try:
                legal_hold_set(case=self.case, actor=request.user, **form.cleaned_data)
            except TransitionRefused as refused:
                return self.render_to_response(
                    self.get_context_data(form=form, problems=refused.problems)
                )
            messages.success(request, _("The case is held."))
            return redirect("data_protection:hold", pk=self.case.pk)
        return self.render_to_response(
            self.get_context_data(form=form, problems=form_problems(form))
        )
