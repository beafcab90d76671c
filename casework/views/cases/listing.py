"""The case list at /admin/cases/: filters, search, spreadsheet export and each case's next
deadline, in a fixed number of queries however many cases there are."""

import datetime as dt
from collections import OrderedDict

import django_filters
from django import forms
from django.db.models import Q, Value
from django.db.models.functions import Replace
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.widgets import BooleanRadioSelect

from casework import permissions, selectors
from casework.choices import ENDED_STATUSES, CaseKind, CaseStatus, Channel
from casework.models import Case, ComplaintCategory, OmbudsmanOrder
from casework.process import process_settings, working_calendar
from casework.views.cases.access import CaseListPolicy, case_workers
from casework.views.common import forbidden, user_label

DUE_WITHIN_CHOICES = [
    ("2", _("2 working days")),
    ("5", _("5 working days")),
    ("10", _("10 working days")),
]


def next_clock(case: Case, *, today: dt.date, calendar) -> selectors.Clock | None:
    """The earliest clock on the case that is still running; none once the case has ended."""
    if case.status in ENDED_STATUSES:
        return None
    running = [
        clock
        for clock in selectors.case_clocks(case, today=today, calendar=calendar)
        if clock.done_on is None
    ]
    return min(running, key=lambda clock: clock.due_on, default=None)


def current_stage_number(case: Case) -> int | None:
    stage = case.current_stage
    return stage.number if stage else None


def answered_late_label(case: Case) -> str:
    """ "Yes" when a stage was answered after its response date (Code 6.3, 6.14)."""
    late = any(selectors.stage_answered_late(stage) for stage in case.stages.all())
    return str(_("Yes")) if late else ""


def current_handler(case: Case) -> str:
    stage = case.current_stage
    return user_label(stage.handler) if stage and stage.handler_id else ""


def _cases_matching(queryset, q: Q):
    # A subquery rather than a join, so a case with two matching stages is listed once.
    return queryset.filter(pk__in=Case.objects.filter(q).values("pk"))


class HandlerChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return user_label(obj)


class HandlerFilter(django_filters.ModelChoiceFilter):
    field_class = HandlerChoiceField


class CaseFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=CaseKind.choices, empty_label=_("All"), widget=forms.RadioSelect
    )
    stage = django_filters.ChoiceFilter(
        label=_("Stage"),
        choices=[("1", _("Stage 1")), ("2", _("Stage 2"))],
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_stage",
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CaseStatus.choices)
    category = django_filters.ModelChoiceFilter(
        label=_("Category"), queryset=ComplaintCategory.objects.all()
    )
    handler = HandlerFilter(
        label=_("Handler"), queryset=lambda request: case_workers(), method="filter_handler"
    )
    channel = django_filters.ChoiceFilter(label=_("Received by"), choices=Channel.choices)
    overdue = django_filters.BooleanFilter(
        label=_("Overdue"), widget=BooleanRadioSelect, method="filter_overdue"
    )
    due_within = django_filters.ChoiceFilter(
        label=_("Due within"),
        choices=DUE_WITHIN_CHOICES,
        empty_label=_("Any time"),
        widget=forms.RadioSelect,
        method="filter_due_within",
    )
    answered_late = django_filters.BooleanFilter(
        label=_("Answered late"), widget=BooleanRadioSelect, method="filter_answered_late"
    )
    ombudsman_orders = django_filters.BooleanFilter(
        label=_("Ombudsman orders outstanding"),
        widget=BooleanRadioSelect,
        method="filter_ombudsman_orders",
    )

    class Meta:
        model = Case
        fields = []

    def filter_stage(self, queryset, name, value):
        # The stage a complaint is at is its latest one (Code 5.3: there are only two).
        if value == "2":
            return _cases_matching(queryset, Q(stages__number=2))
        return _cases_matching(queryset, Q(stages__number=1)).exclude(
            pk__in=Case.objects.filter(stages__number=2).values("pk")
        )

    def filter_handler(self, queryset, name, value):
        return _cases_matching(queryset, Q(stages__handler=value))

    def filter_overdue(self, queryset, name, value):
        overdue = Case.objects.filter(selectors.overdue_q(selectors.today())).values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)

    def filter_due_within(self, queryset, name, value):
        calendar = working_calendar(process_settings())
        last_day = calendar.add_working_days(selectors.today(), int(value))
        return _cases_matching(queryset, selectors.due_by_q(last_day))

    def filter_answered_late(self, queryset, name, value):
        # Code 6.3, 6.14: a stage answered after its response date.
        late = selectors.answered_late_case_ids()
        return queryset.filter(pk__in=late) if value else queryset.exclude(pk__in=late)

    def filter_ombudsman_orders(self, queryset, name, value):
        outstanding = OmbudsmanOrder.objects.filter(complied_on__isnull=True).values(
            "determination__referral__case"
        )
        if value:
            return queryset.filter(pk__in=outstanding)
        return queryset.exclude(pk__in=outstanding)


class NextDueColumn(Column):
    cell_template_name = "casework/cases/next_due_cell.html"


def _spreadsheet_safe(value: str) -> str:
    """A name typed as "=HYPERLINK(...)" must not run as a formula when the CSV is opened."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class CaseIndexView(IndexView):
    model = Case
    permission_policy = CaseListPolicy(Case)
    any_permission_required = ["view"]
    page_title = _("Cases")
    filterset_class = CaseFilterSet
    # Searched with the database (Q objects), not a search index: see search_queryset.
    search_fields = ["reference", "resident__full_name", "resident__email", "resident__postcode"]
    search_backend_name = None
    default_ordering = "-received_at"
    paginate_by = 20
    list_export = [
        "reference",
        "kind",
        "status",
        "stage",
        "resident",
        "representative",
        "handler",
        "category",
        "channel",
        "received",
        "next_due",
        "next_due_what",
        "overdue",
    ]
    export_headings = {
        "reference": _("Reference"),
        "kind": _("Kind"),
        "status": _("Status"),
        "stage": _("Stage"),
        "resident": _("Resident"),
        "representative": _("Representative"),
        "handler": _("Handler"),
        "category": _("Category"),
        "channel": _("Received by"),
        "received": _("Received"),
        "next_due": _("Next due"),
        "next_due_what": _("What is due"),
        "overdue": _("Overdue"),
    }
    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        str: {SpreadsheetExportMixin.FORMAT_CSV: _spreadsheet_safe},
    }

    def dispatch(self, request, *args, **kwargs):
        if not permissions.user_can_log_cases(request.user):
            # Comms editors and the governing body see no cases.
            return forbidden(request, _("Only casework staff can see cases."))
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def today(self) -> dt.date:
        return selectors.today()

    @cached_property
    def calendar(self):
        return working_calendar(process_settings())

    def get_base_queryset(self):
        return selectors.cases_with_clocks(permissions.cases_visible_to(self.request.user))

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        query = self.search_query.strip()
        return queryset.alias(
            _postcode=Replace("resident__postcode", Value(" "), Value(""))
        ).filter(
            Q(reference__icontains=query)
            | Q(resident__full_name__icontains=query)
            | Q(resident__email__icontains=query)
            | Q(_postcode__icontains=query.replace(" ", ""))
            | Q(representative__full_name__icontains=query)
        )

    def next_clock(self, case: Case):
        return next_clock(case, today=self.today, calendar=self.calendar)

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reference",
                label=_("Reference"),
                sort_key="reference",
                get_url=lambda case: reverse("cases:detail", args=[case.pk]),
            ),
            Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            Column("stage", label=_("Stage"), accessor=current_stage_number),
            Column(
                "resident",
                label=_("Resident"),
                accessor="resident.full_name",
                sort_key="resident__full_name",
            ),
            Column("handler", label=_("Handler"), accessor=current_handler),
            Column(
                "received_at",
                label=_("Received"),
                accessor=lambda case: date_format(timezone.localtime(case.received_at), "j M Y"),
                sort_key="received_at",
            ),
            Column("answered_late", label=_("Answered late"), accessor=answered_late_label),
            NextDueColumn("next_due", label=_("Next due"), accessor=self.next_clock),
        ]

    def to_row_dict(self, item: Case):
        clock = self.next_clock(item)
        values = {
            "reference": item.reference,
            "kind": item.get_kind_display(),
            "status": item.get_status_display(),
            "stage": current_stage_number(item) or "",
            "resident": item.resident.full_name,
            "representative": item.representative.full_name if item.representative else "",
            "handler": current_handler(item),
            "category": item.category.name if item.category else "",
            "channel": item.get_channel_display(),
            "received": timezone.localtime(item.received_at).date(),
            "next_due": clock.due_on if clock else "",
            "next_due_what": clock.label if clock else "",
            "overdue": str(_("Overdue")) if clock and clock.overdue else "",
        }
        return OrderedDict((field, values[field]) for field in self.list_export)
