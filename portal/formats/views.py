"""Asking for information in another format (Code 3.1, 5.10): one question page, then a
confirmation page. The request is logged by submission.py through the casework services."""

import logging

from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views import View
from django.views.decorators.cache import never_cache

from casework.models import Case
from portal.formats.forms import FormatRequestForm
from portal.formats.submission import format_request_submit
from portal.ratelimits import limited, wait_message

logger = logging.getLogger(__name__)

HONEYPOT = "website"
SESSION_KEY = "formats:last_request"


@method_decorator(never_cache, name="dispatch")
class FormatRequestView(View):
    template_name = "formats/request.html"

    def get(self, request):
        about = request.GET.get("about", "")[:200]
        return self.render(FormatRequestForm(initial={"information": about} if about else None))

    def post(self, request):
        form = FormatRequestForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        if request.POST.get(HONEYPOT):
            # Software that fills every field in: nothing is made, and it is not told so.
            logger.warning("No format request made: the honeypot was filled")
            request.session[SESSION_KEY] = None
            return redirect("formats:confirmation")
        if limited(request, "submit"):
            # Too many from one address: nothing is made, what was typed stays on the page.
            return self.render(form, problem=wait_message(), status=429)
        case = format_request_submit(answers=form.cleaned_data, language=get_language())
        request.session[SESSION_KEY] = case.pk
        return redirect("formats:confirmation")

    def render(self, form, *, problem: str = "", status: int = 200):
        return render(
            self.request,
            self.template_name,
            {
                "form": form,
                "has_errors": bool(form.errors),
                "problem": problem,
                "honeypot": HONEYPOT,
            },
            status=status,
        )


@method_decorator(never_cache, name="dispatch")
class FormatConfirmationView(View):
    template_name = "formats/confirmation.html"

    def get(self, request):
        if SESSION_KEY not in request.session:
            return redirect("formats:request")
        pk = request.session[SESSION_KEY]
        case = get_object_or_404(Case.objects.select_related("resident"), pk=pk) if pk else None
        return render(request, self.template_name, {"case": case})
