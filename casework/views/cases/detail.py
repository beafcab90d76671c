"""The case page at /admin/cases/<pk>/: the whole record, every clock, and what can be done now."""

from collections import defaultdict

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from casework import permissions, selectors, services
from casework.data_protection.holds import user_can_hold_cases
from casework.data_protection.retention import case_retention
from casework.models import Case, CaseDocument, TimelineEntry
from casework.process import process_settings, working_calendar
from casework.views.cases.access import case_for
from casework.views.cases.actions import available_actions
from casework.views.cases.clocks import clock_row
from casework.views.cases.ombudsman import open_orders, referral_rows


def case_page_queryset():
    """Everything the case page shows, fetched up front."""
    return Case.objects.select_related(
        "resident", "representative", "category", "linked_from"
    ).prefetch_related(
        "stages__handler",
        "stages__extensions",
        "stages__refusal_reason",
        "remedies",
        "actions__owner",
        "ombudsman_referrals__evidence_requests",
        "ombudsman_referrals__determination__orders",
        "linked_cases",
        "staff_complained_about",
        "correspondence",
        Prefetch("documents", CaseDocument.objects.select_related("uploaded_by")),
        Prefetch("timeline", TimelineEntry.objects.select_related("actor")),
    )


class CaseBreadcrumbsMixin:
    """Home, Cases, then the case: the breadcrumbs of every page about one case."""

    case: Case

    def case_breadcrumbs(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("cases:index"), "label": gettext_lazy("Cases")},
            {"url": reverse("cases:detail", args=[self.case.pk]), "label": self.case.reference},
        ]


class CaseDetailView(CaseBreadcrumbsMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "casework/cases/detail.html"
    header_icon = "folder-open-inverse"

    def dispatch(self, request, *args, pk, **kwargs):
        self.case = case_for(request.user, pk, queryset=case_page_queryset())
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.case.reference

    def get_breadcrumbs_items(self):
        return [*self.case_breadcrumbs()[:-1], {"url": "", "label": self.case.reference}]

    @cached_property
    def can_work(self) -> bool:
        return permissions.user_can_work_case(self.request.user, self.case)

    @cached_property
    def today(self):
        return selectors.today()

    @cached_property
    def calendar(self):
        return working_calendar(process_settings())

    @cached_property
    def ombudsman(self):
        return referral_rows(
            list(self.case.ombudsman_referrals.all()), today=self.today, calendar=self.calendar
        )

    def clocks(self):
        clocks = selectors.case_clocks(self.case, today=self.today, calendar=self.calendar)
        # The Ombudsman's orders have compliance dates too: one list of everything due.
        orders = [order["clock"] for row in self.ombudsman for order in row.orders]
        return [clock_row(clock) for clock in [*clocks, *orders]]

    def correspondence(self, documents):
        """Each letter, email or call with the files that came with it or were sent."""
        attached = defaultdict(list)
        for document in documents:
            attached[document.correspondence_id].append(document)
        return [
            {"item": item, "documents": attached[item.pk]}
            for item in self.case.correspondence.all()
        ]

    def person(self, person, role: str) -> dict | None:
        """A person on the case, with their adjustments and disclosures only for those who may
        see them (Code 5.10); each time those are shown, the view is logged."""
        if person is None:
            return None
        entry = {"person": person, "role": role, "may_see_sensitive": False}
        if permissions.user_can_view_sensitive(self.request.user, person):
            adjustments = list(person.adjustments.all())
            disclosures = list(person.disclosures.all())
            entry.update(may_see_sensitive=True, adjustments=adjustments, disclosures=disclosures)
            if adjustments or disclosures:
                services.sensitive_data_viewed(
                    person=person, user=self.request.user, where=f"case {self.case.reference}"
                )
        return entry

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case = self.case
        transitions, others = available_actions(case) if self.can_work else ([], [])
        stages = sorted(case.stages.all(), key=lambda stage: stage.number)
        documents = list(case.documents.all())
        context.update(
            case=case,
            can_work=self.can_work,
            transitions=transitions,
            other_actions=others,
            clocks=self.clocks(),
            stages=stages,
            remedies=list(case.remedies.all()),
            actions=list(case.actions.all()),
            ombudsman=self.ombudsman,
            open_orders=open_orders(self.ombudsman),
            linked_cases=list(case.linked_cases.all()),
            people=[
                p
                for p in [
                    self.person(case.resident, _("Resident")),
                    self.person(case.representative, _("Representative")),
                ]
                if p
            ],
            correspondence=self.correspondence(documents),
            documents=documents,
            timeline=list(case.timeline.all()),
            # Storage limitation: when its personal data goes, or why it is kept.
            retention=case_retention(case),
            can_hold=user_can_hold_cases(self.request.user),
            unsent_letters=selectors.unsent_letters(case),
        )
        return context
