"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser), with
axe-core checking every page against WCAG 2.2 A and AA."""

import os
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import sync_playwright

from tests.conftest import restore_migration_data

# Playwright's sync API runs an event loop in this thread; Django's ORM calls from the test
# itself (fixtures, assertions) are still made synchronously, one at a time.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("REDRESS_CHROMIUM", "/usr/bin/chromium")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CSS = Path(__file__).resolve().parents[2] / "static" / "dist" / "css" / "redress.css"


@pytest.fixture(scope="session")
def browser():
    # A missing browser or stylesheet fails the suite: `make test` installs both.
    assert shutil.which(CHROMIUM) or Path(CHROMIUM).exists(), (
        f"Chromium not found at {CHROMIUM}: run `make test`, which installs Debian's chromium."
    )
    assert CSS.exists(), "The front end is not built: run `make test` (it runs `npm run build`)."
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    # A page that never answers fails the test instead of hanging the suite.
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.without_javascript = True
    # A page that never answers fails the test instead of hanging the suite.
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.fixture
def live_demo(transactional_db, live_server):
    restore_migration_data()
    # Without the Welsh and Urdu pages, which take longer to make: see live_demo_translated.
    call_command(
        "load_demo", "--address", live_server.url + "/", "--no-translations", stdout=StringIO()
    )
    return live_server


@pytest.fixture
def live_demo_translated(transactional_db, live_server):
    """The demo with its Welsh and Urdu pages, as `make run` serves it."""
    restore_migration_data()
    call_command("load_demo", "--address", live_server.url + "/", stdout=StringIO())
    return live_server


def axe_violations(page) -> list[dict]:
    """WCAG 2.2 A/AA violations axe-core finds on the page as it is now."""
    if getattr(page, "without_javascript", False):
        return _static_axe_violations(page)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return results.response["violations"]


def _static_axe_violations(page) -> list[dict]:
    """axe-core is itself JavaScript, and Chromium never runs it in a page with JavaScript off.
    Check the same HTML, at the same address and with the same styles, in a second tab that
    runs axe but none of the page's own scripts."""
    html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.S | re.I)
    context = page.context.browser.new_context(locale="en-GB")
    try:
        checker = context.new_page()
        checker.set_default_timeout(20_000)
        checker.route(
            page.url,
            lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"),
        )
        checker.goto(page.url)
        return axe_violations(checker)
    finally:
        context.close()


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in violations
    )


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# Wagtail's own flash messages use Wagtail's stock colours; they are not ours to restyle.
WAGTAIL_CHROME = [[".messages"]]


def admin_axe_violations(page, baseline: set[str]) -> list[dict]:
    """Violations on an admin page of ours beyond those a stock Wagtail listing page has."""
    results = Axe().run(
        page,
        context={"exclude": WAGTAIL_CHROME},
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
    )
    return [v for v in results.response["violations"] if v["id"] not in baseline]


def stock_wagtail_baseline(page, base_url: str) -> set[str]:
    """The rules a stock Wagtail listing page (the users listing) already breaks."""
    page.goto(base_url + "/admin/users/")
    return {v["id"] for v in axe_violations(page)}
