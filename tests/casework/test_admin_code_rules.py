"""The Code's rules hold through the staff screens: each refusal is shown with its provision,
and nothing typed is lost. The services' own tests are in test_code_rules.py."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from casework.choices import CaseStatus, Decision
from tests.factories import CaseFactory, UserFactory, aware
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db


def action_url(case, action: str) -> str:
    return reverse("cases:action", args=[case.pk, action])


def detail_url(case) -> str:
    return reverse("cases:detail", args=[case.pk])


def shows(response, *texts: str) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    for text in texts:
        assert escape(text) in html, text
    return html


@pytest.fixture
def officer():
    return UserFactory(is_superuser=True, first_name="Olu", last_name="Officer")


@pytest.fixture
def officer_client(client, officer):
    login_verified(client, officer)
    return client


def extension_post(days, **fields):
    return {
        "working_days": str(days),
        "reason": "Waiting for the damp survey.",
        "resident_told_on": timezone.localdate().isoformat(),
        "ombudsman_details_given": "on",
        **fields,
    }


def test_a_second_extension_past_the_stage_total_is_refused(officer_client):
    case = CaseFactory(acknowledged=True)
    response = officer_client.post(action_url(case, "extend"), extension_post(8))
    assert response.status_code == 302
    response = officer_client.post(action_url(case, "extend"), extension_post(8))
    shows(
        response,
        "This stage has already been extended by 8 working days. With this extension that is 16 "
        "in all, and a stage 1 response can be extended by up to 10 working days in total.",
        "Complaint Handling Code 6.4",
        "Waiting for the damp survey.",
    )
    assert case.stage(1).extensions.count() == 1
    form = officer_client.get(action_url(case, "extend"))
    shows(form, "it has been extended by 8 so far")


def test_once_the_date_has_passed_the_form_says_the_stage_is_late(client, officer):
    case = CaseFactory(acknowledged=True)
    due = case.stage(1).response_due_on
    with time_machine.travel(aware(due.year, due.month, due.day) + dt.timedelta(days=49)):
        officer_client = client
        login_verified(officer_client, officer)  # signed in on the day, seven weeks on
        form = officer_client.get(action_url(case, "extend"))
        shows(form, f"The response date, {due:%-d %B %Y}, has passed: this stage is late.")
        typed_back = (due - dt.timedelta(days=1)).isoformat()
        response = officer_client.post(
            action_url(case, "extend"), extension_post(5, resident_told_on=typed_back)
        )
        shows(response, "can no longer be extended", "(Code 6.4)")
        assert not case.stage(1).extensions.exists()

        respond = officer_client.get(action_url(case, "respond"))
        shows(respond, "Why the answer is late")
        answer = {
            "decision": Decision.NOT_UPHELD,
            "reasons": "The repair was done on time.",
            "no_remedy_reason": "Nothing to put right.",
            "actions_confirmed": "on",
        }
        refused = officer_client.post(action_url(case, "respond"), answer)
        shows(refused, "This answer is late", "(Code 6.3). Record why it is late.")
        done = officer_client.post(
            action_url(case, "respond"), {**answer, "late_reason": "The surveyor was ill."}
        )
        assert done.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.STAGE1_RESPONDED
    assert case.stage(1).late_reason == "The surveyor was ill."


def test_a_resident_told_date_in_the_future_is_refused(officer_client):
    case = CaseFactory(acknowledged=True)
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()
    response = officer_client.post(
        action_url(case, "extend"), extension_post(5, resident_told_on=tomorrow)
    )
    shows(response, "The date the resident was told cannot be in the future (Code 6.4).")


def test_the_stage_1_handler_cannot_decide_stage_2(client):
    from django.contrib.auth.models import Group

    stage1 = UserFactory()
    stage1.groups.add(Group.objects.get(name="Investigator"))
    case = CaseFactory(stage2_acknowledged=True, handler=stage1)
    login_verified(client, stage1)
    response = client.get(action_url(case, "respond_stage2"))
    assert response.status_code == 403
    assert "(Code 6.13)" in response.content.decode()
    assert client.get(action_url(case, "extend")).status_code == 403


def test_stage_2_handler_choices_leave_out_stage_1_people(officer_client, officer):
    case = CaseFactory(escalated=True, handler=officer)
    form = officer_client.get(action_url(case, "acknowledge_stage2")).context["form"]
    assert officer not in set(form.fields["handler"].queryset)
    shows(
        officer_client.get(action_url(case, "acknowledge_stage2")),
        "Not listed: those who acted on stage 1, who cannot handle stage 2 (Code 6.13).",
    )


def test_an_impossible_remedy_date_is_shown_next_to_its_field(officer_client):
    case = CaseFactory(acknowledged=True, received_at=aware(2026, 3, 2))
    response = officer_client.post(
        action_url(case, "remedy"),
        {"kind": "apology", "description": "We apologise.", "due_on": "2020-01-01"},
    )
    message = "A remedy cannot be due before the complaint was made, on 2 March 2026 (Code 7.3)."
    shows(response, message, "We apologise.")
    assert response.context["form"].errors["due_on"] == [message]
    assert not case.remedies.exists()


def test_the_public_address_set_in_the_admin_starts_the_letters_policy_link(
    officer_client, demo_site
):
    from casework.letters import LetterType
    from tests.casework.test_settings_admin import edit_url, settings_form

    saved = officer_client.post(
        edit_url(demo_site), settings_form(public_address="https://complaints.example.org/")
    )
    assert saved.status_code == 302
    case = CaseFactory(acknowledged=True)
    url = reverse("letters:draft", args=[case.pk, LetterType.STAGE1_ACKNOWLEDGEMENT])
    form = officer_client.get(url).context["form"]
    values = {name: form[name].value() or "" for name in form.fields}
    preview = officer_client.post(url, {**values, "preview": "1"}).context["preview_html"]
    assert "https://complaints.example.org/" in preview
    assert "localhost" not in preview


def test_the_case_page_warns_until_the_response_letter_is_issued(officer_client, demo_site):
    from casework.letters import LetterType

    case = CaseFactory(responded=True)
    html = shows(
        officer_client.get(detail_url(case)),
        "but no response letter is on file (Code 6.9).",
        "The resident has not been told in writing.",
    )
    url = reverse("letters:draft", args=[case.pk, LetterType.STAGE1_RESPONSE])
    assert f'href="{url}"' in html
    form = officer_client.get(url).context["form"]
    values = {name: form[name].value() or "" for name in form.fields}
    assert officer_client.post(url, {**values, "issue": "1"}).status_code == 302
    page = officer_client.get(detail_url(case)).content.decode()
    assert "no response letter is on file" not in page


def test_an_adjustment_is_reviewed_in_the_admin(officer_client):
    from casework import services
    from casework.models import ReasonableAdjustment
    from tests.factories import PersonFactory

    person = PersonFactory()
    adjustment = services.adjustment_record(
        person=person,
        actor=None,
        kind="large_print",
        detail="",
        agreed_on=timezone.localdate() - dt.timedelta(days=200),
        next_review_on=timezone.localdate() - dt.timedelta(days=10),
    )
    url = reverse("intake:person_action", args=[person.pk, "review-adjustment"])
    refused = officer_client.post(url, {"adjustment": adjustment.pk, "still_needed": "yes"})
    shows(refused, "Give the date of the next review, after today")
    next_review = timezone.localdate() + dt.timedelta(days=90)
    done = officer_client.post(
        url,
        {
            "adjustment": adjustment.pk,
            "still_needed": "yes",
            "next_review_on": next_review.isoformat(),
        },
    )
    assert done.status_code == 302
    adjustment = ReasonableAdjustment.objects.get()
    assert adjustment.next_review_on == next_review
    assert adjustment.status == "active"


def test_the_case_list_shows_and_filters_answered_late(officer_client):
    from casework import services

    on_time = CaseFactory(responded=True)
    late = CaseFactory(acknowledged=True)
    due = late.stage(1).response_due_on
    with time_machine.travel(aware(due.year, due.month, due.day) + dt.timedelta(days=2)):
        services.stage_respond(
            case=late,
            actor=None,
            decision=Decision.NOT_UPHELD,
            reasons="Done.",
            no_remedy_reason="Nothing to put right.",
            actions_confirmed=True,
            late_reason="The file was mislaid.",
        )
    index = reverse("cases:index")
    shown = officer_client.get(index, {"answered_late": "true"})
    assert {c.reference for c in shown.context["object_list"]} == {late.reference}
    assert "Answered late" in shown.content.decode()
    rest = officer_client.get(index, {"answered_late": "false"})
    assert {c.reference for c in rest.context["object_list"]} == {on_time.reference}
