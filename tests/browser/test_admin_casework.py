"""A complaints officer works a phone complaint from start to finish in the admin, in Chromium,
signing in with a password and a code from an authenticator app."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from casework.choices import CaseStatus
from casework.models import Case
from portal.twofactor.services import totp_device_create
from tests.browser.conftest import (
    admin_axe_violations,
    describe,
    screenshot,
    stock_wagtail_baseline,
)
from tests.factories import UserFactory
from tests.portal.twofactor_helpers import totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery"


def officer(username: str, full_name: str):
    first, last = full_name.split(" ", 1)
    user = UserFactory(username=username, first_name=first, last_name=last, is_superuser=True)
    user.groups.add(Group.objects.get(name="Complaints officer"))
    return user, totp_device_create(user=user, confirmed=True)


def sign_in(page, base_url, user, device, *, steps_ahead=0):
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # Before the second step, every admin page sends the user to the code page.
    page.goto(base_url + "/admin/cases/")
    assert "/admin/2fa/verify/" in page.url
    page.get_by_label("Code from your authenticator app").fill(
        totp_code(device, steps_ahead=steps_ahead)
    )
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/admin/cases/")


def do(page, action: str, fields: dict | None = None, checks=(), radios=(), selects=None):
    with page.expect_navigation():
        page.get_by_role("link", name=action, exact=True).click()
    for label, value in (fields or {}).items():
        page.get_by_label(label, exact=True).fill(value)
    for label, value in (selects or {}).items():
        page.get_by_label(label, exact=True).select_option(value)
    for label in radios:
        page.get_by_label(label, exact=True).check()
    for label in checks:
        page.get_by_label(label, exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name=action, exact=True).click()


def test_officer_works_a_phone_complaint_through_both_stages(page, live_demo):
    first, first_device = officer("ann.officer", "Ann Officer")
    second, second_device = officer("bo.reviewer", "Bo Reviewer")
    base = live_demo.url
    sign_in(page, base, first, first_device)
    baseline = stock_wagtail_baseline(page, base)

    # Log a phone complaint.
    page.goto(base + "/admin/intake/log/")
    page.locator("input[name=channel][value=phone]").check()
    page.locator("input[name=kind][value=complaint]").check()
    page.get_by_label("What happened, in the person's own words").fill(
        "The kitchen ceiling has leaked since March and two repair visits were missed."
    )
    page.get_by_label("What they would like to happen").fill("Fix the leak and the ceiling.")
    page.get_by_label("Resident's full name").fill("Amina Khan")
    page.get_by_label("Resident's phone").fill("07700 900456")
    page.get_by_role("button", name="Log the case").click()
    page.wait_for_url("**/admin/cases/*/")
    case = Case.objects.get()
    assert case.reference in page.content()
    screenshot(page, "admin_case_logged")
    violations = admin_axe_violations(page, baseline)
    assert violations == [], describe(violations)

    do(
        page,
        "Acknowledge stage 1",
        {
            "Complaint definition": "Leak in the kitchen ceiling; two repair visits missed.",
            "Outcomes the resident is looking for": "Repair the leak and the ceiling.",
            "Handler's conflict-of-interest declaration": "None",
        },
        selects={"Handler": str(first.pk)},
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.STAGE1

    do(
        page,
        "Extend",
        {
            "Extra working days": "5",
            "Reason, as explained to the resident": "We need a roofer's report.",
            "Date the resident was told": dt.date.today().isoformat(),
        },
        checks=["The notice to the resident includes the Ombudsman's contact details"],
    )
    assert case.stages.get(number=1).extensions.count() == 1

    do(
        page,
        "Send stage 1 response",
        {
            "Reasons": "The visits were booked and kept; the leak is from the flat above.",
            "Why no remedy is due (optional)": "We did what we said we would.",
        },
        radios=["Not upheld"],
        checks=["I have recorded the outstanding actions (or there are none)"],
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.STAGE1_RESPONDED
    # The answer goes straight on to its letter, drafted from what was just recorded.
    assert "/letters/" in page.url
    page.goto(base + f"/admin/cases/{case.pk}/")
    # Until it is sent, the case page says the resident has not been told (Code 6.9).
    assert "no response letter is on file (Code 6.9)" in page.content()

    do(page, "Escalate to stage 2")
    case.refresh_from_db()
    assert case.status == CaseStatus.STAGE2_REQUESTED

    # Whoever acted on stage 1 is not offered as the stage 2 handler (Code 6.13)...
    stage2 = {
        "Complaint definition": "The resident disagrees the leak comes from the flat above.",
        "Outcomes the resident is looking for": "An independent inspection.",
        "Handler's conflict-of-interest declaration": "None",
    }
    with page.expect_navigation():
        page.get_by_role("link", name="Acknowledge stage 2", exact=True).click()
    assert page.locator(f"select[name=handler] option[value='{first.pk}']").count() == 0
    assert page.locator(f"select[name=handler] option[value='{second.pk}']").count() == 1
    assert "who cannot handle stage 2 (Code 6.13)" in page.content()
    screenshot(page, "admin_stage2_refused")
    violations = admin_axe_violations(page, baseline)
    assert violations == [], describe(violations)

    # ...a different reviewer can.
    page.context.clear_cookies()
    sign_in(page, base, second, second_device)
    page.goto(base + f"/admin/cases/{case.pk}/")
    do(page, "Acknowledge stage 2", stage2, selects={"Handler": str(second.pk)})
    case.refresh_from_db()
    assert case.status == CaseStatus.STAGE2
    assert case.stages.get(number=2).handler == second

    do(
        page,
        "Send final response",
        {
            "Reasons": "An inspection confirmed the leak comes from the flat above.",
            "Why no remedy is due (optional)": "The fault is not ours; we have told the owner.",
        },
        radios=["Not upheld"],
        checks=["I have recorded the outstanding actions (or there are none)"],
    )
    page.goto(base + f"/admin/cases/{case.pk}/")
    do(page, "Close")
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    events = list(case.timeline.values_list("event", flat=True))
    # She complained by phone and is not emailed: each change tells staff to tell her another
    # way (Code 5.10), between the changes themselves.
    assert "tell_by_other_means" in events
    assert [event for event in events if event != "tell_by_other_means"][:6] == [
        "logged",
        "stage1_acknowledged",
        "extended",
        "stage1_responded",
        "escalation_requested",
        "stage2_acknowledged",
    ]
    screenshot(page, "admin_case_closed")
