"""The demo's published annual report, its self-assessment and the "what we have changed" page
in Chromium (issue 6): no axe-core WCAG 2.2 A/AA violation, with and without JavaScript; their
PDFs download and render (pdftoppm); a member of the governing body writes the response in the
admin, signing in with two factors, on screens that add no violation to stock Wagtail."""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from cms_pages.models import (
    AnnualReportPage,
    GoverningBodyResponse,
    ImprovementsPage,
    SelfAssessmentPage,
)
from portal.twofactor.services import totp_device_create
from tests.browser.conftest import (
    admin_axe_violations,
    axe_violations,
    describe,
    screenshot,
    stock_wagtail_baseline,
)
from tests.browser.test_admin_casework import sign_in
from tests.conftest import restore_migration_data
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def live_reports(transactional_db, live_server):
    """The demo with a few dozen cases, so the report and self-assessment are published."""
    restore_migration_data()
    call_command(
        "load_demo",
        "--address",
        live_server.url + "/",
        "--cases",
        "40",
        "--no-translations",
        stdout=StringIO(),
    )
    return live_server


def assert_accessible(page, name: str) -> None:
    screenshot(page, name)
    violations = axe_violations(page)
    assert violations == [], f"{name}: {describe(violations)}"


def too_wide(page) -> list[str]:
    """The innermost elements that reach past the window's right edge."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > innerWidth + 1
                && ![...e.children].some((c) => c.getBoundingClientRect().right > innerWidth + 1))
            .slice(0, 5)
            .map((e) => `${e.tagName}.${e.className} ${e.getBoundingClientRect().right}`)"""
    )


def assert_reflows(page, paths: list[str]) -> None:
    """WCAG 1.4.10: at 320 CSS pixels (1280 zoomed to 400%) each page fits the width; a wide
    table scrolls inside its own region, which the keyboard can reach and which is named."""
    base = page.url.split("/", 3)[:3]
    page.set_viewport_size({"width": 320, "height": 640})
    try:
        for path in paths:
            page.goto("/".join(base) + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 320, f"{path} is {width}px wide at 320px: {too_wide(page)}"
            for region in page.locator(".redress-table-scroll").all():
                assert region.get_attribute("tabindex") == "0", path
                assert region.get_attribute("role") == "region", path
                label = page.locator(f"#{region.get_attribute('aria-labelledby')}")
                assert (label.text_content() or "").strip(), path
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


def render_first_page(pdf: bytes, tmp_path, name: str) -> int:
    """pdftoppm turns the first page into a PNG, as a resident's viewer would; its size."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    subprocess.run(  # noqa: S603
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(tmp_path / name)],  # noqa: S607
        check=True,
    )
    png = next(tmp_path.glob(f"{name}*.png"))
    return png.stat().st_size


@pytest.mark.parametrize("javascript", [True, False])
def test_the_published_reports_are_accessible(request, live_reports, tmp_path, javascript):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    base = live_reports.url
    report = AnnualReportPage.objects.live().get()
    assessment = SelfAssessmentPage.objects.live().get()
    improvements = ImprovementsPage.objects.live().get()
    suffix = "" if javascript else "_no_js"

    page.goto(base + report.url)
    assert page.get_by_role("heading", level=1).inner_text() == report.title
    assert page.get_by_role("heading", name="The governing body's response").is_visible()
    assert page.locator("svg[role=img]").count() > 0
    assert_accessible(page, "annual_report" + suffix)
    page.goto(base + report.url + "print/")
    assert_accessible(page, "annual_report_large_print" + suffix)

    page.goto(base + assessment.url)
    assert page.locator("table.redress-assessment").count() == 9  # the Code's nine sections
    assert_accessible(page, "self_assessment" + suffix)

    page.goto(base + improvements.url)
    assert_accessible(page, "improvements" + suffix)
    assert_reflows(page, [report.url, report.url + "print/", assessment.url, improvements.url])
    page.goto(base + improvements.url)
    page.get_by_label("Show changes about").select_option("repairs")
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    assert "theme=repairs" in page.url
    assert_accessible(page, "improvements_filtered" + suffix)


def test_the_pdfs_download_and_render(page, live_reports, tmp_path):
    base = live_reports.url
    for model, name in [(AnnualReportPage, "annual_report"), (SelfAssessmentPage, "assessment")]:
        published = model.objects.live().get()
        page.goto(base + published.url)
        for link, variant in [
            (f"Download {published.title} as a PDF", ""),
            ("Download a large-print PDF", "_large_print"),
        ]:
            with page.expect_download() as download:
                page.get_by_role("link", name=link).click()
            pdf = Path(download.value.path()).read_bytes()
            assert pdf.startswith(b"%PDF")
            # A page of words and a masthead, not a blank page.
            assert render_first_page(pdf, tmp_path, name + variant) > 5_000


def test_the_governing_body_writes_its_response(page, live_reports):
    base = live_reports.url
    member = UserFactory(username="board.member", first_name="Bea", last_name="Board")
    member.groups.add(Group.objects.get(name="Governing body"))
    device = totp_device_create(user=member, confirmed=True)
    sign_in(page, base, member, device)
    baseline = stock_wagtail_baseline(page, base)
    report = AnnualReportPage.objects.live().get()

    page.goto(base + "/admin/")
    with page.expect_navigation():
        page.get_by_role("link", name="Governing body responses").click()
    violations = admin_axe_violations(page, baseline)
    assert violations == [], describe(violations)
    with page.expect_navigation():
        page.get_by_role("link", name=report.title).click()
    # A mistake is shown next to its field and nothing typed is lost.
    page.get_by_label("On behalf of").fill("")
    page.get_by_label("The governing body's response").fill("We accept the report.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the response").click()
    assert page.get_by_text("Say who the response is from, for example the Board.").is_visible()
    assert page.get_by_label("The governing body's response").input_value() == (
        "We accept the report."
    )
    screenshot(page, "governing_body_response_error")
    violations = admin_axe_violations(page, baseline)
    assert violations == [], describe(violations)
    page.get_by_label("On behalf of").fill("The Board of Example Homes")
    with page.expect_navigation():
        page.get_by_role("button", name="Save the response").click()
    response = GoverningBodyResponse.objects.get(translation_key=report.translation_key)
    assert response.text == "We accept the report."
    assert response.updated_by == member
    # Published with the report only when the comms team publishes it again (Code 8.2).
    page.goto(base + report.url)
    assert page.get_by_text("We accept the report.").count() == 0


@pytest.fixture
def live_reports_translated(transactional_db, live_server):
    """As live_reports, with the Welsh and Urdu trees: the reports there are untranslated
    copies, shown in English with a note in the reader's language."""
    restore_migration_data()
    call_command(
        "load_demo", "--address", live_server.url + "/", "--cases", "40", stdout=StringIO()
    )
    return live_server


@pytest.mark.parametrize(
    ("prefix", "language", "direction"), [("/cy", "cy", "ltr"), ("/ur", "ur", "rtl")]
)
def test_the_reports_in_welsh_and_urdu_are_accessible(
    page, live_reports_translated, prefix, language, direction
):
    base = live_reports_translated.url + prefix
    for model in (AnnualReportPage, SelfAssessmentPage, ImprovementsPage):
        slug = model.objects.live().filter(locale__language_code="en-gb").get().slug
        page.goto(f"{base}/{slug}/")
        assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
            language,
            direction,
        ]
        assert page.locator(".redress-fallback-note").get_attribute("lang") == language
        assert_accessible(page, f"{language}_{slug}")
        assert_reflows(page, [f"{prefix}/{slug}/"])
    with page.expect_download() as download:
        page.goto(f"{base}/complaints-report/")
        page.locator("a[href$='/pdf/']").first.click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
