"""The figures as people read them (casework.figures.presentation; issue 6; Code 8.1b-d,
9.4-9.7; TSM CH01, CH02), over a hand-written result of `figures_for_period`: no database."""

import copy
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from casework.figures import FIGURES
from casework.figures.catalogue import ROWS, TABLE
from casework.figures.presentation import (
    FigureRow,
    FigureTable,
    ReportSection,
    format_figure,
    month_label,
    report_sections,
)

SVG = "{http://www.w3.org/2000/svg}"


def parse(chart) -> ET.Element:
    return ET.fromstring(str(chart))  # noqa: S314 - our own output


def stage(n: int, **changes) -> dict:
    values = {
        "acknowledged": 40 * n,
        "acknowledged_on_time": 38 * n,
        "acknowledged_on_time_percent": 95.0,
        "acknowledged_within_code_percent": 97.5,
        "average_working_days_to_acknowledge": 2.4,
        "awaiting_acknowledgement_overdue": 1,
        "answered": 30 * n,
        "answered_on_time": 21 * n,
        "answered_within_extension": 4 * n,
        "answered_after_longer_extension": 1,
        "answered_late": 3 * n,
        "answered_missing_dates": 1,
        "extended_after_due_date": 2,
        "within_code_timescales": 25 * n,
        "within_code_timescales_percent": 83.3,
        "average_working_days": 8.7 * n,
        "awaiting_response_overdue": 2 * n,
    }
    return values | changes


FIGURES_2026 = {
    "period": {"start": "2026-04-01", "end": "2027-03-31"},
    "calculated_at": "2027-04-02T09:00:00+01:00",
    "volumes": {
        "received": 1234,
        "by_kind": {"complaint": 900, "service_request": 300, "compliment": 30, "comment": 4},
        "by_channel": {"online": 600, "phone": 500, "email": 134, "letter": 0},
        "by_category": {"Repairs": 700, "Damp and mould": 300, "—": 234},
        "complaints_by_category": {"Damp and mould": 250, "Repairs": 600, "—": 50},
        "complaints_by_stage_reached": {"stage1": 800, "stage2": 100},
        "contractor_related": 120,
        "complaints_contractor_related": 90,
        "stage1_complaints": 880,
        "stage2_escalations": 104,
        "homes": 12500,
        "stage1_per_1000_homes": 70.4,
        "stage2_per_1000_homes": 8.3,
    },
    "timeliness": {
        "stage1": stage(1),
        "stage2": stage(2, within_code_timescales_percent=None),
        "ch02_stage1_percent": 82.5,
        "ch02_stage2_percent": None,
        "within_code_timescales_percent": 80.0,
    },
    "outcomes": {
        "decisions": {
            "stage1": {"upheld": 10, "partly_upheld": 12, "not_upheld": 8},
            "stage2": {"upheld": 3, "partly_upheld": 0, "not_upheld": 2},
        },
        "withdrawn": 6,
        "stage1_answered": 30,
        "escalated": 5,
        "escalation_rate_percent": 16.7,
        "refused": 7,
        "refusals_by_reason": {"Legal proceedings started": 2, "Over 12 months old": 5},
        "escalations_refused": 1,
        "escalations_refused_by_reason": {"Already considered": 1},
    },
    "remedies": {
        "offered": 40,
        "by_kind": {"apology": 30, "financial": 10, "policy_change": 0},
        "financial_offered": 10,
        "financial_offered_total": "1234.00",
        "financial_offered_median": "100.50",
        "financial_paid": 9,
        "financial_paid_total": "1100.00",
        "financial_paid_median": None,
        "remedies_open_at_end": 3,
        "remedies_overdue_at_end": 1,
        "actions_open_at_end": 4,
        "actions_overdue_at_end": 2,
    },
    "ombudsman": {
        "referrals": 5,
        "referrals_by_scheme": {"housing": 4, "local_government": 1},
        "evidence_due": 4,
        "evidence_on_time": 3,
        "evidence_late": 1,
        "evidence_not_sent": 0,
        "evidence_on_time_percent": 75.0,
        "determinations": 3,
        "findings": {
            "no_maladministration": 1,
            "service_failure": 0,
            "maladministration": 1,
            "severe_maladministration": 1,
            "reasonable_redress": 0,
            "outside_jurisdiction": 0,
        },
        "code_non_compliance_findings": 2,
        "orders": 4,
        "orders_complied_on_time": 2,
        "orders_complied_late": 1,
        "orders_outstanding_at_end": 1,
        "orders_overdue_at_end": 1,
    },
    "learning": {
        "recorded": 11,
        "recorded_from_cases": 9,
        "recorded_by_theme": {"communication": 6, "repairs": 5, "damp_and_mould": 0},
        "completed": 4,
        "completed_by_theme": {"communication": 3, "repairs": 1},
        "published_improvements": 2,
        "open_at_end": 7,
        "overdue_at_end": 3,
    },
    "trends": {
        "months": [
            {
                "month": "2026-04",
                "complaints_received": 70,
                "stage2_escalations": 8,
                "stage1_answered": 60,
                "stage1_within_code": 50,
                "stage2_answered": 7,
                "stage2_within_code": 6,
            },
            {
                "month": "2026-05",
                "complaints_received": 1100,
                "stage2_escalations": 9,
                "stage1_answered": 65,
                "stage1_within_code": 55,
                "stage2_answered": 8,
                "stage2_within_code": 8,
            },
        ],
        "categories": [
            {
                "category": "Repairs",
                "complaints_received": 600,
                "decisions": 20,
                "upheld_or_partly": 15,
            },
            {"category": "—", "complaints_received": 50, "decisions": 1, "upheld_or_partly": 0},
        ],
    },
    "data_quality": {
        "count": 2,
        "problems": [
            {"reference": "CMP-2026-00042", "figure": "outcomes.decisions", "problem": "x"},
            {"reference": "CMP-2026-00077", "figure": "timeliness.stage1", "problem": "y"},
        ],
    },
    "evidence": {},
}


@pytest.fixture
def sections() -> dict[str, ReportSection]:
    return {section.key: section for section in report_sections(FIGURES_2026)}


def rows_of(section: ReportSection) -> dict[str, str]:
    return {row.label: row.value for row in section.rows}


def table(section: ReportSection, key: str) -> FigureTable:
    (found,) = [t for t in section.tables if t.key == key]
    return found


def every_string(sections) -> str:
    parts = []
    for section in sections.values():
        parts.append(section.title)
        for row in section.rows:
            parts += [row.label, row.value, row.reference]
        for t in section.tables:
            parts += [t.caption, t.reference, *t.headings, *(c for r in t.rows for c in r)]
        parts += [str(chart) for chart in section.charts]
    return "\n".join(parts)


class TestFormatFigure:
    @pytest.mark.parametrize(
        ("key", "value", "shown"),
        [
            ("volumes.received", 1234, "1,234"),
            ("volumes.received", 0, "0"),
            ("timeliness.ch02_stage1_percent", 82.5, "82.5%"),
            ("timeliness.ch02_stage1_percent", 100.0, "100.0%"),
            ("timeliness.ch02_stage1_percent", 0, "0.0%"),
            ("volumes.stage1_per_1000_homes", 70.4, "70.4"),
            ("volumes.stage1_per_1000_homes", 1234.56, "1,234.6"),
            ("timeliness.stage1.average_working_days", 3.4, "3.4 working days"),
            ("timeliness.stage2.average_working_days", 12, "12.0 working days"),
            ("remedies.financial_paid_total", "1234.00", "£1,234.00"),
            ("remedies.financial_paid_median", "0.50", "£0.50"),
            (
                "volumes.by_kind",
                {"compliment": 3, "complaint": 1200},
                "Complaint: 1,200; Compliment: 3",
            ),
            ("outcomes.refusals_by_reason", {"Over 12 months old": 5}, "Over 12 months old: 5"),
            ("outcomes.stage1_answered", 30, "30"),  # not in the catalogue: as it is
        ],
    )
    def test_each_kind_is_shown_its_own_way(self, key, value, shown):
        assert format_figure(key, value) == shown

    @pytest.mark.parametrize(
        "key",
        [
            "volumes.received",
            "timeliness.ch02_stage2_percent",
            "volumes.stage1_per_1000_homes",
            "timeliness.stage1.average_working_days",
            "remedies.financial_paid_median",
        ],
    )
    def test_nothing_to_work_out_from_is_a_dash(self, key):
        assert format_figure(key, None) == "—"

    def test_a_rows_figure_is_read_row_by_row(self):
        shown = format_figure("trends.categories", FIGURES_2026["trends"]["categories"][:1])
        assert shown == (
            "Category: Repairs, Complaints received: 600, Decisions: 20, "
            "Upheld in whole or in part: 15"
        )

    def test_months_are_named(self):
        assert month_label("2026-04") == "Apr 2026"
        assert month_label("not a month") == "not a month"

    def test_month_names_are_in_the_active_language(self):
        with translation.override("cy"):
            assert month_label("2026-04") == "Ebr 2026"


class TestSections:
    def test_the_sections_in_reading_order(self):
        assert [s.key for s in report_sections(FIGURES_2026)] == [
            "volumes",
            "timeliness_stage1",
            "timeliness_stage2",
            "outcomes",
            "remedies",
            "ombudsman",
            "learning",
            "trends",
            "data_quality",
        ]

    def test_the_types_are_the_shared_interface(self, sections):
        for section in sections.values():
            assert isinstance(section, ReportSection)
            assert all(isinstance(row, FigureRow) for row in section.rows)
            assert all(isinstance(t, FigureTable) for t in section.tables)
            for row in section.rows:
                assert isinstance(row.value, str) and row.reference
            for t in section.tables:
                assert all(len(r) == len(t.headings) for r in t.rows)
                assert all(isinstance(c, str) for r in t.rows for c in r)

    def test_volumes_show_ch01(self, sections):
        rows = rows_of(sections["volumes"])
        assert rows["Cases received"] == "1,234"
        assert rows["Homes"] == "12,500"
        assert rows["Stage 1 complaints per 1,000 homes"] == "70.4"
        assert rows["Stage 2 complaints per 1,000 homes"] == "8.3"
        references = {row.label: row.reference for row in sections["volumes"].rows}
        assert references["Stage 1 complaints per 1,000 homes"] == "TSM CH01 (1)"

    def test_a_table_is_in_the_choices_order_with_their_labels(self, sections):
        by_kind = table(sections["volumes"], "volumes.by_kind")
        assert by_kind.caption == "Cases received, by kind"
        assert by_kind.headings == ["Kind", "Cases"]
        assert by_kind.rows == [
            ["Complaint", "900"],
            ["Service request", "300"],
            ["Compliment", "30"],
            ["Comment", "4"],
        ]
        assert by_kind.reference == "Code 1.2-1.4"

    def test_categories_come_as_the_result_orders_them(self, sections):
        categories = table(sections["volumes"], "volumes.complaints_by_category")
        assert categories.rows == [["Damp and mould", "250"], ["Repairs", "600"], ["—", "50"]]

    @pytest.mark.parametrize("number", [1, 2])
    def test_timeliness_for_each_stage_leads_with_ch02(self, sections, number):
        section = sections[f"timeliness_stage{number}"]
        first = section.rows[0]
        assert first.reference == f"TSM CH02 ({number})"
        assert first.value == {1: "82.5%", 2: "—"}[number]
        rows = rows_of(section)
        assert rows[f"Stage {number}: answered"] == f"{30 * number}"
        assert (
            rows[f"Stage {number}: average working days to answer"]
            == ({1: "8.7 working days", 2: "17.4 working days"}[number])
        )
        assert len(section.rows) == 18 + (number == 2)

    def test_the_share_of_all_complaints_within_the_code_is_with_stage_2(self, sections):
        assert "All complaints answered within the Code's timescales (%)" in rows_of(
            sections["timeliness_stage2"]
        )
        assert "All complaints answered within the Code's timescales (%)" not in rows_of(
            sections["timeliness_stage1"]
        )

    def test_answers_by_timing_are_a_table_and_its_chart(self, sections):
        section = sections["timeliness_stage2"]
        (timing,) = section.tables
        assert timing.rows == [
            ["On time", "42"],
            ["Within an extension", "8"],
            ["Longer extension, good reason", "1"],
            ["Late", "6"],
            ["Dates missing", "1"],
        ]
        (chart,) = section.charts
        desc = parse(chart).find(f"{SVG}desc").text
        assert desc == (
            "On time: 42; Within an extension: 8; Longer extension, good reason: 1; "
            "Late: 6; Dates missing: 1"
        )

    def test_outcomes_include_refusals_by_exclusion_reason(self, sections):
        """Code 8.1b: the types of complaint refused."""
        section = sections["outcomes"]
        refusals = table(section, "outcomes.refusals_by_reason")
        assert refusals.reference == "Code 8.1b"
        assert refusals.headings == ["Reason", "Complaints"]
        assert refusals.rows == [["Legal proceedings started", "2"], ["Over 12 months old", "5"]]
        assert table(section, "outcomes.escalations_refused_by_reason").rows == [
            ["Already considered", "1"]
        ]
        assert table(section, "outcomes.decisions.stage1").rows == [
            ["Upheld", "10"],
            ["Partly upheld", "12"],
            ["Not upheld", "8"],
        ]
        assert rows_of(section)["Stage 1 answers escalated to stage 2 (%)"] == "16.7%"

    def test_putting_things_right(self, sections):
        rows = rows_of(sections["remedies"])
        assert rows["Financial remedies offered: total (£)"] == "£1,234.00"
        assert rows["Financial remedies offered: median (£)"] == "£100.50"
        assert rows["Financial remedies paid: median (£)"] == "—"
        assert rows["Outstanding actions open at the end"] == "4"
        assert rows["Outstanding actions past their date at the end"] == "2"

    def test_the_ombudsman_with_non_compliance_and_orders(self, sections):
        """Code 8.1c: the Ombudsman's findings that we did not follow the Code; 9.7 orders."""
        section = sections["ombudsman"]
        rows = {row.label: row for row in section.rows}
        finding = rows["Ombudsman findings that we did not follow the Complaint Handling Code"]
        assert (finding.value, finding.reference) == ("2", "Code 8.1c")
        assert rows["Orders not complied with at the end"].value == "1"
        assert rows["Orders past their date at the end"].value == "1"
        findings = table(section, "ombudsman.findings")
        assert findings.rows[:3] == [
            ["No maladministration", "1"],
            ["Service failure", "0"],
            ["Maladministration", "1"],
        ]
        assert table(section, "ombudsman.referrals_by_scheme").rows == [
            ["Housing Ombudsman", "4"],
            ["Local Government and Social Care Ombudsman", "1"],
        ]

    def test_learning(self, sections):
        section = sections["learning"]
        assert rows_of(section)["Improvements past their date at the end"] == "3"
        assert table(section, "learning.recorded_by_theme").rows == [
            ["Communication and keeping residents informed", "6"],
            ["Repairs and maintenance", "5"],
            ["Damp and mould", "0"],
        ]

    def test_trends_as_tables_with_a_column_chart_of_complaints_per_month(self, sections):
        section = sections["trends"]
        months = table(section, "trends.months")
        assert months.headings[:2] == ["Month", "Complaints received"]
        assert months.rows[1] == ["May 2026", "1,100", "9", "65", "55", "8", "8"]
        categories = table(section, "trends.categories")
        assert categories.rows == [["Repairs", "600", "20", "15"], ["—", "50", "1", "0"]]
        (chart,) = section.charts
        svg = parse(chart)
        assert svg.find(f"{SVG}title").text == "Complaints received, month by month"
        assert svg.find(f"{SVG}desc").text == "Apr 2026: 70; May 2026: 1,100"
        heights = [float(rect.get("height")) for rect in svg.iter(f"{SVG}rect")]
        assert heights[0] < heights[1]  # drawn to the number, not its text

    def test_every_chart_has_a_table_of_the_same_numbers(self, sections):
        for section in sections.values():
            shown = {(r[0], r[1]) for t in section.tables for r in t.rows}
            for chart in section.charts:
                desc = parse(chart).find(f"{SVG}desc").text
                pairs = {tuple(item.rsplit(": ", 1)) for item in desc.split("; ")}
                assert pairs <= shown, section.key

    def test_chart_ids_are_unique_and_take_the_prefix(self):
        ids = [
            parse(chart).get("aria-labelledby")
            for section in report_sections(FIGURES_2026, chart_prefix="q3")
            for chart in section.charts
        ]
        assert len(ids) == len(set(ids)) == 9
        assert all(i.startswith("q3-") for i in ids)

    def test_data_quality_shows_only_its_count(self, sections):
        (row,) = sections["data_quality"].rows
        assert row.value == "2"
        text = every_string(sections)
        assert "CMP-2026-00042" not in text
        assert "CMP-2026-00077" not in text

    def test_every_catalogue_figure_is_shown_somewhere(self, sections):
        """Nothing the catalogue names is left out of the report."""
        captions = {t.key for s in sections.values() for t in s.tables}
        labels = {row.label for s in sections.values() for row in s.rows}
        for figure in FIGURES.values():
            if figure.kind in (TABLE, ROWS):
                assert figure.key in captions, figure.key
            else:
                assert str(figure.label) in labels, figure.key

    def test_a_result_frozen_before_a_figure_existed_shows_a_dash(self):
        old = copy.deepcopy(FIGURES_2026)
        del old["ombudsman"]["code_non_compliance_findings"]
        del old["learning"]
        sections = {s.key: s for s in report_sections(old)}
        rows = rows_of(sections["ombudsman"])
        assert rows["Ombudsman findings that we did not follow the Complaint Handling Code"] == "—"
        assert set(rows_of(sections["learning"]).values()) == {"—"}
        assert all(t.rows == [] for t in sections["learning"].tables)

    def test_sections_are_built_in_the_active_language(self):
        with translation.override("cy"):
            welsh = {s.key: s for s in report_sections(FIGURES_2026)}
        months = table(welsh["trends"], "trends.months")
        assert [row[0] for row in months.rows] == ["Ebr 2026", "Mai 2026"]
        # The numbers do not depend on the language.
        assert months.rows[1][1:] == ["1,100", "9", "65", "55", "8", "8"]


@pytest.mark.django_db
def test_a_live_result_has_every_key_the_sections_read():
    """The hand-written result above has the shape `figures_for_period` gives."""
    import datetime as dt

    from casework.figures import figures_for_period
    from casework.process import process_settings, working_calendar

    live = figures_for_period(
        dt.date(2026, 4, 1), dt.date(2027, 3, 31), calendar=working_calendar(process_settings())
    )

    def keys(value, prefix=""):
        if not isinstance(value, dict):
            return {prefix}
        return {k for name, v in value.items() for k in keys(v, f"{prefix}.{name}".strip("."))}

    shapes = {"trends.months", "trends.categories", "data_quality.problems"}
    wanted = {k for k in keys(FIGURES_2026) if not k.startswith(("evidence", *shapes))}
    # Tables keyed by categories and reasons hold whatever the record holds.
    free = ("volumes.by_category", "volumes.complaints_by_category", "outcomes.refusals_by")
    free += ("outcomes.escalations_refused_by",)
    have = keys(live)
    assert {k for k in wanted - have if not k.startswith(free)} == set()
    sections = report_sections(live)
    months = next(s for s in sections if s.key == "trends").tables[0]
    assert len(months.rows) == 12
