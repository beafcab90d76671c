"""Letters in Chromium (issue 5, Done when): a complaints officer, signed in with two factors,
records the stage 1 decision on an acknowledged complaint, drafts the stage 1 response, previews
it and issues it (Code 6.9); the resident then signs in to the follow pages, finds the letter on
their case page as a PDF link, and the PDF they download renders as a page that is not blank."""

import re
import subprocess

import pytest
from django.core import mail
from PIL import Image, ImageStat
from playwright.sync_api import expect

from casework.choices import CaseStatus
from casework.models import Letter, OutboundEmail
from casework.outbox import MAX_ATTEMPTS
from tests.browser.conftest import ARTIFACTS, admin_axe_violations, describe, screenshot
from tests.browser.conftest import stock_wagtail_baseline as wagtail_baseline
from tests.browser.test_admin_casework import do, officer, sign_in
from tests.factories import CaseFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_officer_issues_a_stage_1_response_and_the_resident_reads_the_pdf(
    page, live_demo, tmp_path
):
    base = live_demo.url
    user, device = officer("cy.officer", "Cy Officer")
    case = CaseFactory(
        resident=PersonFactory(full_name="Rhiannon Price", email="rhiannon@example.net"),
        acknowledged=True,
        handler=user,
    )
    sign_in(page, base, user, device)
    baseline = wagtail_baseline(page, base)

    page.goto(base + f"/admin/cases/{case.pk}/")
    do(
        page,
        "Send stage 1 response",
        {
            "Reasons": "Our records show the leak comes from the flat above, not from our roof.",
            "Why no remedy is due (optional)": "We did what we said we would.",
        },
        radios=["Not upheld"],
        checks=["I have recorded the outstanding actions (or there are none)"],
    )
    case.refresh_from_db()
    assert case.status == CaseStatus.STAGE1_RESPONDED

    # Recording the response leads straight to its letter, drafted from what was recorded.
    expect(page.get_by_label("The reasons for the decision", exact=True)).to_be_visible()
    assert page.get_by_role("button", name="Issue and send").count() == 0  # preview first
    violations = admin_axe_violations(page, baseline)
    assert violations == [], describe(violations)

    reasons = page.get_by_label("The reasons for the decision", exact=True)
    assert "leak comes from the flat above" in reasons.input_value()
    reasons.fill("We checked the repair log. The leak comes from the flat above.")
    with page.expect_navigation():
        page.get_by_role("button", name="Preview").click()
    expect(page.get_by_text("Reading ease:")).to_be_visible()
    preview = page.locator("iframe[title='Preview of the letter']")
    expect(preview).to_be_visible()
    assert "We checked the repair log." in preview.get_attribute("srcdoc")
    assert case.reference in preview.get_attribute("srcdoc")
    screenshot(page, "letters_draft_preview")
    violations = admin_axe_violations(page, baseline)
    assert violations == [], describe(violations)

    mail.outbox.clear()
    issue = page.get_by_role("button", name="Issue and send")
    # A real click. Wagtail's admin scrolls smoothly (scroll-behavior: smooth), and Playwright
    # clicks where the button was before that scroll ends: scroll, and wait for it to settle.
    issue.scroll_into_view_if_needed()
    settled = None
    while settled != (settled := issue.bounding_box()["y"]):
        page.wait_for_timeout(250)
    issue.click()
    # Rendering the tagged PDF takes a while on a busy machine.
    page.wait_for_url(f"**/admin/cases/{case.pk}/", timeout=120_000)
    expect(page.get_by_text("Letter issued: Our answer to your complaint")).to_be_visible()
    letter = Letter.objects.get(case=case)
    assert letter.elements["reasons"].startswith("We checked the repair log.")
    [letter_email] = [m for m in mail.outbox if m.to == ["rhiannon@example.net"]]
    assert letter_email.attachments[0][0] == letter.document.original_name

    # The resident signs in to the follow pages with the emailed link.
    page.context.clear_cookies()
    mail.outbox.clear()
    page.goto(base + "/follow/")
    page.get_by_label("Email address").fill("rhiannon@example.net")
    with page.expect_navigation():
        page.get_by_role("button", name="Email me a link").click()
    [message] = [m for m in mail.outbox if m.to == ["rhiannon@example.net"]]
    link = re.search(r"https?://\S+/follow/sign-in/\S+/", message.body).group(0)
    page.goto(link.replace("http://testserver", base))
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    with page.expect_navigation():
        page.get_by_role("link", name=case.reference).click()
    pdf_link = page.get_by_role("link", name=letter.document.original_name)
    expect(pdf_link).to_be_visible()
    screenshot(page, "letters_resident_case")

    response = page.request.get(base + pdf_link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(response.body())
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(  # noqa: S603
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],  # noqa: S607
        check=True,
        timeout=60,
    )
    [png] = list(tmp_path.glob("page*.png"))
    image = Image.open(png).convert("L")
    assert image.width > 300 and image.height > 400
    # Not a blank page: dark text on white leaves a real spread of greys.
    darkest, lightest = image.getextrema()
    assert darkest < 100 and lightest > 200
    assert ImageStat.Stat(image).stddev[0] > 10
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "letters_pdf_page1.png").write_bytes(png.read_bytes())


def test_an_officer_sees_an_email_that_failed_and_tries_it_again(page, live_demo):
    """Issue 5, nothing is lost: the failed email is on the outbox screen with its error."""
    base = live_demo.url
    user, device = officer("di.officer", "Di Officer")
    case = CaseFactory(acknowledged=True, handler=user)
    email = OutboundEmail.objects.filter(case=case).latest("pk")
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.Status.FAILED,
        attempts=MAX_ATTEMPTS,
        last_error="SMTPRecipientsRefused: {'resident@example.net': (550, 'No such user')}",
    )
    sign_in(page, base, user, device)
    baseline = wagtail_baseline(page, base)
    page.goto(base + "/admin/")
    with page.expect_navigation():
        page.get_by_role("link", name="Emails not sent").click()
    expect(page.get_by_text("550, 'No such user'")).to_be_visible()
    screenshot(page, "outbox_failed")
    violations = admin_axe_violations(page, baseline)
    assert violations == [], describe(violations)
    mail.outbox.clear()
    with page.expect_navigation():
        page.get_by_role("button", name="Try again").click()
    expect(page.get_by_text("We will try again to send")).to_be_visible()
    expect(page.get_by_text("Every email has been sent or is on its way.")).to_be_visible()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len([m for m in mail.outbox if m.subject == email.subject]) == 1
