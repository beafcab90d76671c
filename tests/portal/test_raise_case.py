"""The resident's "raise a complaint" journey through Django's test client: every page's
questions and errors, files, representatives and consent, and sending exactly once."""

import datetime as dt
import html as htmllib
import logging
import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.utils import timezone
from django.utils.functional import empty
from PIL import Image

from casework.choices import (
    AdjustmentKind,
    CaseKind,
    CaseStatus,
    Channel,
    ConsentBasis,
    DisclosureKind,
    Visibility,
)
from casework.models import Case, CaseDocument, OutboundEmail, private_storage
from casework.outbox import outbox_send_due
from casework.process import process_settings
from cms_pages.models import ComplaintStartPage
from portal.raise_case.journey import SESSION_KEY, Journey
from tests.support.files import JPEG, PDF, PNG
from tests.support.mail import SwitchableBackend

pytestmark = pytest.mark.django_db

URL = "/complain/"
TODAY = timezone.localdate()
WHO = {"for_whom": "myself"}
KIND = {"kind": "complaint"}
WHAT = {
    "description": "The bathroom ceiling has leaked for six weeks.",
    "issue_month": str(TODAY.month),
    "issue_year": str(TODAY.year),
    "involves_contractor": "yes",
    "contractor_name": "Fixit Ltd",
    "outcome_wanted": "Fix the leak.",
}
CONTACT = {"full_name": "Joan Smith", "email": "joan@example.net"}
PREFERENCES = {
    "preferred_contact_method": "email",
    "preferred_language": "en-gb",
    "update_frequency": "weekly",
}

EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200


def upload(name: str, content: bytes, content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture(autouse=True)
def _fresh_private_storage(_media_root):
    # The storage is made once, on first use; each test has its own folder.
    private_storage._wrapped = empty
    yield
    private_storage._wrapped = empty


@pytest.fixture
def site(demo_site):
    return demo_site


def post(client, path, data=None, **kwargs):
    return client.post(URL + path, data or {}, **kwargs)


def errors(response) -> list[str]:
    """The error summary's messages."""
    html = response.content.decode()
    assert "govuk-error-summary" in html, "no error summary on the page"
    summary = html.split('govuk-error-summary__list">', 1)[1].split("</ul>", 1)[0]
    items = summary.split("<li>")[1:]
    return [htmllib.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in items]


def answer(client, *, who=WHO, kind=KIND, what=WHAT, support=None, contact=CONTACT, prefs=None):
    """Answer every page for a resident, up to check your answers."""
    assert post(client, "who/", who).status_code == 302
    assert post(client, "what-you-want-to-do/", kind).status_code == 302
    assert post(client, "what-happened/", what).status_code == 302
    assert post(client, "support/", support or {}).status_code == 302
    assert post(client, "contact-details/", contact).status_code == 302
    response = post(client, "keeping-in-touch/", prefs or PREFERENCES)
    assert response["Location"] == URL + "check-your-answers/"


TEAM = ["officer@example-homes.org.uk"]  # the demo's complaints officer


def public_mail():
    """What was emailed to residents and representatives, leaving out the team's own."""
    return [message for message in mail.outbox if message.to != TEAM]


def send(client):
    page = client.get(URL + "check-your-answers/")
    assert page.status_code == 200, page
    # The confirmation leaves through the outbox once the case's transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return post(client, "check-your-answers/", {"token": page.context["token"]})


class TestPages:
    def test_start_page_says_what_is_needed_and_starts_the_journey(self, client, site):
        # The built-in start page, shown while no start page is published in Wagtail.
        ComplaintStartPage.objects.get().unpublish()
        response = client.get(URL)
        html = response.content.decode()
        assert response.status_code == 200
        assert "govuk-button--start" in html
        assert 'href="/complain/who/"' in html
        assert "It takes about 10 minutes" in html
        assert "JPG, PNG, HEIC or PDF" in html

    def test_welsh_pages_carry_the_language_prefix(self, client, site):
        # No Welsh start page in Wagtail yet: the built-in one, in Welsh, not the English page.
        response = client.get("/cy/complain/")
        assert response.status_code == 200
        assert 'href="/cy/complain/who/"' in response.content.decode()

    def test_pages_cannot_be_skipped(self, client, site):
        response = client.get(URL + "contact-details/")
        assert response["Location"] == URL + "who/"
        post(client, "who/", WHO)
        assert client.get(URL + "support/")["Location"] == URL + "what-you-want-to-do/"
        assert client.get(URL + "check-your-answers/")["Location"] == URL + "what-you-want-to-do/"

    def test_representative_pages_are_only_for_representatives(self, client, site):
        post(client, "who/", WHO)
        assert client.get(URL + "about-you/")["Location"] == URL + "what-you-want-to-do/"

    def test_every_page_has_a_back_link(self, client, site):
        answer(client)
        pages = {
            "who/": URL,
            "what-you-want-to-do/": URL + "who/",
            "what-happened/": URL + "what-you-want-to-do/",
            "support/": URL + "what-happened/",
            "contact-details/": URL + "support/",
            "keeping-in-touch/": URL + "contact-details/",
            "check-your-answers/": URL + "keeping-in-touch/",
        }
        for path, back in pages.items():
            html = client.get(URL + path).content.decode()
            assert f'<a href="{back}" class="govuk-back-link">' in html, path
        changing = client.get(URL + "support/?change=1").content.decode()
        assert f'<a href="{URL}check-your-answers/" class="govuk-back-link">' in changing


class TestValidation:
    def test_who(self, client, site):
        response = post(client, "who/")
        assert errors(response) == ["Select whether this is for you or for someone else"]
        assert response.context["title"] == "Who are you contacting us for?"
        assert "<title>Error: " in response.content.decode()

    def test_kind(self, client, site):
        post(client, "who/", WHO)
        response = post(client, "what-you-want-to-do/")
        assert errors(response) == ["Select what you would like to do"]

    def test_what_happened(self, client, site):
        post(client, "who/", WHO)
        post(client, "what-you-want-to-do/", KIND)
        response = post(client, "what-happened/", {"issue_month": "13"})
        assert errors(response) == [
            "Tell us what happened",
            "The month must be a number from 1 to 12",
            "Enter the year it happened",
        ]
        response = post(
            client,
            "what-happened/",
            {"description": "x", "issue_month": "1", "issue_year": str(TODAY.year + 1)},
        )
        assert errors(response) == ["The year must be this year or earlier"]
        response = post(client, "what-happened/", {"description": "x", "issue_year": "25"})
        assert errors(response) == ["The year must be 4 numbers, for example 2025"]

    def test_compliments_need_no_date(self, client, site):
        post(client, "who/", WHO)
        post(client, "what-you-want-to-do/", {"kind": "compliment"})
        response = post(client, "what-happened/", {"description": "Dave was great."})
        assert response.status_code == 302
        assert "outcome_wanted" not in client.get(URL + "what-happened/").context["form"].fields

    def test_support(self, client, site):
        post(client, "who/", WHO)
        post(client, "what-you-want-to-do/", KIND)
        post(client, "what-happened/", WHAT)
        response = post(
            client,
            "support/",
            {"adjustments": ["interpreter", "other", "phone_only", "email_only"]},
        )
        assert errors(response) == [
            "Select contact by phone only or by email only, not both",
            "Enter the language you need an interpreter for",
            "Tell us what else would help",
        ]

    def test_contact(self, client, site):
        answer_up_to_contact(client)
        response = post(client, "contact-details/", {"full_name": ""})
        assert errors(response) == [
            "Enter your full name",
            "Enter at least one way for us to reply: an email address, phone number or "
            "postal address",
        ]
        response = post(
            client,
            "contact-details/",
            {"full_name": "Joan", "email": "joan.example.net", "phone": "12", "postcode": "X"},
        )
        assert errors(response) == [
            "Enter an email address in the correct format, like name@example.com",
            "Enter a phone number, like 01632 960 001 or 07700 900 982",
            "Enter a real postcode, like AA1 1AA",
        ]

    def test_preferences_offer_only_the_ways_we_can_reach_them(self, client, site):
        answer_up_to_contact(client)
        post(client, "contact-details/", {"full_name": "Joan", "phone": "07700 900982"})
        response = post(client, "keeping-in-touch/")
        assert errors(response) == [
            "Select how you would like us to contact you",
            "Select a language",
            "Select how often you would like an update",
        ]
        choices = [
            value for value, _ in response.context["form"]["preferred_contact_method"].field.choices
        ]
        assert choices == ["phone", "text"]

    def test_a_preference_that_no_longer_fits_is_asked_again(self, client, site):
        answer(client)
        post(client, "contact-details/?change=1", {"full_name": "Joan", "phone": "07700 900982"})
        assert client.get(URL + "check-your-answers/")["Location"] == URL + "keeping-in-touch/"


def answer_up_to_contact(client):
    post(client, "who/", WHO)
    post(client, "what-you-want-to-do/", KIND)
    post(client, "what-happened/", WHAT)
    post(client, "support/", {})


class TestAnswersAreKept:
    def test_on_error(self, client, site):
        post(client, "who/", WHO)
        post(client, "what-you-want-to-do/", KIND)
        response = post(client, "what-happened/", {**WHAT, "issue_year": ""})
        html = response.content.decode()
        assert "The bathroom ceiling has leaked for six weeks." in html
        assert 'value="Fixit Ltd"' in html

    def test_on_going_back(self, client, site):
        answer(client)
        html = client.get(URL + "what-happened/").content.decode()
        assert "The bathroom ceiling has leaked for six weeks." in html
        assert f'value="{TODAY.year}"' in html
        assert 'value="yes" checked' in html
        contact = client.get(URL + "contact-details/").content.decode()
        assert 'value="joan@example.net"' in contact

    def test_change_returns_to_check_your_answers(self, client, site):
        answer(client)
        check = client.get(URL + "check-your-answers/").content.decode()
        assert 'href="/complain/support/?change=1"' in check
        response = post(client, "support/?change=1", {"adjustments": ["large_print"]})
        assert response["Location"] == URL + "check-your-answers/"
        assert "Large print" in client.get(URL + "check-your-answers/").content.decode()

    def test_changing_the_kind_asks_what_happened_again(self, client, site):
        answer(client)
        post(client, "what-you-want-to-do/?change=1", {"kind": "compliment"})
        response = client.get(URL + "check-your-answers/")
        assert response["Location"] == URL + "what-happened/"
        html = client.get(URL + "what-happened/").content.decode()
        assert "The bathroom ceiling has leaked for six weeks." in html

    def test_becoming_a_representative_asks_about_them_then_returns(self, client, site):
        answer(client)
        response = post(client, "who/?change=1", {"for_whom": "someone_else"})
        assert response["Location"] == URL + "about-you/"
        response = post(
            client,
            "about-you/",
            {"representative_type": "councillor", "representative_name": "Cllr Ray Patel"},
        )
        assert response["Location"] == URL + "about-the-resident/"
        response = post(client, "about-the-resident/", {"resident_name": "Joan Smith"})
        assert response["Location"] == URL + "check-your-answers/"


class TestUploads:
    def go_to_what_happened(self, client):
        post(client, "who/", WHO)
        post(client, "what-you-want-to-do/", KIND)

    def test_kept_when_another_field_is_wrong(self, client, site):
        self.go_to_what_happened(client)
        response = post(
            client,
            "what-happened/",
            {**WHAT, "description": "", "files": [upload("leak.jpg", JPEG)]},
        )
        assert errors(response) == ["Tell us what happened"]
        html = response.content.decode()
        assert "Files you have added" in html
        assert "leak.jpg" in html
        journey = Journey(client.session)
        [stored] = journey.uploads("evidence")
        assert stored["content_type"] == "image/jpeg"
        assert private_storage.exists(stored["path"])
        assert stored["path"].startswith(f"pending/{journey.id}/")
        # Sent again without the file, the page goes on and the file is still there.
        assert post(client, "what-happened/", WHAT).status_code == 302
        assert len(Journey(client.session).uploads("evidence")) == 1

    def test_one_address_can_leave_only_so_much_waiting_in_a_day(self, client, site, settings):
        settings.REDRESS_PENDING_UPLOAD_BYTES_PER_DAY = len(PDF) + 10
        self.go_to_what_happened(client)
        response = post(
            client,
            "what-happened/",
            {"action": "upload", "files": [upload("a.pdf", PDF), upload("b.pdf", PDF)]},
        )
        assert errors(response) == [
            "You have added as many files as we can take from you today. Send your complaint "
            "without more files, or try again tomorrow."
        ]
        assert [u["name"] for u in Journey(client.session).uploads()] == ["a.pdf"]

    def test_a_file_is_kept_as_what_it_really_is(self, client, site):
        """A real PDF named evil.html is kept, and later served, as evil.pdf; a PDF header over
        HTML is refused whatever its name."""
        self.go_to_what_happened(client)
        fake = b"%PDF-1.7\n<html><script>alert(1)</script></html>" * 10
        response = post(
            client,
            "what-happened/",
            {**WHAT, "files": [upload("evil.html", PDF), upload("evil.exe", fake)]},
        )
        assert errors(response) == [
            "evil.exe must be a JPG, PNG, HEIC or PDF file. We check what is inside a file, "
            "not just its name, and this file is something else."
        ]
        [stored] = Journey(client.session).uploads("evidence")
        assert stored["name"] == "evil.pdf"
        assert stored["content_type"] == "application/pdf"
        with private_storage.open(stored["path"], "rb") as handle:
            assert handle.read() == PDF

    def test_disguised_executable_is_refused(self, client, site):
        self.go_to_what_happened(client)
        response = post(
            client, "what-happened/", {**WHAT, "files": [upload("photo.jpg", EXECUTABLE)]}
        )
        assert errors(response) == [
            "photo.jpg must be a JPG, PNG, HEIC or PDF file. We check what is inside a file, "
            "not just its name, and this file is something else."
        ]
        assert Journey(client.session).uploads() == []
        # The rest of the page was fine, and is shown again as typed.
        assert "The bathroom ceiling has leaked for six weeks." in response.content.decode()

    def test_too_large_and_empty_files_are_refused(self, client, site, settings):
        settings.REDRESS_UPLOAD_MAX_BYTES = 100
        self.go_to_what_happened(client)
        response = post(
            client,
            "what-happened/",
            {**WHAT, "files": [upload("big.png", PNG), upload("empty.pdf", b"")]},
        )
        assert errors(response) == [
            "big.png must be smaller than 100\xa0bytes.",
            "empty.pdf is empty. Choose a file with something in it.",
        ]
        assert Journey(client.session).uploads() == []

    def test_at_most_the_limit(self, client, site, settings):
        settings.REDRESS_UPLOAD_MAX_FILES = 2
        self.go_to_what_happened(client)
        files = [upload(f"p{n}.png", PNG) for n in range(3)]
        response = post(client, "what-happened/", {**WHAT, "files": files})
        assert errors(response) == ["You can add up to 2 files. Remove one to add p2.png."]
        assert [u["name"] for u in Journey(client.session).uploads()] == ["p0.png", "p1.png"]

    def test_add_file_button_keeps_typing_and_shows_the_file(self, client, site):
        self.go_to_what_happened(client)
        response = post(
            client,
            "what-happened/",
            {"description": "Half typed", "action": "upload", "files": [upload("a.pdf", PDF)]},
        )
        assert response["Location"] == URL + "what-happened/"
        html = client.get(URL + "what-happened/").content.decode()
        assert "Half typed" in html
        assert "a.pdf" in html
        assert "govuk-error-summary" not in html
        response = post(client, "what-happened/", {"action": "upload"})
        assert errors(response) == ["Choose a file to add"]

    def test_remove(self, client, site):
        self.go_to_what_happened(client)
        post(client, "what-happened/", {"action": "upload", "files": [upload("a.pdf", PDF)]})
        [stored] = Journey(client.session).uploads()
        response = post(client, "what-happened/", {"description": "Typed", "remove": stored["id"]})
        assert response["Location"] == URL + "what-happened/"
        assert Journey(client.session).uploads() == []
        assert not private_storage.exists(stored["path"])
        assert "Typed" in client.get(URL + "what-happened/").content.decode()

    def test_become_documents_the_resident_can_see(
        self, client, site, django_capture_on_commit_callbacks
    ):
        self.go_to_what_happened(client)
        post(client, "what-happened/", {**WHAT, "files": [upload("leak.jpg", JPEG)]})
        [stored] = Journey(client.session).uploads()
        post(client, "support/", {})
        post(client, "contact-details/", CONTACT)
        post(client, "keeping-in-touch/", PREFERENCES)
        with django_capture_on_commit_callbacks(execute=True):
            send(client)
        document = CaseDocument.objects.get()
        assert document.original_name == "leak.jpg"
        assert document.content_type == "image/jpeg"
        assert document.visibility == Visibility.RESIDENT
        assert document.uploaded_by_label == "Joan Smith"
        assert document.file.name.startswith(f"cases/{document.case_id}/")
        with document.file.open("rb") as handle:
            # Kept as a JPEG, decoded and encoded again without its metadata.
            assert Image.open(handle).size == (64, 64)
        assert not private_storage.exists(stored["path"])
        assert document.case.timeline.filter(event="documents_added").exists()


class TestSending:
    def test_a_complaint_is_logged_with_everything_asked(self, client, site):
        answer(
            client,
            support={
                "adjustments": ["large_print", "interpreter"],
                "interpreter_language": "Polish",
                "disability": "I have low vision.",
            },
        )
        response = send(client)
        assert response["Location"] == URL + "confirmation/"
        case = Case.objects.get()
        assert case.kind == CaseKind.COMPLAINT
        assert case.status == CaseStatus.LOGGED
        assert case.channel == Channel.ONLINE
        assert case.description == WHAT["description"]
        assert case.outcome_wanted == "Fix the leak."
        assert case.issue_date == dt.date(TODAY.year, TODAY.month, 1)
        assert case.concerns_contractor and case.contractor_name == "Fixit Ltd"
        assert case.representative is None
        assert case.resident.full_name == "Joan Smith"
        assert case.resident.email == "joan@example.net"
        assert case.resident.update_frequency == "weekly"
        assert case.timeline.get(event="logged").actor_label == "Joan Smith"
        adjustments = {a.kind: a for a in case.resident.adjustments.all()}
        assert set(adjustments) == {AdjustmentKind.LARGE_PRINT, AdjustmentKind.INTERPRETER}
        assert adjustments["interpreter"].detail == "Polish"
        assert adjustments["interpreter"].agreed_on == TODAY
        assert adjustments["interpreter"].next_review_on == TODAY + dt.timedelta(days=365)
        [disclosure] = case.resident.disclosures.all()
        assert (disclosure.kind, disclosure.detail) == (
            DisclosureKind.DISABILITY,
            "I have low vision.",
        )
        # The answers are gone from the session once sent.
        assert SESSION_KEY not in client.session

    def test_confirmation_shows_reference_and_acknowledgement_date(self, client, site):
        answer(client)
        response = client.get(send(client)["Location"])
        case = Case.objects.get()
        due = case.stage(1).acknowledgement_due_on
        html = response.content.decode()
        assert "govuk-panel--confirmation" in html
        assert case.reference in html
        assert f"{due.day} {due:%B %Y}" in html
        assert "We are sending a confirmation email to <strong>joan@example.net</strong>" in html
        assert "at any stage" in html
        assert "Housing Ombudsman" in html

    def test_confirmation_email(self, client, site):
        answer(client)
        send(client)
        case = Case.objects.get()
        [email] = public_mail()
        assert email.to == ["joan@example.net"]
        assert email.subject == f"We have received your complaint: {case.reference}"
        assert case.reference in email.body
        assert "Follow your case online: http://testserver/follow/" in email.body
        due = case.stage(1).acknowledgement_due_on
        assert f"{due.day} {due:%B %Y}" in email.body
        html, mimetype = email.alternatives[0]
        assert mimetype == "text/html"
        assert case.reference in html

    def test_the_case_is_kept_and_the_email_retried_when_the_mail_server_is_down(
        self, client, site, settings
    ):
        settings.EMAIL_BACKEND = "tests.support.mail.SwitchableBackend"
        SwitchableBackend.server_down = True
        try:
            answer(client)
            response = send(client)
        finally:
            SwitchableBackend.server_down = False
        case = Case.objects.get()
        assert response["Location"] == URL + "confirmation/"
        [email] = OutboundEmail.objects.filter(case=case, purpose="submission_confirmation")
        assert email.status == OutboundEmail.Status.RETRYING
        assert "Service not available" in email.last_error
        assert public_mail() == []
        outbox_send_due(now=email.next_attempt_at)
        email.refresh_from_db()
        assert email.status == OutboundEmail.Status.SENT
        assert public_mail()[0].to == ["joan@example.net"]

    def test_the_complaints_team_is_told(self, client, site):
        answer(client)
        send(client)
        case = Case.objects.get()
        [email] = [message for message in mail.outbox if message.to == TEAM]
        assert email.subject == f"New complaint: {case.reference}"
        assert "Acknowledge by" in email.body

    def test_no_email_address_no_email(self, client, site):
        answer(
            client,
            contact={"full_name": "Joan", "phone": "07700 900982"},
            prefs={**PREFERENCES, "preferred_contact_method": "phone"},
        )
        send(client)
        assert public_mail() == []
        assert Case.objects.get().resident.phone == "07700 900982"

    def test_a_service_request_is_recorded(self, client, site):
        answer(client, kind={"kind": "service_request"})
        response = client.get(send(client)["Location"])
        case = Case.objects.get()
        assert case.kind == CaseKind.SERVICE_REQUEST
        assert case.status == CaseStatus.OPEN
        assert not case.stages.exists()
        assert case.reference.startswith("SR-")
        html = response.content.decode()
        assert "you can make a complaint at any time" in html
        assert "Service request received" in html

    def test_an_old_issue_is_warned_about_and_still_sent(self, client, site):
        months = process_settings().exclusion_period_months
        old_year = TODAY.year - (months // 12) - 1
        answer(client, what={**WHAT, "issue_month": "1", "issue_year": str(old_year)})
        check = client.get(URL + "check-your-answers/").content.decode()
        assert "govuk-inset-text" in check
        assert f"more than {months} months ago" in check
        assert "You can still send it." in check
        assert "You can still send it." in client.get(URL + "what-happened/").content.decode()
        send(client)
        case = Case.objects.get()
        assert case.issue_date == dt.date(old_year, 1, 1)
        assert case.status == CaseStatus.LOGGED

    def test_a_recent_issue_has_no_warning(self, client, site):
        answer(client)
        assert (
            "You can still send it." not in client.get(URL + "check-your-answers/").content.decode()
        )

    def test_double_submit_makes_one_case(self, client, site):
        answer(client)
        token = client.get(URL + "check-your-answers/").context["token"]
        with TestCase.captureOnCommitCallbacks(execute=True):
            first = post(client, "check-your-answers/", {"token": token})
            second = post(client, "check-your-answers/", {"token": token})
        assert first["Location"] == second["Location"] == URL + "confirmation/"
        assert Case.objects.count() == 1
        assert OutboundEmail.objects.filter(purpose="submission_confirmation").count() == 1
        assert len(public_mail()) == 1
        assert Case.objects.get().reference in client.get(URL + "confirmation/").content.decode()
        # Coming back to check your answers shows the confirmation, not an empty form.
        assert client.get(URL + "check-your-answers/")["Location"] == URL + "confirmation/"

    def test_a_copy_sent_a_moment_later_finds_the_case(self, client, site):
        """A double click: the second request read the session before the first was sent."""
        answer(client)
        token = client.get(URL + "check-your-answers/").context["token"]
        key = client.session.session_key
        journey = Journey(SessionStore(session_key=key))
        assert journey.state["token"] == token
        post(client, "check-your-answers/", {"token": token})
        assert journey.submission(token) is None
        journey.refresh()
        assert journey.submission(token)["case"] == Case.objects.get().pk
        assert journey.is_empty

    def test_an_old_token_does_not_send(self, client, site):
        answer(client)
        client.get(URL + "check-your-answers/")
        response = post(client, "check-your-answers/", {"token": "not-the-token"})
        assert response["Location"] == URL + "check-your-answers/"
        assert not Case.objects.exists()

    def test_filled_honeypot_makes_no_case_and_is_logged(self, client, site, caplog):
        answer(client)
        token = client.get(URL + "check-your-answers/").context["token"]
        with caplog.at_level(logging.WARNING, logger="portal.raise_case.views"):
            response = post(
                client, "check-your-answers/", {"token": token, "website": "http://spam"}
            )
        assert response["Location"] == URL + "confirmation/"
        assert not Case.objects.exists()
        assert public_mail() == []
        assert "honeypot" in caplog.text.lower()
        page = client.get(URL + "confirmation/")
        assert page.status_code == 200
        assert "Form received" in page.content.decode()

    def test_honeypot_filled_on_an_earlier_page_also_stops_it(self, client, site):
        post(client, "who/", {**WHO, "website": "spam"})
        post(client, "what-you-want-to-do/", KIND)
        post(client, "what-happened/", WHAT)
        post(client, "support/", {})
        post(client, "contact-details/", CONTACT)
        post(client, "keeping-in-touch/", PREFERENCES)
        send(client)
        assert not Case.objects.exists()

    def test_honeypot_is_hidden_from_everyone(self, client, site):
        html = client.get(URL + "who/").content.decode()
        assert '<div hidden>\n  <label for="id_website">' in html


class TestRepresentatives:
    def start(self, client, representative_type, name="Cllr Ray Patel"):
        post(client, "who/", {"for_whom": "someone_else"})
        response = post(
            client,
            "about-you/",
            {
                "representative_type": representative_type,
                "representative_name": name,
                "organisation": "Exampleton Council",
            },
        )
        assert response["Location"] == URL + "about-the-resident/"

    def finish(self, client):
        post(client, "what-you-want-to-do/", KIND)
        post(client, "what-happened/", WHAT)
        post(client, "support/", {})
        post(
            client,
            "contact-details/",
            {"email": "ray@council.example", "resident_phone": "01632 960001"},
        )
        post(client, "keeping-in-touch/", PREFERENCES)
        return send(client)

    def test_about_you_errors(self, client, site):
        post(client, "who/", {"for_whom": "someone_else"})
        response = post(client, "about-you/")
        assert errors(response) == [
            "Select how you are connected to the resident",
            "Enter your full name",
        ]

    def test_councillor_consent_is_deemed(self, client, site):
        self.start(client, "councillor")
        page = client.get(URL + "about-the-resident/")
        html = page.content.decode()
        assert "You do not need to send us the resident's agreement" in html
        assert "as their councillor" in html
        assert "consent_declared" not in html
        assert (
            post(client, "about-the-resident/", {"resident_name": "Joan Smith"}).status_code == 302
        )
        self.finish(client)
        case = Case.objects.get()
        assert case.consent_basis == ConsentBasis.DEEMED
        assert case.representative_type == "councillor"
        assert case.representative.full_name == "Cllr Ray Patel"
        assert case.representative.organisation == "Exampleton Council"
        assert case.representative.email == "ray@council.example"
        assert case.resident.full_name == "Joan Smith"
        assert case.resident.phone == "01632 960001"
        assert case.timeline.get(event="logged").actor_label == "Cllr Ray Patel"
        assert public_mail()[0].to == ["ray@council.example"]

    def test_advocate_must_declare_consent(self, client, site):
        self.start(client, "advocate", name="Sam Advocate")
        response = post(client, "about-the-resident/", {})
        assert errors(response) == [
            "Enter the resident's full name",
            "Confirm that the resident agrees to you acting for them",
        ]
        response = post(
            client,
            "about-the-resident/",
            {"resident_name": "Joan Smith", "consent_document": [upload("consent.pdf", PDF)]},
        )
        assert errors(response) == ["Confirm that the resident agrees to you acting for them"]
        assert "consent.pdf" in response.content.decode()
        response = post(
            client, "about-the-resident/", {"resident_name": "Joan Smith", "consent_declared": "on"}
        )
        assert response.status_code == 302
        self.finish(client)
        case = Case.objects.get()
        assert case.consent_basis == ConsentBasis.RECORDED
        assert "Sam Advocate declared online" in case.consent_evidence
        assert "consent.pdf" in case.consent_evidence
        assert [d.original_name for d in case.documents.all()] == ["consent.pdf"]

    def test_consent_documents_are_dropped_when_no_longer_a_representative(self, client, site):
        self.start(client, "advocate", name="Sam Advocate")
        post(
            client,
            "about-the-resident/",
            {
                "resident_name": "Joan Smith",
                "consent_declared": "on",
                "consent_document": [upload("consent.pdf", PDF)],
            },
        )
        post(client, "who/", WHO)
        post(client, "what-you-want-to-do/", KIND)
        post(client, "what-happened/", WHAT)
        post(client, "support/", {})
        post(client, "contact-details/", CONTACT)
        post(client, "keeping-in-touch/", PREFERENCES)
        send(client)
        case = Case.objects.get()
        assert case.representative is None
        assert not case.documents.exists()

    def advocate_case(self, client, resident_email="joan@example.net"):
        self.start(client, "advocate", name="Sam Advocate")
        post(
            client, "about-the-resident/", {"resident_name": "Joan Smith", "consent_declared": "on"}
        )
        post(client, "what-you-want-to-do/", KIND)
        post(client, "what-happened/", WHAT)
        post(client, "support/", {})
        contact = {"email": "sam@advocacy.example", "resident_email": resident_email}
        post(client, "contact-details/", contact)
        post(client, "keeping-in-touch/", PREFERENCES)
        send(client)
        return Case.objects.get()

    def consent_link(self, case) -> str:
        [email] = [m for m in mail.outbox if m.to == [case.resident.email]]
        assert email.subject == f"Is Sam Advocate acting for you? {case.reference}"
        match = re.search(r"http://testserver(/complain/consent/[^/\s]+/)", email.body)
        assert match, email.body
        return match.group(1)

    def test_the_resident_is_asked_to_confirm_and_agrees(self, client, site):
        case = self.advocate_case(client)
        link = self.consent_link(case)
        resident = Client()  # the resident's own browser
        page = resident.get(link)
        assert page.status_code == 200
        html = page.content.decode()
        assert "Sam Advocate has contacted us on your behalf" in html
        assert case.reference in html
        case.refresh_from_db()
        assert not case.timeline.filter(
            event="consent_answered"
        ).exists()  # opening is not answering
        response = resident.post(link, {})
        assert errors(response) == ["Select yes if this person can act for you"]
        response = resident.post(link, {"agrees": "yes"})
        assert "can act for you" in response.content.decode()
        case.refresh_from_db()
        assert case.consent_basis == ConsentBasis.RECORDED
        assert "Confirmed by the resident through the emailed link" in case.consent_evidence
        entry = case.timeline.get(event="consent_answered")
        assert entry.data == {"agrees": True}
        # Answered once: the link now only says what was answered.
        resident.post(link, {"agrees": "no"})
        case.refresh_from_db()
        assert case.consent_basis == ConsentBasis.RECORDED
        assert case.timeline.filter(event="consent_answered").count() == 1

    def test_the_resident_can_say_no(self, client, site):
        case = self.advocate_case(client)
        Client().post(self.consent_link(case), {"agrees": "no"})
        case.refresh_from_db()
        assert case.consent_basis == ConsentBasis.AWAITING
        assert case.timeline.get(event="consent_answered").data == {"agrees": False}

    def test_an_altered_link_is_refused(self, client, site):
        case = self.advocate_case(client)
        link = self.consent_link(case)
        response = Client().post(link[:-3] + "xx/", {"agrees": "no"})
        assert response.status_code == 404
        assert "This link does not work" in response.content.decode()
        case.refresh_from_db()
        assert case.consent_basis == ConsentBasis.RECORDED

    def test_no_request_when_consent_is_deemed(self, client, site):
        self.start(client, "councillor")
        post(client, "about-the-resident/", {"resident_name": "Joan Smith"})
        post(client, "what-you-want-to-do/", KIND)
        post(client, "what-happened/", WHAT)
        post(client, "support/", {})
        contact = {"email": "ray@council.example", "resident_email": "joan@example.net"}
        post(client, "contact-details/", contact)
        post(client, "keeping-in-touch/", PREFERENCES)
        send(client)
        case = Case.objects.get()
        assert case.resident.email == "joan@example.net"
        assert [m.to for m in public_mail()] == [["ray@council.example"]]

    def test_no_request_without_the_residents_email(self, client, site):
        case = self.advocate_case(client, resident_email="")
        assert [m.to for m in public_mail()] == [["sam@advocacy.example"]]
        assert not case.emails.filter(purpose="consent_request").exists()

    def test_deemed_types_follow_the_settings(self, client, site):
        settings = process_settings()
        settings.deemed_consent_representative_types = ["mp"]
        settings.save()
        self.start(client, "councillor")
        html = client.get(URL + "about-the-resident/").content.decode()
        assert 'name="consent_declared"' in html


class TestRateLimits:
    """Issue 4, Safety: one address cannot send without end; when it is told to wait, what it
    typed is kept."""

    def test_sending_too_often_is_refused_with_the_answers_kept(self, client, site, settings):
        settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "submit": "2/h"}
        for _ in range(2):
            answer(client)
            assert send(client)["Location"] == URL + "confirmation/"
        answer(client)
        response = send(client)
        assert response.status_code == 429
        html = response.content.decode()
        assert "govuk-error-summary" in html
        assert "Wait a few minutes" in html
        assert "<title>Error:" in html
        assert Case.objects.count() == 2
        # The answers are still there: the check page lists them and sending later works.
        assert htmllib.escape(WHAT["description"]) in html
        settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "submit": "10/h"}
        assert send(client)["Location"] == URL + "confirmation/"
        assert Case.objects.count() == 3

    def test_the_same_form_sent_twice_counts_once(self, client, site, settings):
        settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "submit": "1/h"}
        answer(client)
        token = client.get(URL + "check-your-answers/").context["token"]
        assert post(client, "check-your-answers/", {"token": token}).status_code == 302
        assert post(client, "check-your-answers/", {"token": token}).status_code == 302
        assert Case.objects.count() == 1

    def test_adding_files_too_often_is_refused_with_the_typed_answers_kept(
        self, client, site, settings
    ):
        settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "upload": "1/h"}
        post(client, "who/", WHO)
        post(client, "what-you-want-to-do/", KIND)
        first = {**WHAT, "action": "upload", "files": [upload("one.jpg", JPEG)]}
        assert post(client, "what-happened/", first).status_code == 302
        second = {**WHAT, "action": "upload", "files": [upload("two.jpg", JPEG)]}
        response = post(client, "what-happened/", second)
        html = response.content.decode()
        assert "Wait a few minutes" in html
        assert htmllib.escape(WHAT["description"]) in html
        assert "one.jpg" in html
        assert "two.jpg" not in html
