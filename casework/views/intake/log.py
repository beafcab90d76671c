"""Log a case at /admin/intake/log/: a thin page over `services.case_log`.

A double click must not log the same call twice. Each form carries a one-time token, kept in
the session; the first successful POST records the case it made against the token, and any
later POST with that token goes to that case. Two POSTs at the very same moment are held
apart by claiming the token in the shared cache first.
"""

import datetime as dt
import secrets
import time

from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from casework import permissions, services
from casework.choices import CaseKind
from casework.process import process_settings
from casework.services import TransitionRefused
from casework.views.common import forbidden, form_problems
from casework.views.intake.log_form import LogCaseForm

SESSION_KEY = "casework_intake_log_tokens"
TOKENS_KEPT = 20
CLAIM_SECONDS = 120
WAIT_FOR_OTHER_SECONDS = 10


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, or the month's last day when it is shorter."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def may_be_outside_time_limit(issue_date, received_on: dt.date, months: int) -> bool:
    """Whether the issue may be older than the landlord's time limit (Code 2.3).

    Only the month may be known, so the first of the month is compared: staff are warned when
    the issue may be too old, and decide on the facts (Code 2.5). Nothing is ever refused here.
    """
    return bool(issue_date) and issue_date < months_before(received_on, months)


class LogCaseView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "casework/intake/log.html"
    header_icon = "plus"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_log_cases(request.user):
            return forbidden(
                request, _("Only staff who handle complaints and enquiries can log a case.")
            )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Log a case")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Log a case")}]

    # The one-time token.

    def tokens(self) -> dict:
        return self.request.session.get(SESSION_KEY, {})

    def new_token(self) -> str:
        token = secrets.token_urlsafe(24)
        tokens = self.tokens()
        tokens[token] = None
        # Keep the newest few: each open form tab has one.
        self.request.session[SESSION_KEY] = dict(list(tokens.items())[-TOKENS_KEPT:])
        return token

    def token_used(self, token: str, case_pk: int) -> None:
        tokens = self.tokens()
        tokens[token] = case_pk
        self.request.session[SESSION_KEY] = tokens
        cache.set(self.claim_key(token), case_pk, CLAIM_SECONDS)

    @staticmethod
    def claim_key(token: str) -> str:
        return f"casework:intake-log:{token}"

    def case_made_by_other_request(self, token: str) -> int | None:
        """Wait briefly for a simultaneous POST of the same form to finish."""
        deadline = time.monotonic() + WAIT_FOR_OTHER_SECONDS
        while time.monotonic() < deadline:
            case_pk = cache.get(self.claim_key(token))
            if case_pk:
                return case_pk
            if case_pk is None:  # the other request released its claim: nothing was logged
                return None
            time.sleep(0.2)
        return None

    # The page.

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("problems", [])
        return context

    def show(self, form, problems=(), status=200):
        return self.render_to_response(
            self.get_context_data(form=form, problems=list(problems)), status=status
        )

    def get(self, request, *args, **kwargs):
        return self.show(LogCaseForm(initial={"form_token": self.new_token()}))

    def post(self, request, *args, **kwargs):
        token = request.POST.get("form_token", "")
        tokens = self.tokens()
        if tokens.get(token):
            return self.already_logged(tokens[token])
        if "find_person" in request.POST:
            return self.show(self.typed_again(request.POST))
        if token not in tokens:
            form = self.typed_again(request.POST, token=self.new_token())
            return self.show(
                form,
                [_("This form has expired. Check the details and select “Log the case” again.")],
            )
        form = LogCaseForm(request.POST)
        if not form.is_valid():
            return self.show(form, form_problems(form))
        if not cache.add(self.claim_key(token), 0, CLAIM_SECONDS):
            case_pk = self.case_made_by_other_request(token)
            if case_pk:
                self.token_used(token, case_pk)
                return self.already_logged(case_pk)
            busy = _("This form is being sent already. Check the case list before sending it.")
            return self.show(form, [busy])
        try:
            case = self.log(form)
        except TransitionRefused as refused:
            cache.delete(self.claim_key(token))
            return self.show(form, refused.problems)
        except Exception:
            cache.delete(self.claim_key(token))
            raise
        self.token_used(token, case.pk)
        self.tell_what_happened(case)
        return redirect(reverse("cases:detail", args=[case.pk]))

    def typed_again(self, data, token=None) -> LogCaseForm:
        """An unbound form showing what was typed, without error messages: for "Find", which
        only looks people up, and for a form whose token has expired."""
        blank = LogCaseForm()
        initial = {
            name: field.widget.value_from_datadict(data, {}, blank.add_prefix(name))
            for name, field in blank.fields.items()
        }
        if token:
            initial["form_token"] = token
        return LogCaseForm(initial=initial)

    def already_logged(self, case_pk: int):
        messages.info(self.request, _("This case was already logged. Here it is."))
        return redirect(reverse("cases:detail", args=[case_pk]))

    # Logging.

    def log(self, form):
        data = form.cleaned_data
        with transaction.atomic():
            case = services.case_log(
                kind=data["kind"],
                channel=data["channel"],
                description=data["description"],
                resident=form.resident(),
                received_at=form.received_at(),
                outcome_wanted=data["outcome_wanted"],
                issue_date=data.get("issue_date"),
                category=data["category"],
                concerns_contractor=data["concerns_contractor"],
                contractor_name=data["contractor_name"],
                property_address=data["property_address"],
                representative=form.representative(),
                representative_type=data["representative_type"],
                consent_recorded=data["consent_recorded"],
                consent_evidence=data["consent_evidence"],
                staff_complained_about=data["staff_complained_about"],
                urgent=data["urgent"],
                actor=self.request.user,
            )
            if data["choice_offered"]:
                # Code 1.3: whenever dissatisfaction is voiced, the choice to complain is offered.
                services.timeline_record(
                    case=case,
                    actor=self.request.user,
                    event="complaint_choice_offered",
                    summary=_("The person was offered the choice to make a complaint."),
                    channel=data["channel"],
                )
            self.old_issue_warning = self.time_limit_warning(case)
            if self.old_issue_warning:
                services.timeline_record(
                    case=case,
                    actor=self.request.user,
                    event="time_limit_warning",
                    summary=self.old_issue_warning,
                )
        return case

    def time_limit_warning(self, case) -> str:
        if case.kind != CaseKind.COMPLAINT:
            return ""
        months = process_settings().exclusion_period_months
        received_on = timezone.localdate(case.received_at)
        if not may_be_outside_time_limit(case.issue_date, received_on, months):
            return ""
        return _(
            "The issue happened in %(month)s, which may be more than %(months)d months before "
            "the complaint was received. The time limit counts from when the resident found out "
            "about the issue, and older issues can still be accepted: decide on the facts of "
            "this case (Code 2.3, 2.5)."
        ) % {"month": formats.date_format(case.issue_date, "F Y"), "months": months}

    def tell_what_happened(self, case) -> None:
        stage = case.stage(1)
        if stage:
            message = _("%(kind)s %(reference)s logged. Acknowledge it by %(date)s.") % {
                "kind": case.get_kind_display(),
                "reference": case.reference,
                "date": formats.date_format(stage.acknowledgement_due_on, "l j F Y"),
            }
        else:
            message = _("%(kind)s %(reference)s logged.") % {
                "kind": case.get_kind_display(),
                "reference": case.reference,
            }
        messages.success(self.request, message)
        if self.old_issue_warning:
            messages.warning(self.request, self.old_issue_warning)
