"""axe-core on the governing body's performance view (Code 9.4-9.7), in Chromium, with and
without JavaScript, and with a bad year typed: no WCAG 2.2 A/AA violation beyond those a stock
Wagtail listing page already has. A governing-body member signs in with two factors too."""

import pytest
from django.contrib.auth.models import Group

from portal.twofactor.services import totp_device_create
from tests.browser.conftest import (
    ARTIFACTS,
    admin_axe_violations,
    describe,
    screenshot,
    stock_wagtail_baseline,
)
from tests.browser.test_admin_casework import PASSWORD
from tests.factories import UserFactory
from tests.portal.twofactor_helpers import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def board_member():
    user = UserFactory(username="gita.board", first_name="Gita", last_name="Board")
    user.groups.add(Group.objects.get(name="Governing body"))
    return user, totp_device_create(user=user, confirmed=True)


def sign_in(page, base_url, user, device):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(base_url + "/admin/performance/")
    assert "/admin/2fa/verify/" in page.url
    page.get_by_label("Code from your authenticator app").fill(totp_code(device))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/admin/performance/")


def test_the_performance_view_adds_no_accessibility_failures(page, page_without_js, live_demo):
    user, device = board_member()
    base = live_demo.url
    sign_in(page, base, user, device)
    baseline = stock_wagtail_baseline(page, base)

    page.goto(base + "/admin/performance/")
    assert page.get_by_role("heading", name="Quarter by quarter", exact=True).count() == 1
    assert page.get_by_role("link", name="Download the board pack (PDF)").count() == 1
    assert page.get_by_role("img", name="Complaints received, month by month").count() == 1
    screenshot(page, "admin_performance")
    chart = page.get_by_role("img", name="Complaints received, month by month")
    chart.screenshot(path=str(ARTIFACTS / "admin_performance_trends_chart.png"))
    violations = admin_axe_violations(page, baseline)
    assert violations == [], describe(violations)

    # A year typed wrongly: the message next to the field, the figures not shown.
    page.get_by_label("Reporting year starting in").fill("next year")
    with page.expect_navigation():
        page.get_by_role("button", name="Show the figures").click()
    assert page.get_by_text("Enter the year as 4 figures, like 2026.").count() == 2
    assert page.get_by_label("Reporting year starting in").input_value() == "next year"
    screenshot(page, "admin_performance_error")
    violations = admin_axe_violations(page, baseline)
    assert violations == [], describe(violations)

    # Without JavaScript, the same page works: the form is a plain GET.
    page_without_js.context.add_cookies(page.context.cookies())
    page_without_js.goto(base + "/admin/performance/")
    assert page_without_js.get_by_role("heading", name="Quarter by quarter").count() == 1
    screenshot(page_without_js, "admin_performance_without_js")
