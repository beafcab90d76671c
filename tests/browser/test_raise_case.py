"""People raise complaints online in Chromium: a resident, a councillor and an advocate, with
mistakes on the way, with and without JavaScript. Every page of the journey, error states
included, has no axe-core WCAG 2.2 A/AA violations."""

import datetime as dt

import pytest

from casework.choices import AdjustmentKind, CaseKind, ConsentBasis
from casework.models import Case
from tests.browser.conftest import axe_violations, describe, screenshot
from tests.support.files import JPEG, PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TODAY = dt.date.today()
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 500


def accessible(page, name: str | None = None) -> None:
    """No WCAG 2.2 A/AA violations on the page as it is now; keep a screenshot if named."""
    if name:
        screenshot(page, f"raise_case_{name}")
    violations = axe_violations(page)
    assert violations == [], f"{page.url}\n{describe(violations)}"


def heading(page) -> str:
    return page.locator("h1").first.inner_text().strip()


def continue_(page) -> None:
    page.get_by_role("button", name="Continue").click()


def error_summary(page) -> list[str]:
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    return [item.strip() for item in summary.locator("li").all_inner_texts()]


def start(page, live_demo) -> None:
    page.goto(live_demo.url + "/complain/")
    assert heading(page) == "Make a complaint or give feedback"
    accessible(page, "start")
    page.get_by_role("button", name="Start now").click()
    assert heading(page) == "Who are you contacting us for?"


def what_happened(page, *, description: str, files=()) -> None:
    assert heading(page) == "Tell us what happened"
    page.get_by_label("What happened?").fill(description)
    page.get_by_label("Month").fill(str(TODAY.month))
    page.get_by_label("Year").fill(str(TODAY.year))
    page.get_by_label("No", exact=True).check()
    for name, content in files:
        page.get_by_label("Add a photo or document").set_input_files(
            {"name": name, "mimeType": "image/jpeg", "buffer": content}
        )
        page.get_by_role("button", name="Add file").click()
        assert page.locator(".redress-file-name", has_text=name).is_visible()
    continue_(page)


def preferences(page, method: str = "Email") -> None:
    assert heading(page) == "How we keep in touch"
    page.get_by_label(method, exact=True).check()
    page.get_by_label("Every week").check()
    continue_(page)


def send(page) -> str:
    assert heading(page) == "Check your answers before sending"
    page.get_by_role("button", name="Accept and send").click()
    panel = page.locator(".govuk-panel--confirmation")
    assert panel.is_visible()
    return panel.locator("strong").inner_text().strip()


def resident_journey(page, live_demo, *, name_prefix: str = "") -> str:
    """A resident's complaint with a photo and two adjustments; returns the reference."""

    def check(name):
        accessible(page, f"{name_prefix}{name}" if name_prefix else None)

    start(page, live_demo)
    check("who")
    page.get_by_label("For myself").check()
    continue_(page)
    assert heading(page) == "What would you like to do?"
    check("kind")
    page.get_by_label("Make a complaint").check()
    continue_(page)
    check("what_happened")
    what_happened(
        page,
        description="Water has come through the bathroom ceiling for six weeks.",
        files=[("leak.jpg", JPEG)],
    )
    assert heading(page) == "Support and adjustments"
    page.get_by_label("Large print").check()
    page.get_by_label("An interpreter").check()
    page.get_by_label("Which language?").fill("Polish")
    page.get_by_label("Disability or health condition").fill("I have low vision.")
    check("support")
    continue_(page)
    assert heading(page) == "Your contact details"
    check("contact")
    page.get_by_label("Full name").fill("Joan Smith")
    page.get_by_label("Email address").fill("joan@example.net")
    page.get_by_label("Postcode").fill("ex2 3cd")
    continue_(page)
    check("preferences")
    preferences(page)
    check("check_answers")
    assert page.get_by_text("leak.jpg").is_visible()
    reference = send(page)
    check("confirmation")
    return reference


def test_resident_complains_with_a_photo_and_adjustments(page, live_demo):
    reference = resident_journey(page, live_demo, name_prefix="resident_")
    assert reference.startswith("CMP-")
    body = page.locator("main").inner_text()
    case = Case.objects.get(reference=reference)
    due = case.stage(1).acknowledgement_due_on
    assert f"{due.day} {due:%B %Y}" in body
    assert "joan@example.net" in body
    assert "Housing Ombudsman" in body
    assert case.kind == CaseKind.COMPLAINT
    assert case.resident.postcode == "EX2 3CD"
    assert [d.original_name for d in case.documents.all()] == ["leak.jpg"]
    assert {a.kind for a in case.resident.adjustments.all()} == {
        AdjustmentKind.LARGE_PRINT,
        AdjustmentKind.INTERPRETER,
    }
    assert case.resident.disclosures.count() == 1


def representative_start(page, live_demo, *, kind_label: str, name: str) -> None:
    start(page, live_demo)
    page.get_by_label("For someone else").check()
    continue_(page)
    assert heading(page) == "About you"
    accessible(page)
    page.get_by_label(kind_label).check()
    page.get_by_label("Your full name").fill(name)
    continue_(page)
    assert heading(page) == "About the resident"


def representative_finish(page, *, email: str) -> str:
    page.get_by_label("Make a complaint").check()
    continue_(page)
    what_happened(page, description="Damp and mould in the bedroom since the winter.")
    continue_(page)  # no support needed
    assert heading(page) == "Your contact details"
    accessible(page)
    page.get_by_label("Email address", exact=True).fill(email)
    page.get_by_label("The resident's phone number").fill("01632 960001")
    continue_(page)
    preferences(page)
    accessible(page)
    return send(page)


def test_councillor_complains_for_a_resident_with_deemed_consent(page, live_demo):
    representative_start(page, live_demo, kind_label="Councillor", name="Cllr Ray Patel")
    deemed = page.locator("#consent-deemed")
    assert "as their councillor" in deemed.inner_text()
    assert page.get_by_label("The resident agrees to me acting for them").count() == 0
    accessible(page, "councillor_resident")
    page.get_by_label("The resident's full name").fill("Joan Smith")
    continue_(page)
    reference = representative_finish(page, email="ray@council.example")
    accessible(page)
    case = Case.objects.get(reference=reference)
    assert case.consent_basis == ConsentBasis.DEEMED
    assert case.representative.full_name == "Cllr Ray Patel"
    assert case.resident.full_name == "Joan Smith"


def test_advocate_declares_the_residents_consent(page, live_demo):
    representative_start(
        page, live_demo, kind_label="Advocate or support worker", name="Sam Advocate"
    )
    page.get_by_label("The resident's full name").fill("Joan Smith")
    page.get_by_label("Upload the resident's agreement").set_input_files(
        {"name": "consent.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    continue_(page)
    # The declaration was missed: the file is kept, and so is the name.
    assert error_summary(page) == ["Confirm that the resident agrees to you acting for them"]
    assert page.title().startswith("Error: ")
    assert page.locator(".redress-file-name", has_text="consent.pdf").is_visible()
    assert page.get_by_label("The resident's full name").input_value() == "Joan Smith"
    accessible(page, "advocate_resident_error")
    page.get_by_label("The resident agrees to me acting for them").check()
    continue_(page)
    reference = representative_finish(page, email="sam@advocacy.example")
    case = Case.objects.get(reference=reference)
    assert case.consent_basis == ConsentBasis.RECORDED
    assert [d.original_name for d in case.documents.all()] == ["consent.pdf"]


def test_mistakes_show_the_error_summary_and_keep_answers(page, live_demo, settings):
    settings.REDRESS_UPLOAD_MAX_BYTES = 2000
    start(page, live_demo)
    continue_(page)
    assert error_summary(page) == ["Select whether this is for you or for someone else"]
    accessible(page, "who_error")
    # The summary's link takes the reader to the question.
    page.locator(".govuk-error-summary a").click()
    assert page.evaluate("document.activeElement.id") == "id_for_whom_0"
    page.get_by_label("For myself").check()
    continue_(page)
    page.get_by_label("Make a complaint").check()
    continue_(page)
    page.get_by_label("Year").fill("20")
    page.get_by_label("Add a photo or document").set_input_files(
        [
            {"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": EXECUTABLE},
            {"name": "huge.jpg", "mimeType": "image/jpeg", "buffer": JPEG + b"\x00" * 3000},
            {"name": "leak.jpg", "mimeType": "image/jpeg", "buffer": JPEG},
        ]
    )
    page.get_by_label("If a contractor was involved, what is their name?").fill("Fixit Ltd")
    continue_(page)
    assert error_summary(page) == [
        "Tell us what happened",
        "The year must be 4 numbers, for example 2025",
        "photo.jpg must be a JPG, PNG, HEIC or PDF file. We check what is inside a file, "
        "not just its name, and this file is something else.",
        "huge.jpg must be smaller than 2.0\xa0KB.",
    ]
    assert page.get_by_label("Year").input_value() == "20"
    assert page.locator(".redress-file-name", has_text="leak.jpg").is_visible()
    assert page.locator(".redress-file-name", has_text="photo.jpg").count() == 0
    accessible(page, "what_happened_errors")
    # Enter in a text box sends the page (Continue), it never removes a file.
    page.get_by_label("What happened?").fill("The ceiling leaks.")
    page.get_by_label("Year").fill(str(TODAY.year))
    page.get_by_label("Year").press("Enter")
    assert heading(page) == "Support and adjustments"
    page.get_by_role("link", name="Back").click()
    assert page.get_by_label("What happened?").input_value() == "The ceiling leaks."
    assert page.locator(".redress-file-name", has_text="leak.jpg").is_visible()
    continue_(page)
    continue_(page)
    continue_(page)
    assert error_summary(page) == [
        "Enter your full name",
        "Enter at least one way for us to reply: an email address, phone number or postal address",
    ]
    accessible(page, "contact_errors")


def test_the_whole_journey_works_without_javascript(page_without_js, live_demo):
    page = page_without_js
    reference = resident_journey(page, live_demo, name_prefix="nojs_")
    assert reference.startswith("CMP-")
    case = Case.objects.get(reference=reference)
    assert [d.original_name for d in case.documents.all()] == ["leak.jpg"]
    assert case.resident.adjustments.get(kind=AdjustmentKind.INTERPRETER).detail == "Polish"
