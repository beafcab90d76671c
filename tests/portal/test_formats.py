"""Asking for information in another format (Code 3.1, 5.10; issue 7): a short public form
that logs a service request (Code 1.4) with the reasonable adjustments recorded, a confirmation
page, emails to the resident and the complaints team, and the public forms' rate limit."""

import html as htmllib

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import translation

from casework.choices import AdjustmentKind, CaseKind, Channel
from casework.models import Case, ReasonableAdjustment

pytestmark = pytest.mark.django_db

URL = "/another-format/"
TEAM = ["officer@example-homes.org.uk"]  # the demo's complaints officer
ANSWERS = {
    "formats": ["braille", "another_language"],
    "language": "Polish",
    "information": "Your complaints policy",
    "full_name": "Anna Nowak",
    "email": "anna@example.net",
}


@pytest.fixture
def site(demo_site):
    return demo_site


def send(client, data, url=URL):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data)


def test_the_form_asks_which_format_what_for_and_how_to_reach_you(client, site):
    html = client.get(URL + "?about=Complaints policy").content.decode()
    for value in ("large_print", "easy_read", "braille", "audio", "another_language", "other"):
        assert f'value="{value}"' in html
    # Filled in from the page the resident came from.
    assert "Complaints policy</textarea>" in html
    for name in ("full_name", "email", "phone", "postal_address"):
        assert f'name="{name}"' in html


def test_sending_logs_a_service_request_with_the_adjustments(client, site):
    response = send(client, ANSWERS)
    assert response.status_code == 302
    assert response["Location"] == URL + "sent/"
    case = Case.objects.get()
    assert case.kind == CaseKind.SERVICE_REQUEST
    assert case.channel == Channel.ONLINE
    assert "Your complaints policy" in case.description
    assert case.resident.full_name == "Anna Nowak"
    # Code 5.10: each format is a reasonable adjustment on the person, kept under review.
    adjustments = ReasonableAdjustment.objects.filter(person=case.resident).order_by("kind")
    assert [(a.kind, a.detail) for a in adjustments] == [
        (AdjustmentKind.BRAILLE, ""),
        (AdjustmentKind.OTHER, "Information in Polish"),
    ]
    assert all(a.next_review_on > a.agreed_on for a in adjustments)
    assert case.timeline.filter(event="adjustments_recorded").exists()

    confirmation = client.get(response["Location"]).content.decode()
    assert case.reference in confirmation
    assert "govuk-panel--confirmation" in confirmation
    # The reference reads left to right inside right-to-left text.
    assert f'<strong dir="ltr">{case.reference}</strong>' in confirmation


def test_the_resident_and_the_complaints_team_are_emailed(client, site):
    send(client, ANSWERS)
    case = Case.objects.get()
    [team] = [m for m in mail.outbox if m.to == TEAM]
    assert case.reference in team.subject
    [resident] = [m for m in mail.outbox if m.to == ["anna@example.net"]]
    assert case.reference in resident.subject


def test_welsh_request_keeps_the_language_and_the_record_in_english(client, site):
    send(client, {**ANSWERS, "formats": ["large_print"]}, url="/cy" + URL)
    case = Case.objects.get()
    assert case.resident.preferred_language == "cy"
    # The landlord's record is in the landlord's language.
    assert case.description.startswith("Asked for information in another format: Large print")


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({**ANSWERS, "formats": []}, "formats", "Select the format you need"),
        ({**ANSWERS, "language": ""}, "language", "Enter the language you need"),
        (
            {**ANSWERS, "formats": ["other"], "other_format": ""},
            "other_format",
            "Tell us what format you need",
        ),
        ({**ANSWERS, "information": ""}, "information", "Tell us what information you need"),
        ({**ANSWERS, "full_name": " "}, "full_name", "Enter your full name"),
        (
            {**ANSWERS, "email": ""},
            "email",
            "Enter an email address, phone number or postal address so we can reach you",
        ),
        (
            {**ANSWERS, "email": "anna-at-example"},
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
    ],
)
def test_mistakes_are_explained_next_to_the_field_and_nothing_is_lost(
    client, site, data, field, message
):
    response = send(client, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error:" in html
    assert f'href="#id_{field}' in html  # the error summary links to the field
    assert htmllib.escape(message) in html
    assert response.context["form"].errors[field] == [message]
    assert htmllib.escape(data["information"]) in html or not data["information"]
    assert Case.objects.count() == 0


def test_a_language_typed_then_unticked_is_not_asked_for(client, site):
    send(client, {**ANSWERS, "formats": ["audio"], "language": "Polish"})
    case = Case.objects.get()
    assert list(case.resident.adjustments.values_list("kind", flat=True)) == ["audio"]


def test_sending_too_often_is_refused_with_the_answers_kept(client, site, settings):
    settings.REDRESS_RATE_LIMITS = {**settings.REDRESS_RATE_LIMITS, "submit": "1/h"}
    assert send(client, ANSWERS).status_code == 302
    response = send(client, {**ANSWERS, "full_name": "Piotr Nowak"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Wait a few minutes" in html
    assert "Piotr Nowak" in html
    assert Case.objects.count() == 1


def test_software_filling_the_hidden_field_makes_nothing(client, site):
    response = send(client, {**ANSWERS, "website": "http://spam.example"})
    assert response["Location"] == URL + "sent/"
    assert Case.objects.count() == 0
    assert "Thank you for contacting us" in client.get(URL + "sent/").content.decode()


def test_the_confirmation_page_needs_a_request(client, site):
    assert client.get(URL + "sent/")["Location"] == URL


def test_the_policy_and_the_accessibility_statement_link_to_it(client, translated_demo_site):
    for path in ("/complaints-policy/", "/accessibility/"):
        assert f'href="{URL}' in client.get(path).content.decode(), path
    with translation.override("cy"):
        assert 'href="/cy/another-format/' in client.get("/cy/complaints-policy/").content.decode()
