"""Following a case online (issue 4, Follow): ask for a sign-in link, open it, see your cases,
and act on one. Every change goes through the casework services; these views only check who
is asking and show what the record says."""

import datetime as dt
import logging

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, override
from django.utils.translation import gettext as _
from django.views import View

from casework.choices import OPEN_STATUSES, AdjustmentKind, Channel, Visibility
from casework.models import Case, OmbudsmanScheme, Person
from casework.notifications import case_activity_notify
from casework.outbox import email_queue
from casework.process import public_url
from casework.resident_emails import entitled_people, why_not_emailed
from casework.services import (
    PersonDetails,
    TransitionRefused,
    adjustment_record,
    case_withdraw,
    comments_awaited,
    comments_give,
    escalation_request,
    person_update,
    service_request_raise_complaint,
    timeline_record,
)
from casework.workflow import status_problem
from portal.follow import access, forms, tokens
from portal.follow.tasks import sign_in_link_send
from portal.raise_case import uploads
from portal.raise_case.journey import available_contact_methods
from portal.ratelimits import limited, wait_message

logger = logging.getLogger(__name__)
PER_PAGE = 20


def absolute(path: str) -> str:
    return public_url(path)


def error_context(form) -> dict:
    return {"form": form, "has_errors": bool(form.is_bound and form.errors)}


class RequestLinkView(View):
    """The same page comes back, after the same work, whether or not we know the address (no
    account enumeration)."""

    template_name = "follow/request_link.html"

    def get(self, request):
        if access.signed_in_email(request):
            return redirect("follow:cases")
        return render(request, self.template_name, error_context(forms.RequestLinkForm()))

    def post(self, request):
        form = forms.RequestLinkForm(data=request.POST)
        if not form.is_valid():
            return render(request, self.template_name, error_context(form))
        email = form.cleaned_data["email"].strip().lower()
        if limited(request, "sign_in_link") or limited(
            request, "sign_in_link", key=lambda group, request: email
        ):
            form.add_error("email", wait_message())
            return render(request, self.template_name, error_context(form), status=429)
        # The lookup and the email happen in the background: this request does the same work,
        # in the same time, for an address we know and one we do not.
        sign_in_link_send.enqueue(
            email=email, language=get_language(), base_url=settings.WAGTAILADMIN_BASE_URL
        )
        request.session["follow_link_sent_to"] = email
        return redirect("follow:link_sent")


class LinkSentView(View):
    def get(self, request):
        email = request.session.get("follow_link_sent_to")
        if not email:
            return redirect("follow:start")
        return render(
            request,
            "follow/link_sent.html",
            {"email": email, "minutes": tokens.link_minutes()},
        )


class SignInView(View):
    """Opening the link shows a button; only pressing it uses the link, so that a mail system
    that opens links to check them does not use it up."""

    def get(self, request, token):
        if not tokens.token_is_usable(token):
            return render(request, "follow/link_invalid.html", status=410)
        return render(request, "follow/sign_in.html")

    def post(self, request, token):
        email = tokens.token_consume(token)
        if email is None:
            return render(request, "follow/link_invalid.html", status=410)
        access.sign_in(request, email)
        return redirect("follow:cases")


class SignOutView(View):
    def post(self, request):
        access.sign_out(request)
        messages.success(request, _("You have signed out."))
        return redirect("follow:start")


class SignedInMixin:
    def dispatch(self, request, *args, **kwargs):
        self.email = access.signed_in_email(request)
        if not self.email:
            return redirect("follow:start")
        return super().dispatch(request, *args, **kwargs)


def next_due(case):
    """What we will do next on an open case and by when, from its current stage's clocks
    (issue 4: "due dates"); None when nothing is due from us. Reads prefetched stages only."""
    stage = case.current_stage
    if case.status not in OPEN_STATUSES or stage is None or stage.responded_at or stage.refused_at:
        return None
    if stage.acknowledged_at:
        return {"what": _("Answer by"), "date": stage.response_due_on}
    return {"what": _("Confirm we have it by"), "date": stage.acknowledgement_due_on}


class CasesView(SignedInMixin, View):
    def get(self, request):
        cases = (
            access.cases_for(self.email)
            .select_related("resident", "representative")
            .prefetch_related("stages")
            .order_by("-received_at")
        )
        page = Paginator(cases, PER_PAGE).get_page(request.GET.get("page"))
        for case in page.object_list:
            case.next_due = next_due(case)
        return render(request, "follow/cases.html", {"page_obj": page, "email": self.email})


class CaseMixin(SignedInMixin):
    """One case, only for those entitled to it: anyone else gets the same 404 as for a case
    that does not exist."""

    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get_case(self, reference) -> Case:
        return get_object_or_404(
            access.cases_for(self.email).select_related("resident", "representative", "category"),
            reference=reference,
        )

    def allowed(self, case, name) -> bool:
        return status_problem(name, case.kind, case.status) is None


def case_actions(case) -> dict:
    return {
        "can_escalate": status_problem("request_escalation", case.kind, case.status) is None,
        "can_withdraw": status_problem("withdraw", case.kind, case.status) is None,
        "can_make_complaint": status_problem("raise_complaint", case.kind, case.status) is None,
        "can_add_information": case.status in OPEN_STATUSES,
        "comments_awaited": comments_awaited(case),
    }


class CaseView(CaseMixin, View):
    def get(self, request, reference):
        case = self.get_case(reference)
        timeline = case.timeline.filter(visibility=Visibility.RESIDENT).order_by("-occurred_at")
        page = Paginator(timeline, PER_PAGE).get_page(request.GET.get("page"))
        stages = sorted(case.stages.all(), key=lambda s: s.number)
        return render(
            request,
            "follow/case.html",
            {
                "case": case,
                "stages": stages,
                "is_open": case.status in OPEN_STATUSES,
                "page_obj": page,
                "documents": case.documents.filter(visibility=Visibility.RESIDENT),
                "ombudsman": OmbudsmanScheme.for_kind(),
                **case_actions(case),
            },
        )


class DocumentView(CaseMixin, View):
    def get(self, request, reference, pk):
        case = self.get_case(reference)
        document = get_object_or_404(case.documents.filter(visibility=Visibility.RESIDENT), pk=pk)
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type or "application/octet-stream",
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class ActionView(CaseMixin, View):
    """A form about one case; `act` makes the change through the casework services."""

    form_class = forms.GovForm
    template_name = "follow/action.html"
    title = ""
    button = gettext_lazy("Send")
    transition = ""
    done_message = ""
    with_files = False
    # Whether the resident and the representative both hear of it, whoever made it.
    tell_everyone = False

    def available(self, case) -> bool:
        return self.allowed(case, self.transition)

    def render_form(self, case, form, *, problems=(), status=200):
        context = {
            "case": case,
            "form": form,
            "title": self.title,
            "button": self.button,
            "has_errors": bool(form.is_bound and form.errors) or bool(problems),
            "upload_errors": list(problems),
            "with_files": self.with_files,
            "intro_template": f"follow/intro/{self.transition}.html",
            "transition": self.transition,
        }
        if self.with_files:
            context.update(
                max_files=uploads.max_files(),
                max_size=uploads.size_text(uploads.max_bytes()),
                file_types=uploads.allowed_types_text(),
            )
        return render(self.request, self.template_name, context, status=status)

    def get(self, request, reference):
        case = self.get_case(reference)
        if not self.available(case):
            return redirect("follow:case", reference=case.reference)
        return self.render_form(case, self.form_class())

    def post(self, request, reference):
        case = self.get_case(reference)
        if not self.available(case):
            return redirect("follow:case", reference=case.reference)
        form = self.form_class(data=request.POST)
        files = request.FILES.getlist("files") if self.with_files else []
        problems = self.file_problems(request, files)
        if not form.is_valid() or problems:
            return self.render_form(case, form, problems=problems)
        person = access.acting_person(case, self.email)
        try:
            with transaction.atomic():
                summary = self.act(case, person, form.cleaned_data, files)
                case_activity_notify(case, summary)
                self.confirm(case, person, summary)
        except TransitionRefused as refused:
            for problem in refused.problems:
                form.add_error(None, problem)
            return self.render_form(case, form)
        messages.success(request, str(self.done_message))
        return redirect("follow:case", reference=case.reference)

    def file_problems(self, request, files) -> list[str]:
        if not files:
            return []
        if limited(request, "upload"):
            return [wait_message()]
        problems = []
        if len(files) > uploads.max_files():
            problems.append(
                _("You can add up to %(count)d files at a time.") % {"count": uploads.max_files()}
            )
        for uploaded in files:
            if message := uploads.problem(uploaded, uploads.sniff_file(uploaded)):
                problems.append(message)
        return problems

    def confirm(self, case, person, summary: str) -> None:
        """Tell the person, in their language, what we have recorded; for an escalation or a
        withdrawal, also the resident or representative who did not make it (issue 5)."""
        self.confirm_to(case, person, summary)
        if not self.tell_everyone:
            return
        today = timezone.localdate()
        for addressee in entitled_people(case):
            other = addressee.person
            if other.pk == person.pk:
                continue
            reason = why_not_emailed(other, today)
            if reason:
                timeline_record(
                    case=case,
                    event="tell_by_other_means",
                    summary=_(
                        "Not emailed to %(name)s (%(role)s): %(reason)s. Tell them another way."
                    )
                    % {
                        "name": other.full_name,
                        "role": _("resident")
                        if addressee.role == "resident"
                        else _("representative"),
                        "reason": reason,
                    },
                    data={"change": self.transition, "role": addressee.role},
                )
                continue
            self.confirm_to(case, other, summary)

    def confirm_to(self, case, person, summary: str) -> None:
        if not person.email:
            return
        with override(person.preferred_language or settings.LANGUAGE_CODE):
            context = {
                "person": person,
                "case": case,
                "summary": summary,
                "url": absolute(reverse("follow:case", args=[case.reference])),
            }
            email_queue(
                to=[person.email],
                subject=_("We have received this: %(reference)s") % {"reference": case.reference},
                body_text=render_to_string("follow/email/action_received.txt", context),
                purpose=f"follow_{self.transition}",
                case=case,
            )

    def act(self, case, person, values, files) -> str:
        raise NotImplementedError


class EscalateView(ActionView):
    form_class = forms.EscalateForm
    title = gettext_lazy("Ask us to look at your complaint again")
    button = gettext_lazy("Ask for stage 2")
    transition = "request_escalation"
    tell_everyone = True
    done_message = gettext_lazy("We have your request. We will look at your complaint again.")

    def act(self, case, person, values, files):
        stage = escalation_request(
            case=case,
            detail=values["detail"],
            actor_label=person.full_name,
            channel=Channel.ONLINE,
        )
        return _(
            "You asked us to look at your complaint again at stage 2. "
            "We will acknowledge it by %(date)s."
        ) % {"date": f"{stage.acknowledgement_due_on:%-d %B %Y}"}


class WithdrawView(ActionView):
    form_class = forms.WithdrawForm
    title = gettext_lazy("Withdraw your case")
    button = gettext_lazy("Withdraw it")
    transition = "withdraw"
    tell_everyone = True
    done_message = gettext_lazy("You have withdrawn it. You can contact us again at any time.")

    def act(self, case, person, values, files):
        case_withdraw(case=case, reason=values["reason"], actor_label=person.full_name)
        return _("You withdrew %(reference)s.") % {"reference": case.reference}


class MakeComplaintView(ActionView):
    form_class = forms.MakeComplaintForm
    title = gettext_lazy("Make a complaint about this request")
    button = gettext_lazy("Make a complaint")
    transition = "raise_complaint"
    done_message = gettext_lazy("We have your complaint. Its reference is on this page.")

    def act(self, case, person, values, files):
        self.complaint = service_request_raise_complaint(
            request=case,
            description=values["description"],
            actor_label=person.full_name,
            channel=Channel.ONLINE,
        )
        return _(
            "You made a complaint about request %(request)s. Its reference is %(reference)s."
        ) % {
            "request": case.reference,
            "reference": self.complaint.reference,
        }

    def post(self, request, reference):
        response = super().post(request, reference)
        if getattr(self, "complaint", None) is not None:
            return redirect("follow:case", reference=self.complaint.reference)
        return response


class CommentView(ActionView):
    form_class = forms.CommentForm
    title = gettext_lazy("Comment on what we have found")
    button = gettext_lazy("Send my comments")
    transition = "comment"
    done_message = gettext_lazy("Thank you. We will consider your comments before we decide.")

    def available(self, case) -> bool:
        return comments_awaited(case) is not None

    def render_form(self, case, form, **kwargs):
        self.request.comments_awaited = comments_awaited(case)
        return super().render_form(case, form, **kwargs)

    def act(self, case, person, values, files):
        comments_give(case=case, text=values["text"], actor_label=person.full_name)
        return _("You sent your comments on what we found on %(reference)s.") % {
            "reference": case.reference
        }


class AddInformationView(ActionView):
    form_class = forms.AddInformationForm
    title = gettext_lazy("Add information")
    button = gettext_lazy("Send")
    transition = "add_information"
    done_message = gettext_lazy("Thank you. We have added this to your case.")
    with_files = True

    def available(self, case) -> bool:
        return case.status in OPEN_STATUSES

    def act(self, case, person, values, files):
        timeline_record(
            case=case,
            actor_label=person.full_name,
            event="information_added",
            summary=values["text"].strip(),
            visibility=Visibility.RESIDENT,
            channel=Channel.ONLINE,
            data={"files": [uploads.display_name(f.name) for f in files]},
        )
        uploads.attach_files(case, files, label=person.full_name)
        return _("You added information to %(reference)s.") % {"reference": case.reference}


class KeepInTouchView(SignedInMixin, View):
    """Change how we contact you and add support, for every record we hold under this address
    (the same person may have sent us several cases)."""

    template_name = "follow/keep_in_touch.html"

    def people(self):
        return list(Person.objects.filter(email__iexact=self.email).order_by("-pk"))

    def make_form(self, person, data=None):
        methods = available_contact_methods(
            {"email": person.email, "phone": person.phone, "postal_address": person.postal_address}
        )
        initial = {
            "preferred_contact_method": person.preferred_contact_method,
            "preferred_language": person.preferred_language,
            "update_frequency": person.update_frequency,
        }
        return forms.KeepInTouchForm(data=data, initial=initial, methods=methods)

    def render_form(self, form):
        return render(self.request, self.template_name, error_context(form))

    def get(self, request):
        people = self.people()
        if not people:
            return redirect("follow:cases")
        return self.render_form(self.make_form(people[0]))

    def post(self, request):
        people = self.people()
        if not people:
            return redirect("follow:cases")
        form = self.make_form(people[0], data=request.POST)
        if not form.is_valid():
            return self.render_form(form)
        values = form.cleaned_data
        today = timezone.localdate()
        try:
            with transaction.atomic():
                for person in people:
                    current = {
                        name: getattr(person, name) for name in PersonDetails.__dataclass_fields__
                    }
                    details = PersonDetails(
                        **{
                            **current,
                            "preferred_contact_method": values["preferred_contact_method"],
                            "preferred_language": values["preferred_language"],
                            "update_frequency": values["update_frequency"],
                        }
                    )
                    person_update(person=person, details=details, actor=None)
                if values["adjustment"]:
                    adjustment_record(
                        person=people[0],
                        actor=None,
                        kind=values["adjustment"],
                        detail=values["adjustment_detail"].strip(),
                        agreed_on=today,
                        next_review_on=today + dt.timedelta(days=365),
                    )
                for case in access.cases_for(self.email).filter(status__in=OPEN_STATUSES):
                    case_activity_notify(
                        case,
                        _("%(name)s changed how we keep in touch online.")
                        % {"name": people[0].full_name},
                    )
                self.confirm(people[0], values)
        except TransitionRefused as refused:
            for problem in refused.problems:
                form.add_error(None, problem)
            return self.render_form(form)
        messages.success(request, _("Thank you. We have saved your choices."))
        return redirect("follow:cases")

    def confirm(self, person, values) -> None:
        """Tell the person, in the language they have just chosen, what we have saved."""
        with override(person.preferred_language or settings.LANGUAGE_CODE):
            context = {
                "person": person,
                "language": dict(settings.LANGUAGES).get(person.preferred_language, ""),
                "adjustment": AdjustmentKind(values["adjustment"]).label
                if values["adjustment"]
                else "",
                "adjustment_detail": values["adjustment_detail"].strip(),
                "url": absolute(reverse("follow:cases")),
            }
            email_queue(
                to=[self.email],
                subject=_("We have saved how we keep in touch with you"),
                body_text=render_to_string("follow/email/keep_in_touch.txt", context),
                purpose="follow_keep_in_touch",
            )
