"""The governing body's view of complaint handling performance at /admin/performance/ (Code
9.4-9.7), its board pack PDF, and the figures as CSV and XLSX for the Regulator and the Ombudsman.

For the Member Responsible for Complaints, the governing body and complaints officers
(`casework.view_performance`, migration 0009). Thin: the figures are
`casework.figures.figures_for_period`'s, shown through `casework.figures.presentation` and
`casework.figures.scrutiny`. No personal data: figures, themes and dates only; no case, no
name, no reference. Each page reads the record in a fixed number of queries: five periods'
figures (the year and its quarters), one page of overdue learning and one of Ombudsman orders.
"""

import csv
import datetime as dt
import io
import re

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from casework import selectors
from casework.choices import LessonTheme
from casework.figures import figures_for_period, figures_for_periods
from casework.figures.presentation import chart_id, report_sections
from casework.figures.scrutiny import (
    figure_lines,
    quarter_table,
    quarters,
    reporting_year,
    reporting_year_of,
    so_far,
)
from casework.learning import identifying_details
from casework.letters.branding import letter_branding
from casework.models import OmbudsmanOrder
from casework.pdf import html_to_pdf
from casework.process import process_settings, working_calendar
from casework.views.common import forbidden, form_problems

PERMISSION = "casework.view_performance"
CHART_PREFIX = "year"
CHART_ID = re.compile(r'aria-labelledby="([^"\s]+)-title ')
PER_PAGE = 25
FIRST_YEAR = 2000
REMOVED = "[…]"


def user_can_view_performance(user) -> bool:
    return user.is_active and user.has_perm(PERMISSION)


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=gettext_lazy("Reporting year starting in"),
        help_text=gettext_lazy("For example, 2026 for April 2026 to March 2027."),
        error_messages={
            "required": gettext_lazy("Enter the year the reporting year starts in, like 2026."),
            "invalid": gettext_lazy("Enter the year as 4 figures, like 2026."),
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, latest: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.latest = latest

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year < FIRST_YEAR:
            raise forms.ValidationError(
                _("Enter a year from %(first)s onwards.") % {"first": FIRST_YEAR}
            )
        if year > self.latest:
            raise forms.ValidationError(
                _("That reporting year has not started. Enter %(latest)s or earlier.")
                % {"latest": self.latest}
            )
        return year


def without_identifying_details(text: str) -> str:
    """Staff text with anything that looks like a case reference, email address or phone
    number taken out, for readers who see no personal data."""
    for found in sorted(set(identifying_details(text)), key=len, reverse=True):
        text = text.replace(found, REMOVED)
    return text


def charts_with_tables(sections) -> list[dict]:
    """Each section's tables, each with the chart drawn from it, so the chart sits beside the
    same numbers: {"section", "tables": [{"table", "chart"}], "charts": charts of no table}."""
    shown = []
    for section in sections:
        charts = {CHART_ID.search(str(chart)).group(1): chart for chart in section.charts}
        tables = []
        for table in section.tables:
            own = chart_id(CHART_PREFIX, table.key)
            key = next((k for k in charts if k == own or k.startswith(f"{own}-")), None)
            tables.append({"table": table, "chart": charts.pop(key) if key else None})
        shown.append({"section": section, "tables": tables, "charts": list(charts.values())})
    return shown


def order_progress(order: OmbudsmanOrder, today: dt.date) -> str:
    if order.complied_on:
        if order.complied_on <= order.due_on:
            return _("Complied with on time")
        return _("Complied with late")
    if order.due_on < today:
        return _("Not complied with and past its date")
    return _("Not yet due")


class PerformanceMixin:
    """Who may see the figures, and the chosen reporting year."""

    def dispatch(self, request, *args, **kwargs):
        if not user_can_view_performance(request.user):
            return forbidden(
                request,
                _(
                    "Only the governing body, its Member Responsible for Complaints and "
                    "complaints officers can see complaint handling performance."
                ),
            )
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def today(self) -> dt.date:
        return selectors.today()

    @cached_property
    def form(self) -> YearForm:
        latest = reporting_year_of(self.today)
        data = self.request.GET if "year" in self.request.GET else {"year": latest}
        return YearForm(data, latest=latest)

    @cached_property
    def year(self) -> int | None:
        return self.form.cleaned_data["year"] if self.form.is_valid() else None

    @cached_property
    def calendar(self):
        return working_calendar(process_settings())

    def figures(self, period) -> dict:
        return figures_for_period(period.start, period.end, calendar=self.calendar)

    def periods(self) -> dict:
        """The chosen year and its quarters as far as they have gone: "year", "q1".."q4"."""
        year = so_far(reporting_year(self.year), self.today)
        periods = {quarter.key: so_far(quarter, self.today) for quarter in quarters(self.year)}
        return {key: period for key, period in periods.items() if period} | {"year": year}

    def performance(self) -> dict:
        """Everything the page and the board pack show for the chosen year."""
        periods = self.periods()
        # The year and its quarters read the record together, once.
        spans = [(period.start, period.end) for period in periods.values()]
        figures = dict(
            zip(periods, figures_for_periods(spans, calendar=self.calendar), strict=True)
        )
        return {
            "period": periods["year"],
            "periods": list(periods.values()),
            "quarter_table": quarter_table([(periods[k], figures[k]) for k in periods]),
            "sections": charts_with_tables(
                report_sections(figures["year"], chart_prefix=CHART_PREFIX)
            ),
            "calculated_at": dt.datetime.fromisoformat(figures["year"]["calculated_at"]),
        }

    def overdue_lessons(self):
        """Lessons not done whose date has passed (Code 9.1): theme, what, due date only."""
        return (
            selectors.lessons_overdue(on=self.today)
            .select_related(None)
            .only("theme", "what_changed", "due_on", "status")
        )

    def orders(self, period):
        """The Ombudsman's orders from the year's determinations, and any earlier order still
        not complied with (Code 9.7): the finding and the dates, not what the order says,
        which names the resident."""
        return (
            OmbudsmanOrder.objects.filter(
                Q(determination__determined_on__gte=period.start)
                & Q(determination__determined_on__lte=period.end)
                | Q(complied_on__isnull=True, determination__determined_on__lte=period.end)
            )
            .select_related("determination")
            .only(
                "due_on",
                "complied_on",
                "determination__determined_on",
                "determination__outcome",
                "determination__complaint_handling_failure",
            )
            .order_by("due_on", "pk")
        )

    def lesson_rows(self, lessons) -> list[dict]:
        themes = dict(LessonTheme.choices)
        return [
            {
                "theme": themes.get(lesson.theme, lesson.theme),
                "what": without_identifying_details(lesson.what_changed),
                "due_on": lesson.due_on,
                "days_late": (self.today - lesson.due_on).days,
            }
            for lesson in lessons
        ]

    def order_rows(self, orders) -> list[dict]:
        return [
            {
                "determined_on": order.determination.determined_on,
                "finding": order.determination.get_outcome_display(),
                "code_failure": order.determination.complaint_handling_failure,
                "due_on": order.due_on,
                "complied_on": order.complied_on,
                "progress": order_progress(order, self.today),
            }
            for order in orders
        ]


class PerformanceView(PerformanceMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "casework/performance/index.html"
    header_icon = "table"

    def get_page_title(self):
        return _("Complaint handling performance")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def page_of(self, queryset, name: str):
        return Paginator(queryset, PER_PAGE).get_page(self.request.GET.get(name))

    def page_links(self, page, name: str) -> dict:
        """Links to the pages either side, keeping the year and the other list's page."""

        def link(number: int) -> str:
            query = self.request.GET.copy()
            query[name] = number
            return f"?{query.urlencode()}"

        return {
            "previous": link(page.previous_page_number()) if page.has_previous() else "",
            "next": link(page.next_page_number()) if page.has_next() else "",
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["problems"] = form_problems(self.form) if self.form.errors else []
        if self.year is None:
            return context
        performance = self.performance()
        lessons = self.page_of(self.overdue_lessons(), "lessons")
        orders = self.page_of(self.orders(performance["period"]), "orders")
        context.update(performance)
        context.update(
            year=self.year,
            lessons_page=lessons,
            lesson_rows=self.lesson_rows(lessons),
            lessons_links=self.page_links(lessons, "lessons"),
            orders_page=orders,
            orders_links=self.page_links(orders, "orders"),
            order_rows=self.order_rows(orders),
        )
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if self.form.errors:
            response.status_code = 400
        return response


class BoardPackView(PerformanceMixin, View):
    """The performance view as a tagged PDF for the board's papers."""

    def get(self, request, *args, **kwargs):
        if self.year is None:
            return PerformanceView.as_view()(request)
        language = translation.get_language()
        branding = letter_branding(language=language)
        performance = self.performance()
        context = performance | {
            "language_code": language,
            "LANGUAGE_BIDI": translation.get_language_bidi(),
            "branding": branding,
            "brand_colour": branding.safe_colour,
            "lesson_rows": self.lesson_rows(self.overdue_lessons()),
            "order_rows": self.order_rows(self.orders(performance["period"])),
            "today": self.today,
        }
        html = render_to_string("casework/performance/board_pack.html", context, request=request)
        response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="board-pack-{self.year}-{self.year + 1}.pdf"'
        )
        return response


def spreadsheet_safe(value):
    """Text that a spreadsheet would run as a formula (a category named "=HYPERLINK(...)")
    is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"'{value}"
    return value


HEADINGS = [
    gettext_lazy("Key"),
    gettext_lazy("Figure"),
    gettext_lazy("Code provision or measure"),
    gettext_lazy("Value"),
]


class FiguresExportView(PerformanceMixin, View):
    """The figures for the year or one of its quarters, one line per figure with its key,
    label, reference and value, as CSV or XLSX (Code 9.7; TSM CH01, CH02)."""

    def get(self, request, *args, **kwargs):
        if self.year is None:
            return PerformanceView.as_view()(request)
        periods = self.periods()
        period = periods.get(request.GET.get("period", "year"), periods["year"])
        lines = figure_lines(self.figures(period))
        filename = f"complaint-figures-{period.start:%Y-%m-%d}-to-{period.end:%Y-%m-%d}"
        if request.GET.get("format") == "xlsx":
            return self.xlsx(lines, filename)
        return self.csv(lines, filename)

    def csv(self, lines, filename: str) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
        writer = csv.writer(response)
        writer.writerow([str(heading) for heading in HEADINGS])
        for line in lines:
            writer.writerow(
                [spreadsheet_safe(v) for v in (line.key, line.label, line.reference, line.value)]
            )
        return response

    def xlsx(self, lines, filename: str) -> HttpResponse:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=_("Figures")[:31])
        sheet.append([str(heading) for heading in HEADINGS])
        for line in lines:
            cells = []
            for value in (line.key, line.label, line.reference, line.value):
                cell = WriteOnlyCell(sheet, value)
                if cell.data_type == "f":
                    # Written as text, never run as a formula.
                    cell.data_type = "s"
                cells.append(cell)
            sheet.append(cells)
        output = io.BytesIO()
        workbook.save(output)
        response = HttpResponse(
            output.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
