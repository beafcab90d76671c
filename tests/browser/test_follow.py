"""Following a case in Chromium (issue 4): a resident asks for a link, reads it from the test
mail outbox, signs in, sees the stage 1 answer, asks for stage 2 with one button, and meets an
error on the way. With and without JavaScript; axe-core on every page."""

import re

import pytest
from django.core import mail

from casework.choices import CaseStatus
from casework.models import Case
from tests.browser.conftest import axe_violations, describe, screenshot
from tests.factories import CaseFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def accessible(page, name: str) -> None:
    screenshot(page, f"follow_{name}")
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


def submit(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()


@pytest.mark.parametrize("browser_page", ["page", "page_without_js"])
def test_a_resident_follows_and_escalates_their_complaint(browser_page, request, live_demo):
    page = request.getfixturevalue(browser_page)
    suffix = "nojs" if browser_page == "page_without_js" else "js"
    case = CaseFactory(
        resident=PersonFactory(full_name="Joan Smith", email="joan@example.net"), responded=True
    )
    mail.outbox.clear()

    page.goto(live_demo.url + "/follow/")
    accessible(page, f"{suffix}_start")
    submit(page, "Email me a link")
    assert page.locator(".govuk-error-summary").is_visible()  # no address given
    accessible(page, f"{suffix}_start_error")
    page.get_by_label("Email address").fill("joan@example.net")
    submit(page, "Email me a link")
    assert page.locator("h1").inner_text() == "Check your email"
    accessible(page, f"{suffix}_link_sent")

    [message] = [m for m in mail.outbox if m.to == ["joan@example.net"]]
    link = re.search(r"https?://\S+/follow/sign-in/\S+/", message.body).group(0)
    page.goto(link.replace("http://testserver", live_demo.url))
    accessible(page, f"{suffix}_sign_in")
    submit(page, "Sign in")
    assert page.locator("h1").inner_text() == "Your cases"
    accessible(page, f"{suffix}_cases")

    with page.expect_navigation():
        page.get_by_role("link", name=case.reference).click()
    assert page.locator("h1").inner_text() == case.reference
    assert page.get_by_text("at any stage").first.is_visible()
    accessible(page, f"{suffix}_case")

    with page.expect_navigation():
        page.get_by_role("link", name="Ask us to look at your complaint again (stage 2)").click()
    accessible(page, f"{suffix}_escalate")
    page.get_by_label("What is still not resolved?").fill("The ceiling still leaks.")
    submit(page, "Ask for stage 2")
    assert page.locator(".govuk-notification-banner--success").is_visible()
    accessible(page, f"{suffix}_escalated")
    case.refresh_from_db()
    assert case.status == CaseStatus.STAGE2_REQUESTED
    assert case.stage(2).escalation_detail == "The ceiling still leaks."

    # The link has been used: it does not open the case again.
    page.goto(link.replace("http://testserver", live_demo.url))
    assert "expired or has been used" in page.locator("h1").inner_text()
    assert Case.objects.count() == 1


def test_a_service_request_becomes_a_complaint(page, live_demo):
    request_case = CaseFactory(
        resident=PersonFactory(full_name="Joan Smith", email="joan@example.net"),
        kind="service_request",
    )
    mail.outbox.clear()
    page.goto(live_demo.url + "/follow/")
    page.get_by_label("Email address").fill("joan@example.net")
    submit(page, "Email me a link")
    [message] = [m for m in mail.outbox if m.to == ["joan@example.net"]]
    link = re.search(r"https?://\S+/follow/sign-in/\S+/", message.body).group(0)
    page.goto(link.replace("http://testserver", live_demo.url))
    submit(page, "Sign in")
    with page.expect_navigation():
        page.get_by_role("link", name=request_case.reference).click()
    with page.expect_navigation():
        page.get_by_role("link", name="Make a complaint about how we are dealing with this").click()
    submit(page, "Make a complaint")
    assert page.locator(".govuk-error-summary").is_visible()
    accessible(page, "make_complaint_error")
    page.get_by_label("What are you unhappy about?").fill("Three visits and still no repair.")
    submit(page, "Make a complaint")
    complaint = Case.objects.get(kind="complaint")
    assert page.locator("h1").inner_text() == complaint.reference
    assert complaint.linked_from_id == request_case.pk
    accessible(page, "complaint_made")


def test_every_other_follow_page_is_accessible_with_its_errors(page, live_demo):
    """The pages not walked above: adding information, commenting on findings, withdrawing,
    keeping in touch, and the resident's consent page from the raise journey."""
    import datetime as dt

    from django.utils import timezone

    from casework import services
    from portal.raise_case.emails import consent_token

    advocate = PersonFactory(full_name="Sam Advocate", email="sam@advocacy.example")
    case = CaseFactory(
        resident=PersonFactory(full_name="Joan Smith", email="joan@example.net"),
        representative=advocate,
        representative_type="advocate",
        acknowledged=True,
    )
    services.comments_request(
        case=case,
        actor=case.stage(1).handler,
        findings="Our records show the visit was on time.",
        respond_by=timezone.localdate() + dt.timedelta(days=7),
    )
    page.goto(f"{live_demo.url}/complain/consent/{consent_token(case)}/")
    accessible(page, "consent")
    submit(page, "Send my answer")
    assert page.locator(".govuk-error-summary").is_visible()
    accessible(page, "consent_error")

    mail.outbox.clear()
    page.goto(live_demo.url + "/follow/")
    page.get_by_label("Email address").fill("joan@example.net")
    submit(page, "Email me a link")
    [message] = [m for m in mail.outbox if m.to == ["joan@example.net"]]
    link = re.search(r"https?://\S+/follow/sign-in/\S+/", message.body).group(0)
    page.goto(link.replace("http://testserver", live_demo.url))
    submit(page, "Sign in")
    base = f"{live_demo.url}/follow/cases/{case.reference}/"
    for path, button, name in [
        ("add-information/", "Send", "add_information"),
        ("comments/", "Send my comments", "comments"),
        ("withdraw/", "Withdraw it", "withdraw"),
    ]:
        page.goto(base + path)
        accessible(page, name)
        if name != "withdraw":
            submit(page, button)
            assert page.locator(".govuk-error-summary").is_visible()
            accessible(page, f"{name}_error")
    page.goto(live_demo.url + "/follow/keeping-in-touch/")
    accessible(page, "keeping_in_touch")
    page.get_by_label("Would you like any other support?").select_option("other")
    submit(page, "Save")
    assert page.locator(".govuk-error-summary").is_visible()
    accessible(page, "keeping_in_touch_error")
