"""Server-rendered SVG charts: valid SVG, an image with a text alternative naming every value,
bars in proportion, and nothing the editor typed able to break out of the markup."""

import xml.etree.ElementTree as ET

import pytest

from casework.charts import Bar, bar_chart, column_chart

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg) -> ET.Element:
    return ET.fromstring(str(svg))  # noqa: S314 - our own output


@pytest.mark.parametrize("chart", [bar_chart, column_chart])
def test_an_image_with_a_title_and_every_value_described(chart):
    svg = parse(chart("Complaints by channel", [Bar("Phone", 30), Bar("Email", 12)], chart_id="c1"))
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c1-title c1-desc"
    assert svg.find(f"{SVG}title").text == "Complaints by channel"
    assert svg.find(f"{SVG}desc").text == "Phone: 30; Email: 12"
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "30" in texts and "12" in texts  # values written, not colour alone


def test_bars_are_in_proportion_to_their_values():
    svg = parse(bar_chart("x", [Bar("A", 40), Bar("B", 10), Bar("C", 0)], chart_id="c"))
    widths = [float(r.get("width")) for r in svg.iter(f"{SVG}rect")]
    assert widths[0] == pytest.approx(4 * widths[1])
    assert widths[2] == 0


def test_columns_are_in_proportion_to_their_values():
    svg = parse(column_chart("x", [Bar("Jan", 9), Bar("Feb", 3)], chart_id="c"))
    heights = [float(r.get("height")) for r in svg.iter(f"{SVG}rect")]
    assert heights[0] == pytest.approx(3 * heights[1])


def test_a_value_can_be_written_as_a_percentage():
    svg = parse(bar_chart("x", [Bar("On time", 87.5, "87.5%")], chart_id="c"))
    assert "87.5%" in [t.text for t in svg.iter(f"{SVG}text")]


@pytest.mark.parametrize("chart", [bar_chart, column_chart])
def test_labels_are_escaped(chart):
    svg = chart('<script>alert("x")</script> & co', [Bar("<b>", 1)], chart_id="c")
    assert "<script>" not in str(svg) and "<b>" not in str(svg)
    parse(svg)  # still well-formed


@pytest.mark.parametrize("chart", [bar_chart, column_chart])
def test_no_figures_still_draws_a_described_image(chart):
    svg = parse(chart("Nothing yet", [], chart_id="c"))
    assert svg.find(f"{SVG}desc").text == "No figures"


def test_long_labels_are_shortened_to_fit_and_kept_whole_in_the_description():
    long = "Neighbourhoods and anti-social behaviour on the estates"
    svg = parse(bar_chart("Themes", [Bar(long, 3)], chart_id="c9"))
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts[0] == long[:35].rstrip() + "…"
    assert long in svg.find(f"{SVG}desc").text


def test_column_labels_put_the_year_under_the_month():
    svg = parse(column_chart("Months", [Bar("Apr 2026", 4)], chart_id="c8"))
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert texts[-2:] == ["Apr", "2026"]
