"""The governing body's performance view (Code 9.4-9.7), its board pack PDF and the figures as
CSV and XLSX for the Regulator and the Ombudsman: who sees it, that it names nobody, that it
reads the record in a fixed number of queries, and what the files hold."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from casework import services
from casework.choices import DeterminationOutcome, LessonTheme
from casework.figures.scrutiny import (
    QUARTER_FIGURES,
    figure_lines,
    quarters,
    reporting_year,
    reporting_year_of,
    so_far,
)
from casework.letters.branding import LetterBranding
from casework.models import ComplaintCategory
from casework.views.performance import spreadsheet_safe, without_identifying_details
from tests.factories import CaseFactory, UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db

INDEX = reverse("performance:index")
BOARD_PACK = reverse("performance:board_pack")
EXPORT = reverse("performance:export")
NOW = dt.datetime(2026, 11, 16, 10, 0, tzinfo=dt.UTC)  # a Monday in reporting year 2026
RESIDENT = "Rosalind Residentname"
HANDLER_FIRST, HANDLER_LAST = "Hamish", "Handlername"
ORDER = "Pay Ms Rosalind Residentname £250"


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def branding(*, language=""):
    return LetterBranding(landlord_name="Riverside Homes Trust")


def staff(*groups: str, **fields):
    user = UserFactory(**fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def record():
    """A few months of complaints, an Ombudsman determination with orders, and overdue
    learning, all naming people the performance view must not show."""
    officer = staff("Complaints officer", first_name="Olu", last_name="Officer")
    handler = staff("Investigator", first_name=HANDLER_FIRST, last_name=HANDLER_LAST)
    damp = ComplaintCategory.objects.create(name="Damp and mould")
    cases = []
    for when, traits in [
        ("2026-04-14", {"stage2_responded": True}),
        ("2026-05-05", {"responded": True}),
        ("2026-07-01", {"acknowledged": True}),
        ("2026-10-20", {}),
    ]:
        with time_machine.travel(dt.datetime.fromisoformat(when + "T09:00+01:00"), tick=False):
            cases.append(
                CaseFactory(handler=handler, stage2_handler=officer, category=damp, **traits)
            )
    first = cases[0]
    first.resident.full_name = RESIDENT
    first.resident.save()
    referral = services.ombudsman_referral_record(
        case=first, actor=officer, referred_on=d("2026-06-01")
    )
    determination = services.determination_record(
        referral=referral,
        actor=officer,
        determined_on=d("2026-09-01"),
        outcome=DeterminationOutcome.MALADMINISTRATION,
        summary=f"{RESIDENT} waited too long.",
        complaint_handling_failure=True,
        orders=[(ORDER, d("2026-10-01")), ("Apologise in writing", d("2026-12-01"))],
    )
    apology = determination.orders.get(description="Apologise in writing")
    services.order_complied(order=apology, actor=officer, complied_on=d("2026-09-20"))
    with time_machine.travel(dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC), tick=False):
        services.learning_record(
            actor=officer,
            theme=LessonTheme.DAMP_AND_MOULD,
            what_went_wrong="Surveys were not booked.",
            what_changed=f"Book a damp survey within 5 days, as {first.reference} showed; "
            "call 07700 900123.",
            owner=handler,
            due_on=d("2026-09-30"),
            cases=[first],
        )
        services.learning_record(
            actor=officer,
            theme=LessonTheme.COMMUNICATION,
            what_went_wrong="Calls were not returned.",
            what_changed="Call-backs go in the diary.",
            owner=handler,
            due_on=d("2027-01-31"),  # not yet due
        )
    return {"cases": cases, "officer": officer, "handler": handler}


def signed_in(client, *groups):
    login_verified(client, staff(*groups))
    return client


# Periods


class TestReportingYear:
    def test_april_to_march(self):
        year = reporting_year(2026)
        assert (year.start, year.end) == (d("2026-04-01"), d("2027-03-31"))
        assert year.label == "April 2026 to March 2027"

    def test_its_quarters(self):
        spans = [(q.key, q.start, q.end) for q in quarters(2026)]
        assert spans == [
            ("q1", d("2026-04-01"), d("2026-06-30")),
            ("q2", d("2026-07-01"), d("2026-09-30")),
            ("q3", d("2026-10-01"), d("2026-12-31")),
            ("q4", d("2027-01-01"), d("2027-03-31")),
        ]
        assert quarters(2026)[3].label == "Quarter 4: January 2027 to March 2027"

    @override_settings(REDRESS_REPORTING_YEAR_START_MONTH=1)
    def test_a_landlord_reporting_by_calendar_year(self):
        year = reporting_year(2026)
        assert (year.start, year.end) == (d("2026-01-01"), d("2026-12-31"))
        assert reporting_year_of(d("2026-02-01")) == 2026

    @pytest.mark.parametrize(
        ("day", "year"),
        [("2026-03-31", 2025), ("2026-04-01", 2026), ("2026-12-31", 2026), ("2027-01-05", 2026)],
    )
    def test_the_year_a_day_falls_in(self, day, year):
        assert reporting_year_of(d(day)) == year

    def test_so_far(self):
        today = d("2026-11-16")
        _q1, q2, q3, q4 = quarters(2026)
        assert so_far(q2, today) == q2
        running = so_far(q3, today)
        assert (running.start, running.end) == (q3.start, today)
        assert running.label.endswith(", so far")
        assert so_far(q4, today) is None


def test_identifying_details_are_taken_out_of_staff_text():
    text = "Email jo@example.net or call 07700 900123 about CMP-2026-00012."
    assert without_identifying_details(text) == "Email […] or call […] about […]."


# Who sees it


@pytest.mark.parametrize("group", ["Governing body", "Complaints officer"])
def test_the_governing_body_and_officers_see_it_in_the_menu(client, group):
    signed_in(client, group)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX in home
    assert client.get(INDEX).status_code == 200


@pytest.mark.parametrize("group", ["Investigator", "Customer services", "Comms editor"])
def test_others_get_the_forbidden_page(client, group):
    signed_in(client, group)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX not in home
    for url in (INDEX, BOARD_PACK, EXPORT):
        response = client.get(url, {"year": 2026})
        assert response.status_code == 403
        assert "You cannot do this" in response.content.decode()


def test_the_governing_body_sees_the_figures_and_no_one_named(client, record):
    signed_in(client, "Governing body")
    response = client.get(INDEX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "April 2026 to March 2027" in html  # the current reporting year by default
    assert "Quarter by quarter" in html
    table = response.context["quarter_table"]
    received = table.rows[QUARTER_FIGURES.index("volumes.received")]
    # Q1 (April 14 and May 5), Q2 (July 1), Q3 so far (October 20), the year.
    assert received[1:] == ["2", "1", "1", "4"]
    assert len(table.headings) == 1 + 3 + 1  # Q4 has not started
    assert "Complaints received, month by month" in html
    # The determination's orders: one overdue, one complied with on time.
    assert "Not complied with and past its date" in html
    assert "Complied with on time" in html
    assert "we did not follow the Complaint Handling Code" in html
    # Overdue learning: theme and what, with the reference and phone number taken out.
    assert "Damp and mould" in html
    assert "Book a damp survey within 5 days, as […] showed; call […]." in html
    assert "Call-backs go in the diary." not in html  # not yet due
    # Nobody and no case is named.
    for case in record["cases"]:
        assert case.reference not in html
        assert case.resident.full_name not in html
    for name in (RESIDENT, HANDLER_LAST, ORDER, "Officer"):
        assert name not in html
    # Case pages stay closed to the governing body.
    case = record["cases"][0]
    assert client.get(reverse("cases:detail", args=[case.pk])).status_code == 404


def test_a_year_can_be_chosen(client, record):
    signed_in(client, "Governing body")
    response = client.get(INDEX, {"year": "2025"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "April 2025 to March 2026" in html
    table = response.context["quarter_table"]
    assert table.rows[QUARTER_FIGURES.index("volumes.received")][1:] == ["0"] * 5


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("twenty", "Enter the year as 4 figures, like 2026."),
        ("", "Enter the year the reporting year starts in, like 2026."),
        ("2027", "That reporting year has not started. Enter 2026 or earlier."),
        ("1999", "Enter a year from 2000 onwards."),
    ],
)
def test_a_bad_year_is_explained_next_to_the_field_and_kept(client, typed, message):
    signed_in(client, "Governing body")
    response = client.get(INDEX, {"year": typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert response.context["form"].errors["year"] == [message]
    assert html.count(message) == 2  # in the summary and next to the field
    assert f'value="{typed}"' in html or typed == ""
    assert "Quarter by quarter" not in html
    assert client.get(BOARD_PACK, {"year": typed}).status_code == 400
    assert client.get(EXPORT, {"year": typed}).status_code == 400


def test_the_page_takes_the_same_number_of_queries_whatever_the_record(
    client, record, django_assert_max_num_queries
):
    signed_in(client, "Governing body")
    client.get(INDEX)  # warm the caches (settings, menus)
    with django_assert_max_num_queries(200) as few:
        client.get(INDEX)
    for n in range(12):
        with time_machine.travel(NOW - dt.timedelta(days=20 * n), tick=False):
            CaseFactory(responded=n % 2 == 0, escalated=n % 3 == 0)
    officer = record["officer"]
    for n in range(30):
        services.learning_record(
            actor=officer,
            theme=LessonTheme.REPAIRS,
            what_went_wrong="Slow.",
            what_changed=f"Faster {n}.",
            owner=officer,
            due_on=d("2026-10-01") - dt.timedelta(days=n),
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(INDEX)
    # The overdue learning is a page at a time.
    assert len(response.context["lesson_rows"]) == 25
    assert response.context["lessons_links"]["next"] == "?lessons=2"
    second = client.get(INDEX + response.context["lessons_links"]["next"])
    assert len(second.context["lesson_rows"]) == 31 - 25


# The board pack


def pdf_text(content: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(content))
    return reader, " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@override_settings(REDRESS_LETTER_BRANDING="tests.casework.test_performance.branding")
def test_the_board_pack_is_a_tagged_pdf_with_the_figures(client, record):
    signed_in(client, "Governing body")
    response = client.get(BOARD_PACK, {"year": "2026"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="board-pack-2026-2027.pdf"'
    content = b"".join(response.streaming_content) if response.streaming else response.content
    reader, text = pdf_text(content)
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    assert str(catalog["/Lang"]).lower() == "en-gb"
    assert "Riverside Homes Trust" in text
    assert "Complaint handling performance" in text
    assert "April 2026 to March 2027" in text
    assert "Quarter by quarter" in text
    assert "Stage 1 complaints per 1,000 homes" in text
    assert "Progress on the Ombudsman's orders" in text
    assert "Not complied with and past its date" in text
    assert "Damp and mould" in text
    assert "Page 1 of" in text
    for case in record["cases"]:
        assert case.reference not in text
    assert RESIDENT not in text and HANDLER_LAST not in text


# Exports


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_figures_as_csv_one_line_per_figure(client, record):
    signed_in(client, "Governing body")
    response = client.get(EXPORT, {"year": "2026", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="complaint-figures-2026-04-01-to-2026-11-16.csv"'
    )
    rows = csv_rows(response)
    assert list(rows[0]) == ["Key", "Figure", "Code provision or measure", "Value"]
    by_key = {row["Key"]: row for row in rows}
    assert by_key["period.start"]["Value"] == "2026-04-01"
    assert by_key["period.end"]["Value"] == "2026-11-16"
    assert by_key["volumes.received"] == {
        "Key": "volumes.received",
        "Figure": "Cases received",
        "Code provision or measure": "Code 3.3, 9.7",
        "Value": "4",
    }
    assert by_key["volumes.by_kind.complaint"]["Figure"] == "Cases received, by kind: Complaint"
    assert by_key["volumes.by_kind.complaint"]["Value"] == "4"
    assert by_key["ombudsman.code_non_compliance_findings"]["Value"] == "1"
    assert by_key["ombudsman.orders_overdue_at_end"]["Value"] == "1"
    assert by_key["trends.months.2026-07.complaints_received"]["Value"] == "1"
    assert by_key["trends.months.2026-07.complaints_received"]["Figure"] == (
        "Month by month: Jul 2026: Complaints received"
    )
    assert by_key["remedies.financial_paid_median"]["Value"] == ""
    text = response.content.decode()
    assert "data_quality.problems" not in text
    assert record["cases"][0].reference not in text


def test_a_quarter_can_be_exported(client, record):
    signed_in(client, "Complaints officer")
    response = client.get(EXPORT, {"year": "2026", "period": "q2", "format": "csv"})
    assert "2026-07-01-to-2026-09-30.csv" in response["Content-Disposition"]
    by_key = {row["Key"]: row["Value"] for row in csv_rows(response)}
    assert by_key["volumes.received"] == "1"
    assert by_key["ombudsman.determinations"] == "1"


def test_the_figures_as_xlsx(client, record):
    signed_in(client, "Governing body")
    response = client.get(EXPORT, {"year": "2026", "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Key", "Figure", "Code provision or measure", "Value")
    by_key = {row[0]: row for row in rows[1:]}
    assert by_key["volumes.received"][3] == 4  # a number, not text
    assert by_key["volumes.homes"][2] == "TSM CH01"
    assert len(rows) - 1 == len(figure_lines(_live_figures()))


def _live_figures():
    from casework.figures import figures_for_period
    from casework.process import process_settings, working_calendar

    return figures_for_period(
        d("2026-04-01"), timezone.localdate(), calendar=working_calendar(process_settings())
    )


FORMULA = '=HYPERLINK("http://example.com","Click")'


def test_exports_do_not_let_a_category_run_as_a_formula(client):
    ComplaintCategory.objects.create(name=FORMULA)
    CaseFactory(category=ComplaintCategory.objects.get(name=FORMULA))
    signed_in(client, "Governing body")
    response = client.get(EXPORT, {"year": "2026", "format": "csv"})
    cells = [cell for row in csv.reader(io.StringIO(response.content.decode())) for cell in row]
    assert any(FORMULA in cell for cell in cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@")]
    sheet = load_workbook(
        io.BytesIO(client.get(EXPORT, {"year": "2026", "format": "xlsx"}).content)
    ).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert any(FORMULA in str(cell.value) for cell in cells)
    assert not [cell for cell in cells if cell.data_type == "f"]


@pytest.mark.parametrize(
    ("value", "written"),
    [(FORMULA, f"'{FORMULA}"), ("+44 1", "'+44 1"), ("@SUM(A1)", "'@SUM(A1)"), ("Damp", "Damp")],
)
def test_text_a_spreadsheet_would_run_is_written_as_text(value, written):
    assert spreadsheet_safe(value) == written
    assert spreadsheet_safe(-3) == -3  # numbers stay numbers


def test_the_case_list_offers_xlsx_and_a_name_there_is_not_a_formula(client):
    case = CaseFactory()
    case.resident.full_name = FORMULA
    case.resident.save()
    signed_in(client, "Complaints officer")
    index = reverse("cases:index")
    html = client.get(index).content.decode()
    assert "export=xlsx" in html and "export=csv" in html
    response = client.get(index, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row if cell.value == FORMULA]
    assert len(cells) == 1
    assert cells[0].data_type == "s"


class TestPermission:
    @pytest.mark.parametrize("group", ["Governing body", "Complaints officer"])
    def test_migrations_grant_the_performance_view(self, group):
        codenames = Group.objects.get(name=group).permissions.values_list("codename", flat=True)
        assert "view_performance" in codenames

    @pytest.mark.parametrize("group", ["Investigator", "Customer services", "Comms editor"])
    def test_other_groups_do_not_have_it(self, group):
        codenames = Group.objects.get(name=group).permissions.values_list("codename", flat=True)
        assert "view_performance" not in codenames


def test_each_chart_sits_with_the_table_of_its_numbers():
    from casework.figures.presentation import report_sections
    from casework.views.performance import CHART_PREFIX, charts_with_tables
    from tests.casework.test_presentation import FIGURES_2026

    blocks = charts_with_tables(report_sections(FIGURES_2026, chart_prefix=CHART_PREFIX))
    paired = {
        each["table"].key: str(each["chart"])
        for block in blocks
        for each in block["tables"]
        if each["chart"]
    }
    assert set(paired) == {
        "volumes.complaints_by_category",
        "timeliness.stage1.answers_by_timing",
        "timeliness.stage2.answers_by_timing",
        "outcomes.decisions.stage1",
        "outcomes.refusals_by_reason",
        "remedies.by_kind",
        "ombudsman.findings",
        "learning.recorded_by_theme",
        "trends.months",
    }
    assert "Complaints received, month by month" in paired["trends.months"]
    assert all(block["charts"] == [] for block in blocks)  # none left without its table
