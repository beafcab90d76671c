"""The question pages, check your answers and the confirmation.

Views only move answers between the forms and the session (journey.py); the case is logged by
submission.py through the casework services. Every page works without JavaScript.
"""

import logging

from django import forms as django_forms
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from casework.choices import CaseKind
from casework.models import Case
from casework.notifications import new_case_notify
from casework.process import process_settings
from casework.services import TransitionRefused, consent_answer
from cms_pages.models import ComplaintStartPage
from portal.raise_case import forms, summary, uploads
from portal.raise_case.emails import (
    consent_case,
    queue_consent_request,
    queue_submission_confirmation,
)
from portal.raise_case.journey import (
    CONTACT,
    KIND,
    PREFERENCES,
    REPRESENTATIVE,
    RESIDENT,
    STEP_URL_NAMES,
    SUPPORT,
    WHAT_HAPPENED,
    WHO,
    Journey,
    available_contact_methods,
)
from portal.raise_case.submission import answers_submit, consent_deemed
from portal.ratelimits import limited, pending_upload_quota, quota_message, wait_message

logger = logging.getLogger(__name__)

HONEYPOT = "website"


def step_url(step: str | None) -> str:
    return reverse(STEP_URL_NAMES[step]) if step else reverse("raise_case:check")


def upload_limits() -> dict:
    return {
        "max_files": uploads.max_files(),
        "max_size": uploads.size_text(uploads.max_bytes()),
        "file_types": uploads.allowed_types_text(),
    }


class JourneyMixin:
    def dispatch(self, request, *args, **kwargs):
        self.journey = Journey(request.session)
        return super().dispatch(request, *args, **kwargs)

    def note_honeypot(self, request) -> None:
        """People never see the honeypot field; software that fills in every field does."""
        if request.POST.get(HONEYPOT):
            logger.warning("Honeypot filled on the raise-a-complaint journey %s", self.journey.id)
            self.journey.flag_honeypot()


class StartView(TemplateView):
    """The start page the comms team edit in Wagtail when it is published in the reader's
    language; otherwise this built-in one, translated through gettext."""

    template_name = "raise_case/start.html"

    def get(self, request, *args, **kwargs):
        preselect_kind(request)
        if page := ComplaintStartPage.for_request(request):
            return redirect(page.get_url(request))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **upload_limits())


def preselect_kind(request) -> None:
    """A link that says what the resident came to do ("Ask us to put something right" on the
    home page: `?kind=service_request`, Code 1.4) chooses that answer on the "What would you
    like to do?" page, until they answer it themselves."""
    kind = request.GET.get("kind", "")
    if kind not in dict(forms.KIND_CHOICES):
        return
    journey = Journey(request.session)
    if not journey.answers(KIND):
        journey.save_draft(KIND, {"kind": kind})


class StepView(JourneyMixin, View):
    """One question page: shows the saved answers, checks new ones, moves on."""

    step = ""
    form_class = forms.StepForm
    template_name = ""
    title = ""

    def form_kwargs(self) -> dict:
        return {}

    def make_form(self, data=None, initial=None):
        return self.form_class(data=data, initial=initial, **self.form_kwargs())

    def guard(self):
        """Pages are answered in order: anyone arriving early is sent to the first gap."""
        if self.journey.is_open(self.step):
            return None
        missing = self.journey.missing()
        return redirect(step_url(missing[0] if missing else None))

    def get(self, request, *args, **kwargs):
        if response := self.guard():
            return response
        return self.render(self.make_form(initial=self.journey.initial(self.step)))

    def post(self, request, *args, **kwargs):
        if response := self.guard():
            return response
        self.note_honeypot(request)
        form = self.make_form(data=request.POST)
        if form.is_valid():
            return self.form_valid(form)
        return self.render(form)

    def form_valid(self, form):
        self.journey.save_answers(self.step, form.cleaned_data)
        missing = self.journey.missing()
        return redirect(step_url(missing[0] if missing else None))

    @property
    def changing(self) -> bool:
        return "change" in self.request.GET

    def back_url(self) -> str:
        if self.changing:
            return reverse("raise_case:check")
        previous = self.journey.previous(self.step)
        return step_url(previous) if previous else reverse("raise_case:start")

    def context(self, form, **extra) -> dict:
        return {
            "form": form,
            "title": self.title,
            "back_url": self.back_url(),
            "is_representative": self.journey.is_representative,
            "kind": self.journey.kind,
            "has_errors": bool(form.is_bound and form.errors) or bool(extra.get("upload_errors")),
            "honeypot": HONEYPOT,
            **extra,
        }

    def render(self, form, **extra):
        return render(self.request, self.template_name, self.context(form, **extra))


class UploadStepView(StepView):
    """A page with a file input as well as questions. Files are stored as soon as they arrive,
    whatever else is wrong on the page, and can be removed again."""

    upload_purpose = ""
    upload_field = ""

    def accepts_uploads(self) -> bool:
        return True

    def raw_answers(self, data) -> dict:
        """What was typed, as initial values, for a page shown again without checking it."""
        form = self.make_form()
        values = {}
        for name, field in form.fields.items():
            if isinstance(field, django_forms.MultipleChoiceField):
                values[name] = data.getlist(name)
            elif name in data:
                values[name] = data.get(name)
        return values

    def post(self, request, *args, **kwargs):
        if response := self.guard():
            return response
        if not self.accepts_uploads():
            return super().post(request, *args, **kwargs)
        self.note_honeypot(request)
        if upload_id := request.POST.get("remove"):
            uploads.remove(self.journey, upload_id)
            self.journey.save_draft(self.step, self.raw_answers(request.POST))
            return HttpResponseRedirect(request.get_full_path())
        files = request.FILES.getlist(self.upload_field)
        if files and limited(request, "upload"):
            problems = [wait_message()]
        else:
            problems = uploads.accept(
                self.journey,
                files,
                purpose=self.upload_purpose,
                quota=pending_upload_quota(request),
                quota_message=quota_message(),
            )
        if request.POST.get("action") == "upload":
            self.journey.save_draft(self.step, self.raw_answers(request.POST))
            if not files:
                problems.append(_("Choose a file to add"))
            if problems:
                form = self.make_form(initial=self.raw_answers(request.POST))
                return self.render(form, upload_errors=problems)
            return HttpResponseRedirect(request.get_full_path())
        form = self.make_form(data=request.POST)
        if form.is_valid() and not problems:
            return self.form_valid(form)
        return self.render(form, upload_errors=problems)

    def context(self, form, **extra) -> dict:
        context = super().context(form, **extra)
        context.update(
            accepts_uploads=self.accepts_uploads(),
            uploads=self.journey.uploads(self.upload_purpose),
            upload_field=self.upload_field,
            upload_errors=extra.get("upload_errors", []),
            **upload_limits(),
        )
        return context


class WhoView(StepView):
    step = WHO
    form_class = forms.WhoForm
    template_name = "raise_case/who.html"
    title = _("Who are you contacting us for?")


class RepresentativeView(StepView):
    step = REPRESENTATIVE
    form_class = forms.RepresentativeForm
    template_name = "raise_case/representative.html"
    title = _("About you")


class ResidentView(UploadStepView):
    step = RESIDENT
    form_class = forms.ResidentForm
    template_name = "raise_case/resident.html"
    title = _("About the resident")
    upload_purpose = "consent"
    upload_field = "consent_document"

    @property
    def representative_type(self) -> str:
        return self.journey.answers(REPRESENTATIVE).get("representative_type", "")

    def accepts_uploads(self) -> bool:
        return not consent_deemed(self.representative_type)

    def form_kwargs(self):
        return {"consent_deemed": not self.accepts_uploads()}

    def context(self, form, **extra):
        context = super().context(form, **extra)
        context["consent_deemed"] = not self.accepts_uploads()
        context["representative_type"] = summary.representative_type_label(self.representative_type)
        return context


class KindView(StepView):
    step = KIND
    form_class = forms.KindForm
    template_name = "raise_case/kind.html"
    title = _("What would you like to do?")


class WhatHappenedView(UploadStepView):
    step = WHAT_HAPPENED
    form_class = forms.WhatHappenedForm
    template_name = "raise_case/what_happened.html"
    upload_purpose = "evidence"
    upload_field = "files"

    @property
    def title(self):
        return summary.what_happened_title(self.journey.kind)

    def form_kwargs(self):
        return {"kind": self.journey.kind}

    def context(self, form, **extra):
        context = super().context(form, **extra)
        context["exclusion_months"] = process_settings().exclusion_period_months
        context["old_issue"] = summary.may_be_too_old(self.journey)
        return context


class SupportView(StepView):
    step = SUPPORT
    form_class = forms.SupportForm
    template_name = "raise_case/support.html"
    title = _("Support and adjustments")


class ContactView(StepView):
    step = CONTACT
    form_class = forms.ContactForm
    template_name = "raise_case/contact.html"
    title = _("Your contact details")

    def form_kwargs(self):
        return {"is_representative": self.journey.is_representative}


class PreferencesView(StepView):
    step = PREFERENCES
    form_class = forms.PreferencesForm
    template_name = "raise_case/preferences.html"
    title = _("How we keep in touch")

    def form_kwargs(self):
        return {"methods": available_contact_methods(self.journey.answers(CONTACT))}

    def make_form(self, data=None, initial=None):
        initial = dict(initial or {})
        initial.setdefault("preferred_language", self.request.LANGUAGE_CODE)
        return super().make_form(data=data, initial=initial)


class CheckAnswersView(JourneyMixin, View):
    template_name = "raise_case/check_answers.html"

    def get(self, request, *args, **kwargs):
        if self.journey.is_empty and self.journey.last_submission():
            return redirect("raise_case:confirmation")
        if missing := self.journey.missing():
            return redirect(step_url(missing[0]))
        return self.render()

    def render(self, *, problem: str = "", status: int = 200):
        return render(
            self.request,
            self.template_name,
            {
                "sections": summary.sections(self.journey),
                "old_issue": summary.may_be_too_old(self.journey),
                "exclusion_months": process_settings().exclusion_period_months,
                "kind": self.journey.kind,
                "token": self.journey.submission_token(),
                "honeypot": HONEYPOT,
                "back_url": step_url(self.journey.steps()[-1]),
                "problem": problem,
            },
            status=status,
        )

    def post(self, request, *args, **kwargs):
        token = request.POST.get("token", "")
        with transaction.atomic():
            # One case per token, even when a double click sends the form twice at once.
            self.journey.lock()
            self.journey.refresh()
            if self.journey.submission(token) is not None:
                return redirect("raise_case:confirmation")
            if not token or token != self.journey.state.get("token"):
                # An old or foreign form: show the answers as they are now.
                return redirect("raise_case:check")
            if missing := self.journey.missing():
                return redirect(step_url(missing[0]))
            if limited(request, "submit"):
                # Too many from one address: nothing is made, the answers wait here.
                return self.render(problem=wait_message(), status=429)
            self.note_honeypot(request)
            if self.journey.honeypot_filled:
                logger.warning("No case made: the honeypot was filled (%s)", self.journey.id)
                uploads.discard(self.journey.uploads())
                self.journey.finish(token, case_id=None)
                request.session.save()
                return redirect("raise_case:confirmation")
            case = answers_submit(self.journey)
            email_to = queue_submission_confirmation(case)
            queue_consent_request(case)
            new_case_notify(case)
            self.journey.finish(token, case_id=case.pk, email_to=email_to)
            request.session.save()
        return redirect("raise_case:confirmation")


class ConfirmationView(JourneyMixin, View):
    template_name = "raise_case/confirmation.html"

    def get(self, request, *args, **kwargs):
        submission = self.journey.last_submission()
        if submission is None:
            return redirect("raise_case:start")
        case = None
        if submission["case"] is not None:
            case = get_object_or_404(Case.objects.select_related("resident"), pk=submission["case"])
        stage = case.stage(1) if case is not None and case.is_complaint else None
        settings = process_settings()
        return render(
            request,
            self.template_name,
            {
                "case": case,
                "kind": case.kind if case else "",
                "kinds": CaseKind,
                "email_to": submission.get("email_to", ""),
                "acknowledgement_due_on": stage.acknowledgement_due_on if stage else None,
                "response_days": settings.stage1_response_days,
            },
        )


class ConsentView(View):
    """The resident answers, through the link we emailed them, whether the person who contacted
    us acts for them. The page asks; only the button records (mail scanners open links)."""

    template_name = "raise_case/consent.html"

    def dispatch(self, request, token, *args, **kwargs):
        self.case = consent_case(token)
        if self.case is None:
            return render(request, "raise_case/consent_link_invalid.html", status=404)
        return super().dispatch(request, *args, **kwargs)

    def render(self, form, *, answered=None, status=200):
        return render(
            self.request,
            self.template_name,
            {
                "case": self.case,
                "form": form,
                "answered": answered,
                "has_errors": bool(form.is_bound and form.errors),
            },
            status=status,
        )

    def answer_given(self):
        entry = self.case.timeline.filter(event="consent_answered").first()
        return None if entry is None else entry.data.get("agrees")

    def get(self, request, *args, **kwargs):
        return self.render(forms.ConsentForm(), answered=self.answer_given())

    def post(self, request, *args, **kwargs):
        if (answered := self.answer_given()) is not None:
            return self.render(forms.ConsentForm(), answered=answered)
        form = forms.ConsentForm(data=request.POST)
        if not form.is_valid():
            return self.render(form)
        agrees = form.cleaned_data["agrees"] == forms.ConsentForm.YES
        try:
            consent_answer(case=self.case, agrees=agrees)
        except TransitionRefused as refused:
            form.add_error(None, " ".join(refused.problems))
            return self.render(form)
        return self.render(forms.ConsentForm(), answered=agrees)
