"""The outbox screen at /admin/outbox/ (issue 5, "nothing is lost"): every email that failed to
send, with its error, for complaints officers (`casework.work_any_case`) to try again.

Thin: the list is `OutboundEmail` rows needing attention, one page at a time in a fixed number
of queries; "Try again" is a POST (with Django's CSRF check) to `casework.outbox.email_retry`,
which requeues a message only while it is still failing, so it is never sent twice.
"""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from casework import permissions
from casework.models import OutboundEmail
from casework.outbox import NEEDS_ATTENTION, email_retry
from casework.views.common import forbidden

PER_PAGE = 25


class OutboxAccessMixin:
    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_work_any_case(request.user):
            return forbidden(request, _("Only complaints officers can see the email outbox."))
        return super().dispatch(request, *args, **kwargs)


class OutboxView(OutboxAccessMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "casework/outbox/index.html"
    header_icon = "mail"

    def get_page_title(self):
        return _("Emails not sent")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queryset = (
            OutboundEmail.objects.filter(status__in=NEEDS_ATTENTION)
            .select_related("case")
            .defer("body_text", "body_html")
            .order_by("-created_at", "-pk")
        )
        page = Paginator(queryset, PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            page=page,
            failed=OutboundEmail.Status.FAILED,
            previous_url=f"?p={page.previous_page_number()}" if page.has_previous() else "",
            next_url=f"?p={page.next_page_number()}" if page.has_next() else "",
        )
        return context


class OutboxRetryView(OutboxAccessMixin, View):
    http_method_names = ["post"]

    def post(self, request, pk):
        email = get_object_or_404(OutboundEmail, pk=pk)
        if email_retry(email=email, actor=request.user):
            messages.success(
                request,
                _("We will try again to send “%(subject)s” now.") % {"subject": email.subject},
            )
        elif email.status == OutboundEmail.Status.SENT:
            messages.info(request, _("“%(subject)s” has been sent.") % {"subject": email.subject})
        else:
            messages.info(
                request,
                _("“%(subject)s” is already waiting to be sent.") % {"subject": email.subject},
            )
        return redirect("outbox:index")
