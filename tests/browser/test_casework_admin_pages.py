"""axe-core on every admin screen of ours, in Chromium: the case list (filtered and searched),
the case page with correspondence, files and Ombudsman orders, a transition form and the log-a-
case form in their error states, a person's page, and the two-factor pages. Each adds no WCAG 2.2
A/AA violation beyond those a stock Wagtail listing page already has.

Along the way, a member of staff records a letter with a file attached and the Ombudsman's
determination with an order, through the forms, as they would."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from casework import services
from casework.choices import CaseStatus, DeterminationOutcome
from casework.models import Case, CaseDocument, OmbudsmanOrder
from tests.browser.conftest import (
    admin_axe_violations,
    describe,
    screenshot,
    stock_wagtail_baseline,
)
from tests.browser.test_admin_casework import PASSWORD, officer, sign_in
from tests.factories import CaseFactory, UserFactory
from tests.portal.twofactor_helpers import totp_code, totp_wrong_code
from tests.support.files import PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def assert_accessible(page, baseline, name: str) -> None:
    screenshot(page, name)
    violations = admin_axe_violations(page, baseline)
    assert violations == [], f"{name}: {describe(violations)}"


def submit(page, button: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=button, exact=True).click()


def test_our_admin_screens_add_no_accessibility_failures(page, live_demo, tmp_path):
    user, device = officer("ann.officer", "Ann Officer")
    base = live_demo.url
    sign_in(page, base, user, device)
    baseline = stock_wagtail_baseline(page, base)
    today = timezone.localdate()

    case = CaseFactory(acknowledged=True, handler=user, received_at=timezone.now())
    CaseFactory(received_at=timezone.now() - dt.timedelta(days=30))  # an overdue one
    referral = services.ombudsman_referral_record(
        case=case, actor=user, referred_on=today - dt.timedelta(days=40)
    )
    services.evidence_request_record(
        referral=referral, actor=user, requested_on=today - dt.timedelta(days=35)
    )

    # The list, filtered, then searched.
    page.goto(base + "/admin/cases/?kind=complaint&overdue=true&ombudsman_orders=false")
    assert page.get_by_role("link", name=case.reference).count() == 0  # not overdue
    assert_accessible(page, baseline, "admin_cases_filtered")
    page.goto(base + f"/admin/cases/?q={case.resident.full_name}")
    assert page.get_by_role("link", name=case.reference).count() == 1
    assert_accessible(page, baseline, "admin_cases_searched")

    # A letter with a file, recorded through the form.
    page.goto(base + f"/admin/cases/{case.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Record correspondence", exact=True).click()
    assert_accessible(page, baseline, "admin_correspondence_form")
    page.get_by_label("Received", exact=True).check()
    page.get_by_label("How", exact=True).select_option("letter")
    page.get_by_label("From or to").fill("The resident")
    page.get_by_label("What was said or written").fill("A surveyor's report.")
    report = tmp_path / "survey.pdf"
    report.write_bytes(PDF)
    page.get_by_label("Attached files (optional)").set_input_files([report])
    page.get_by_label("Resident can see", exact=True).check()
    submit(page, "Record correspondence")
    document = CaseDocument.objects.get(case=case)
    assert (document.original_name, document.visibility) == ("survey.pdf", "resident")

    # The Ombudsman's determination, with one order already overdue.
    with page.expect_navigation():
        page.get_by_role("link", name="Record the Ombudsman's determination").click()
    page.get_by_label("Finding").select_option(DeterminationOutcome.SERVICE_FAILURE)
    page.get_by_label("Summary").fill("The repair took too long.")
    page.get_by_label("Order 1: what the Ombudsman ordered (optional)").fill("Apologise.")
    submit(page, "Record the Ombudsman's determination")
    assert "Give the date by which we must comply with order 1." in page.content()
    assert_accessible(page, baseline, "admin_determination_refused")
    page.get_by_label("Order 1: comply by").fill((today - dt.timedelta(days=3)).isoformat())
    page.get_by_label("Order 1: comply by").press("Escape")
    submit(page, "Record the Ombudsman's determination")
    assert OmbudsmanOrder.objects.filter(determination__referral=referral).count() == 1

    # The case page: files, the open order overdue in words, the evidence clock.
    assert page.get_by_role("heading", name="1 Ombudsman order to comply with").is_visible()
    assert "Overdue: it was due on" in page.content()
    with page.expect_download() as download:
        page.get_by_role("link", name="survey.pdf").first.click()
    assert download.value.suggested_filename == "survey.pdf"
    assert_accessible(page, baseline, "admin_case_page")

    # A transition refused by its rule, with the form kept.
    page.goto(base + f"/admin/cases/{case.pk}/extend/")
    submit(page, "Extend")
    assert "This could not be done yet" in page.content()
    assert_accessible(page, baseline, "admin_transition_refused")
    case.refresh_from_db()
    assert case.status == CaseStatus.STAGE1

    # Log a case: empty, then with what is missing.
    page.goto(base + "/admin/intake/log/")
    assert_accessible(page, baseline, "admin_log_case")
    submit(page, "Log the case")
    assert "Choose how the person contacted us." in page.content()
    assert_accessible(page, baseline, "admin_log_case_refused")

    # The person's page.
    page.goto(base + f"/admin/intake/people/{case.resident.pk}/")
    assert case.resident.full_name in page.content()
    assert_accessible(page, baseline, "admin_person")
    assert Case.objects.count() >= 2


def test_the_two_factor_pages_add_no_accessibility_failures(browser, page, live_demo):
    base = live_demo.url
    staff, device = officer("bo.reviewer", "Bo Reviewer")
    sign_in(page, base, staff, device)
    baseline = stock_wagtail_baseline(page, base)

    # Verify, then a wrong code.
    context = browser.new_context(locale="en-GB")
    try:
        other = context.new_page()
        other.set_default_timeout(20_000)
        other.goto(base + "/admin/login/")
        other.get_by_label("Username").fill(staff.username)
        other.get_by_label("Password").fill(PASSWORD)
        submit(other, "Sign in")
        other.goto(base + "/admin/cases/")
        assert "/admin/2fa/verify/" in other.url
        assert_accessible(other, baseline, "admin_2fa_verify")
        other.get_by_label("Code from your authenticator app").fill(totp_wrong_code(device))
        submit(other, "Continue")
        assert "/admin/2fa/verify/" in other.url
        assert_accessible(other, baseline, "admin_2fa_verify_refused")
    finally:
        context.close()

    # New backup codes, shown once.
    page.goto(base + "/admin/2fa/")
    submit(page, "Make new backup codes")
    assert "/admin/2fa/backup-codes/" in page.url
    assert_accessible(page, baseline, "admin_2fa_backup_codes")

    # A first sign-in: set up an authenticator app, then the backup codes.
    newcomer = UserFactory(username="cy.newcomer", is_superuser=True)
    newcomer.groups.add(Group.objects.get(name="Complaints officer"))
    page.context.clear_cookies()
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill(newcomer.username)
    page.get_by_label("Password").fill(PASSWORD)
    submit(page, "Sign in")
    page.goto(base + "/admin/cases/")
    assert "/admin/2fa/set-up/" in page.url
    assert_accessible(page, baseline, "admin_2fa_set_up")
    pending = TOTPDevice.objects.get(user=newcomer, confirmed=False)
    page.get_by_label("Code from your authenticator app").fill(totp_code(pending))
    submit(page, "Finish setting up")
    assert "/admin/2fa/backup-codes/" in page.url
    assert_accessible(page, baseline, "admin_2fa_first_backup_codes")
