"""The governing body's response to the annual report, in the admin (Code 8.2, 9.5-9.7).

Governing-body users (`cms_pages.respond_to_annual_report`) list the annual reports and write
the response to each, reading the report's figures beside the form: figures only, never a case,
a name or a reference. The response is kept apart from the page, so a comms editor's draft of
the page never overwrites it; it is frozen into the report each time the report is published.
"""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Locale

from casework.views.common import forbidden
from cms_pages.models import AnnualReportPage, GoverningBodyResponse
from cms_pages.services import governing_body_response_save

PERMISSION = "cms_pages.respond_to_annual_report"


def user_can_respond(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class ResponseForm(forms.ModelForm):
    class Meta:
        model = GoverningBodyResponse
        fields = ["text", "responded_by", "agreed_on"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 12}),
            "agreed_on": AdminDateInput(),
        }
        error_messages = {
            "text": {"required": gettext_lazy("Write the governing body's response.")},
            "responded_by": {
                "required": gettext_lazy("Say who the response is from, for example the Board.")
            },
            "agreed_on": {
                "required": gettext_lazy("Give the date the governing body agreed the response."),
                "invalid": gettext_lazy("Give the date as day, month and year."),
            },
        }

    def clean_agreed_on(self):
        agreed_on = self.cleaned_data["agreed_on"]
        if agreed_on and agreed_on > timezone.localdate():
            raise forms.ValidationError(_("The date it was agreed cannot be in the future."))
        return agreed_on


def _reports():
    return (
        AnnualReportPage.objects.filter(locale=Locale.get_default())
        .order_by("-period_start", "-pk")
        .only("id", "title", "period_start", "period_end", "live", "translation_key")
    )


def report_list(request):
    if not user_can_respond(request.user):
        return forbidden(request, _("Only the governing body writes responses to the report."))
    page_obj = Paginator(_reports(), 20).get_page(request.GET.get("p"))
    keys = [report.translation_key for report in page_obj]
    responses = {
        response.translation_key: response
        for response in GoverningBodyResponse.objects.filter(translation_key__in=keys)
    }
    rows = [
        {
            "report": report,
            "response": responses.get(report.translation_key),
            "url": reverse("governing_body:respond", args=[report.pk]),
        }
        for report in page_obj
    ]
    return TemplateResponse(
        request,
        "cms_pages/governing_body/list.html",
        {"rows": rows, "page_obj": page_obj, "header_title": _("Governing body responses")},
    )


def respond(request, page_id: int):
    if not user_can_respond(request.user):
        return forbidden(request, _("Only the governing body writes responses to the report."))
    page = get_object_or_404(AnnualReportPage, pk=page_id)
    response = page.current_response()
    form = ResponseForm(request.POST or None, instance=response)
    if request.method == "POST" and form.is_valid():
        values = {field: form.cleaned_data[field] for field in ResponseForm.Meta.fields}
        governing_body_response_save(page=page, values=values, user=request.user)
        messages.success(
            request,
            _(
                "Response saved. The comms team publishes it with the report; until then it "
                "can be changed here."
            ),
        )
        return redirect("governing_body:list")
    # The draft as it stands: the report's own words and its figures, never a case.
    draft = page.get_latest_revision_as_object()
    return TemplateResponse(
        request,
        "cms_pages/governing_body/respond.html",
        {
            "form": form,
            "report": draft,
            "sections": draft.report_sections(),
            "header_title": _("Respond to %(title)s") % {"title": draft.title},
        },
    )
