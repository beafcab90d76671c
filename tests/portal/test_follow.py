"""Issue 4, Follow and Safety: sign-in links, your cases, one case, and acting on it."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.utils import timezone, translation

from casework import services
from casework.choices import CaseKind, CaseStatus, Visibility
from casework.models import Case, CaseDocument
from portal.follow import tokens
from portal.follow.models import SignInToken
from tests.factories import CaseFactory, PersonFactory
from tests.support.files import JPEG

pytestmark = pytest.mark.django_db

URL = "/follow/"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200


@pytest.fixture
def site(demo_site):
    return demo_site


def resident(email="joan@example.net", **kwargs):
    return PersonFactory(email=email, **kwargs)


def request_link(client, email):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(URL, {"email": email})


def sign_in(client, email) -> None:
    """Ask for a link, read it from the email and use it."""
    mail.outbox.clear()
    request_link(client, email)
    [message] = [m for m in mail.outbox if m.to == [email.lower()]]
    path = re.search(r"http://testserver(/follow/sign-in/[^/\s]+/)", message.body).group(1)
    assert client.get(path).status_code == 200
    assert client.post(path)["Location"] == URL + "cases/"


def act(client, path, data):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(path, data)


class TestSignInLinks:
    def test_the_same_page_whether_or_not_we_know_the_address(self, client, site):
        CaseFactory(resident=resident())
        known = request_link(client, "Joan@Example.net")
        unknown_client = Client()
        unknown = request_link(unknown_client, "nobody@example.net")
        assert known["Location"] == unknown["Location"] == URL + "link-sent/"
        known_page = client.get(URL + "link-sent/").content.decode()
        unknown_page = unknown_client.get(URL + "link-sent/").content.decode()
        assert known_page.replace("joan@example.net", "X") == unknown_page.replace(
            "nobody@example.net", "X"
        )
        assert [m.to for m in mail.outbox] == [["joan@example.net"]]
        assert SignInToken.objects.count() == 1

    def test_tokens_are_long_random_and_stored_only_hashed(self, site):
        token = tokens.token_issue("joan@example.net")
        assert len(token) >= 43  # 32 bytes, base64: 256 bits
        stored = SignInToken.objects.get()
        assert token not in stored.token_hash
        assert stored.token_hash == tokens.token_hash(token)
        lifetime = stored.expires_at - stored.created_at
        assert abs(lifetime - dt.timedelta(minutes=30)) < dt.timedelta(seconds=5)

    def test_a_link_works_once(self, client, site):
        CaseFactory(resident=resident())
        sign_in(client, "joan@example.net")
        token = tokens.token_issue("joan@example.net")
        path = f"{URL}sign-in/{token}/"
        assert Client().post(path).status_code == 302
        again = Client().post(path)
        assert again.status_code == 410
        assert "expired or has been used" in again.content.decode()
        assert Client().get(path).status_code == 410

    def test_opening_the_link_does_not_use_it(self, site):
        token = tokens.token_issue("joan@example.net")
        Client().get(f"{URL}sign-in/{token}/")
        assert tokens.token_is_usable(token)

    def test_an_expired_link_is_refused(self, site, settings):
        token = tokens.token_issue(
            "joan@example.net", now=timezone.now() - dt.timedelta(minutes=31)
        )
        assert Client().post(f"{URL}sign-in/{token}/").status_code == 410
        assert tokens.token_consume(token) is None

    def test_asking_too_often_is_refused_with_the_email_kept(self, client, site, settings):
        settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "sign_in_link": "2/h"}
        for _ in range(2):
            assert request_link(client, "joan@example.net").status_code == 302
        response = request_link(client, "joan@example.net")
        assert response.status_code == 429
        html = response.content.decode()
        assert "Wait a few minutes" in html
        assert 'value="joan@example.net"' in html

    def test_the_address_must_look_like_one(self, client, site):
        html = client.post(URL, {"email": "joan"}).content.decode()
        assert "govuk-error-summary" in html
        assert "Enter an email address in the correct format" in html


class TestYourCases:
    def test_a_resident_sees_their_cases_including_those_raised_for_them(self, client, site):
        joan = resident()
        own = CaseFactory(resident=joan)
        advocate = PersonFactory(email="sam@advocacy.example")
        for_her = CaseFactory(
            resident=joan, representative=advocate, representative_type="advocate"
        )
        someone_else = CaseFactory(resident=PersonFactory(email="other@example.net"))
        sign_in(client, "joan@example.net")
        html = client.get(URL + "cases/").content.decode()
        assert own.reference in html and for_her.reference in html
        assert someone_else.reference not in html

    def test_a_representative_sees_only_the_cases_they_act_on(self, client, site):
        joan = resident()
        advocate = PersonFactory(email="sam@advocacy.example")
        acted = CaseFactory(resident=joan, representative=advocate, representative_type="advocate")
        not_acted = CaseFactory(resident=joan)
        sign_in(client, "sam@advocacy.example")
        html = client.get(URL + "cases/").content.decode()
        assert acted.reference in html
        assert not_acted.reference not in html
        assert client.get(f"{URL}cases/{not_acted.reference}/").status_code == 404

    def test_each_case_says_what_we_do_next_and_by_when(self, client, site):
        joan = resident()
        logged = CaseFactory(resident=joan)
        acknowledged = CaseFactory(resident=joan, acknowledged=True)
        answered = CaseFactory(resident=joan, responded=True)
        withdrawn = CaseFactory(resident=joan)
        services.case_withdraw(case=withdrawn, reason="", actor_label="Joan")
        sign_in(client, "joan@example.net")
        html = client.get(URL + "cases/").content.decode()

        def row(case):
            return html.split(case.reference + "</a>")[1].split("</tr>")[0]

        ack_due = logged.stage(1).acknowledgement_due_on
        answer_due = acknowledged.stage(1).response_due_on
        assert f"Confirm we have it by {ack_due.day} {ack_due:%B %Y}" in row(logged)
        assert f"Answer by {answer_due.day} {answer_due:%B %Y}" in row(acknowledged)
        assert "Nothing due from us" in row(answered)
        assert "Nothing due from us" in row(withdrawn)
        page = client.get(f"{URL}cases/{withdrawn.reference}/").content.decode()
        assert "Closed before we answered." in page
        assert "We will confirm we have it by" not in page

    def test_not_signed_in_goes_to_the_start(self, client, site):
        case = CaseFactory(resident=resident())
        assert client.get(URL + "cases/")["Location"] == URL
        assert client.get(f"{URL}cases/{case.reference}/")["Location"] == URL

    def test_a_fixed_number_of_queries(self, client, site, django_assert_max_num_queries):
        joan = resident()
        CaseFactory(resident=joan)
        sign_in(client, "joan@example.net")
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as one:
            client.get(URL + "cases/")
        for _ in range(25):
            CaseFactory(resident=joan)
        with CaptureQueriesContext(connection) as many:
            html = client.get(URL + "cases/").content.decode()
        assert len(many) == len(one)
        assert "Page 1 of 2" in html


class TestOneCase:
    def test_the_case_page_shows_only_what_the_resident_may_see(self, client, site):
        case = CaseFactory(resident=resident(), acknowledged=True)
        services.note_add(case=case, actor=case.stage(1).handler, text="Internal only note")
        public = CaseDocument.objects.create(
            case=case,
            file=SimpleUploadedFile("letter.pdf", b"%PDF-1.7 letter"),
            original_name="letter.pdf",
            content_type="application/pdf",
            size=15,
            visibility=Visibility.RESIDENT,
        )
        internal = CaseDocument.objects.create(
            case=case,
            file=SimpleUploadedFile("notes.pdf", b"%PDF-1.7 internal"),
            original_name="notes.pdf",
            content_type="application/pdf",
            size=17,
        )
        sign_in(client, "joan@example.net")
        html = client.get(f"{URL}cases/{case.reference}/").content.decode()
        assert case.reference in html
        assert "Internal only note" not in html
        assert "letter.pdf" in html and "notes.pdf" not in html
        assert "at any stage" in html and "Housing Ombudsman Service" in html
        due = case.stage(1).response_due_on
        assert f"We will answer by {due.day} {due:%B %Y}" in html
        download = client.get(f"{URL}cases/{case.reference}/documents/{public.pk}/")
        assert download.status_code == 200
        assert download["Content-Disposition"].startswith("attachment")
        assert download["X-Content-Type-Options"] == "nosniff"
        assert b"".join(download.streaming_content) == b"%PDF-1.7 letter"
        assert (
            client.get(f"{URL}cases/{case.reference}/documents/{internal.pk}/").status_code == 404
        )

    def test_another_persons_case_and_document_are_not_found(self, client, site):
        mine = CaseFactory(resident=resident())
        theirs = CaseFactory(resident=PersonFactory(email="other@example.net"))
        document = CaseDocument.objects.create(
            case=theirs,
            file=SimpleUploadedFile("theirs.pdf", b"%PDF-1.7"),
            original_name="theirs.pdf",
            content_type="application/pdf",
            size=8,
            visibility=Visibility.RESIDENT,
        )
        sign_in(client, "joan@example.net")
        assert client.get(f"{URL}cases/{theirs.reference}/").status_code == 404
        assert (
            client.get(f"{URL}cases/{theirs.reference}/documents/{document.pk}/").status_code == 404
        )
        # Their document through my case's address is not found either.
        path = f"{URL}cases/{mine.reference}/documents/{document.pk}/"
        assert client.get(path).status_code == 404
        assert client.get(f"{URL}cases/CMP-2026-99999/").status_code == 404


class TestActing:
    def test_escalating_after_the_stage_1_answer_with_one_button(self, client, site):
        case = CaseFactory(resident=resident(), acknowledged=True)
        sign_in(client, "joan@example.net")
        html = client.get(f"{URL}cases/{case.reference}/").content.decode()
        assert "stage-2/" not in html  # not before the stage 1 answer
        assert client.get(f"{URL}cases/{case.reference}/stage-2/").status_code == 302
        services.stage_respond(
            case=case,
            actor=case.stage(1).handler,
            decision="not_upheld",
            reasons="The repair was done on time.",
            no_remedy_reason="Nothing went wrong.",
            actions_confirmed=True,
        )
        html = client.get(f"{URL}cases/{case.reference}/").content.decode()
        assert f"/follow/cases/{case.reference}/stage-2/" in html
        mail.outbox.clear()
        response = act(client, f"{URL}cases/{case.reference}/stage-2/", {})
        assert response["Location"] == f"{URL}cases/{case.reference}/"
        case.refresh_from_db()
        assert case.status == CaseStatus.STAGE2_REQUESTED
        entry = case.timeline.get(event="escalation_requested")
        assert entry.actor_label == case.resident.full_name
        recipients = [m.to for m in mail.outbox]
        assert ["joan@example.net"] in recipients  # the resident's confirmation
        # Stage 2 has no handler yet: the complaints team is told.
        assert ["officer@example-homes.org.uk"] in recipients
        page = client.get(f"{URL}cases/{case.reference}/").content.decode()
        assert "We have your request" in page

    def test_adding_information_with_a_photo_and_refusing_a_disguised_program(self, client, site):
        case = CaseFactory(resident=resident(), acknowledged=True)
        sign_in(client, "joan@example.net")
        path = f"{URL}cases/{case.reference}/add-information/"
        bad = SimpleUploadedFile("photo.jpg", EXECUTABLE, content_type="image/jpeg")
        response = act(client, path, {"text": "It is worse now.", "files": [bad]})
        html = response.content.decode()
        assert "govuk-error-summary" in html
        assert "we check what is inside a file" in html.lower()
        assert "It is worse now." in html
        assert not case.documents.exists()
        good = SimpleUploadedFile("damp.jpg", JPEG, content_type="image/jpeg")
        response = act(client, path, {"text": "It is worse now.", "files": [good]})
        assert response.status_code == 302
        assert [d.original_name for d in case.documents.all()] == ["damp.jpg"]
        entry = case.timeline.get(event="information_added")
        assert entry.summary == "It is worse now."
        assert entry.visibility == Visibility.RESIDENT
        # Stage 1's handler hears of it.
        handler_mail = [m for m in mail.outbox if m.subject.startswith("Online update")]
        assert handler_mail[-1].to == [case.stage(1).handler.email]

    def test_withdrawing(self, client, site):
        case = CaseFactory(resident=resident())
        sign_in(client, "joan@example.net")
        act(client, f"{URL}cases/{case.reference}/withdraw/", {"reason": "Sorted now."})
        case.refresh_from_db()
        assert case.status == CaseStatus.WITHDRAWN
        html = client.get(f"{URL}cases/{case.reference}/").content.decode()
        assert "withdraw/" not in html

    def test_the_representative_hears_of_a_withdrawal_the_resident_made(self, client, site):
        advocate = PersonFactory(email="sam@advocacy.example")
        case = CaseFactory(
            resident=resident(),
            representative=advocate,
            representative_type="advocate",
            consent_recorded=True,
            consent_evidence="Signed form on file.",
        )
        sign_in(client, "joan@example.net")
        mail.outbox.clear()
        act(client, f"{URL}cases/{case.reference}/withdraw/", {"reason": "Sorted now."})
        recipients = [m.to for m in mail.outbox if m.subject.startswith("We have received")]
        assert sorted(recipients) == [["joan@example.net"], ["sam@advocacy.example"]]

    def test_the_resident_hears_of_an_escalation_their_representative_made(self, client, site):
        joan = resident(preferred_contact_method="letter")
        advocate = PersonFactory(email="sam@advocacy.example")
        case = CaseFactory(
            resident=joan,
            representative=advocate,
            representative_type="advocate",
            consent_recorded=True,
            consent_evidence="Signed form on file.",
            responded=True,
        )
        sign_in(client, "sam@advocacy.example")
        mail.outbox.clear()
        act(client, f"{URL}cases/{case.reference}/stage-2/", {})
        recipients = [m.to for m in mail.outbox if m.subject.startswith("We have received")]
        # Joan asked for letters: staff are told to write to her instead (Code 5.10).
        assert recipients == [["sam@advocacy.example"]]
        note = case.timeline.get(event="tell_by_other_means", data__change="request_escalation")
        assert joan.full_name in note.summary and "letter" in note.summary

    def test_no_one_else_is_emailed_without_consent_in_place(self, client, site):
        case = CaseFactory(
            resident=resident(),
            representative=PersonFactory(email="sam@advocacy.example"),
            representative_type="advocate",
            consent_recorded=False,
        )
        sign_in(client, "joan@example.net")
        mail.outbox.clear()
        act(client, f"{URL}cases/{case.reference}/withdraw/", {"reason": "Sorted now."})
        recipients = [m.to for m in mail.outbox if m.subject.startswith("We have received")]
        assert recipients == [["joan@example.net"]]

    def test_a_service_request_becomes_a_complaint(self, client, site):
        request = CaseFactory(resident=resident(), kind=CaseKind.SERVICE_REQUEST)
        sign_in(client, "joan@example.net")
        path = f"{URL}cases/{request.reference}/complain/"
        response = act(client, path, {"description": ""})
        assert "Enter what you are unhappy about" in response.content.decode()
        response = act(client, path, {"description": "Three visits and still no repair."})
        complaint = Case.objects.get(kind=CaseKind.COMPLAINT)
        assert response["Location"] == f"{URL}cases/{complaint.reference}/"
        assert complaint.linked_from == request
        assert complaint.description == "Three visits and still no repair."


class TestKeepingInTouch:
    def test_changing_preferences_and_asking_for_support(self, client, site):
        joan = resident(phone="07700 900982", preferred_contact_method="email")
        case = CaseFactory(resident=joan)
        sign_in(client, "joan@example.net")
        path = URL + "keeping-in-touch/"
        html = client.get(path).content.decode()
        assert 'value="phone"' in html
        values = {
            "preferred_contact_method": "phone",
            "preferred_language": "cy",
            "update_frequency": "weekly",
            "adjustment": "interpreter",
        }
        response = act(client, path, values)
        assert "Tell us more about the support you need" in response.content.decode()
        response = act(client, path, {**values, "adjustment_detail": "Polish"})
        assert response["Location"] == URL + "cases/"
        joan.refresh_from_db()
        assert (joan.preferred_contact_method, joan.preferred_language, joan.update_frequency) == (
            "phone",
            "cy",
            "weekly",
        )
        assert joan.adjustments.get().detail == "Polish"
        assert case.timeline.filter(event="contact_details_updated").exists()
        # The person is told, in the language they chose (Welsh), what we saved.
        with translation.override("cy"):
            subject = translation.gettext("We have saved how we keep in touch with you")
        assert subject != "We have saved how we keep in touch with you"
        [confirmation] = [m for m in mail.outbox if m.subject == subject]
        assert confirmation.to == ["joan@example.net"]
        assert "Polish" in confirmation.body
        assert "/follow/cases/" in confirmation.body
        # The open case has no handler yet, so the complaints team hears of it.
        assert ["officer@example-homes.org.uk"] in [
            m.to for m in mail.outbox if m.subject.startswith("Online update")
        ]


class TestCommentsOnFindings:
    def test_the_resident_comments_when_staff_have_asked(self, client, site):
        case = CaseFactory(resident=resident(), acknowledged=True)
        sign_in(client, "joan@example.net")
        path = f"{URL}cases/{case.reference}/comments/"
        assert "comments/" not in client.get(f"{URL}cases/{case.reference}/").content.decode()
        assert client.get(path).status_code == 302  # nothing asked yet
        respond_by = timezone.localdate() + dt.timedelta(days=10)
        services.comments_request(
            case=case,
            actor=case.stage(1).handler,
            findings="The contractor's notes say nobody answered the door on 3 March.",
            respond_by=respond_by,
        )
        html = client.get(f"{URL}cases/{case.reference}/").content.decode()
        assert "Comment on what we have found" in html
        page = client.get(path).content.decode()
        assert "nobody answered the door" in page
        response = act(client, path, {"text": ""})
        assert "Enter your comments" in response.content.decode()
        act(client, path, {"text": "I was in all day; my neighbour saw nobody come."})
        entry = case.timeline.get(event="comments_given")
        assert entry.summary == "I was in all day; my neighbour saw nobody come."
        assert entry.visibility == Visibility.RESIDENT
        assert services.comments_awaited(case) is None
        assert client.get(path).status_code == 302

    def test_asking_needs_findings_and_a_date_not_in_the_past(self, site):
        case = CaseFactory(acknowledged=True)
        with pytest.raises(services.TransitionRefused) as refused:
            services.comments_request(case=case, actor=None, findings=" ", respond_by=None)
        assert refused.value.problems == [
            "Describe what the resident is asked to comment on.",
            "Give the date by which to reply.",
        ]
        with pytest.raises(services.TransitionRefused) as refused:
            services.comments_request(
                case=case,
                actor=None,
                findings="Findings",
                respond_by=timezone.localdate() - dt.timedelta(days=1),
            )
        assert refused.value.problems == ["The reply date cannot be in the past."]
        with pytest.raises(services.TransitionRefused) as refused:
            services.comments_give(case=case, text="Hello", actor_label="Joan")
        assert refused.value.problems == ["We have not asked for comments on this case."]
