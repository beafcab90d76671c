"""Writing a letter from the admin case page (issue 5): choose, draft (prefilled), preview with
a reading-ease figure, issue; refusals shown word for word with nothing typed lost; templates
that drop a required element cannot be saved."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from casework import services
from casework.choices import Decision
from casework.letters import LetterType
from casework.models import Letter, LetterTemplate, OutboundEmail
from tests.factories import CaseFactory, UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db


def staff(*groups, **fields):
    user = UserFactory(**fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def officer():
    return staff("Complaints officer", first_name="Olu", last_name="Officer")


@pytest.fixture
def officer_client(client, officer):
    login_verified(client, officer)
    return client


@pytest.fixture
def answered(demo_site, officer):
    case = CaseFactory(acknowledged=True)
    services.stage_respond(
        case=case,
        actor=officer,
        decision=Decision.NOT_UPHELD,
        reasons="The repair was booked and completed within our timescales.",
        no_remedy_reason="The service was delivered as promised.",
        actions_confirmed=True,
    )
    case.refresh_from_db()
    return case


def draft_url(case, letter_type=LetterType.STAGE1_RESPONSE):
    return reverse("letters:draft", args=[case.pk, letter_type])


def form_values(response) -> dict[str, str]:
    form = response.context["form"]
    return {name: form[name].value() or "" for name in form.fields}


def test_the_case_page_links_to_writing_a_letter(officer_client, answered):
    response = officer_client.get(reverse("cases:detail", args=[answered.pk]))
    assert reverse("letters:choose", args=[answered.pk]) in response.content.decode()


def test_the_choice_says_which_letters_can_be_written_now(officer_client, answered):
    response = officer_client.get(reverse("letters:choose", args=[answered.pk]))
    html = response.content.decode()
    assert f'href="{draft_url(answered)}"' in html
    assert f'href="{draft_url(answered, LetterType.STAGE2_RESPONSE)}"' not in html
    assert "Record the stage 2 decision first" in unescape(html)


def test_draft_preview_issue(officer_client, answered):
    response = officer_client.get(draft_url(answered))
    assert response.status_code == 200
    values = form_values(response)
    assert values["reasons"] == "The repair was booked and completed within our timescales."
    assert values["decision"].startswith("We have not upheld your complaint.")
    assert 'name="issue"' not in response.content.decode()  # preview first

    values["reasons"] = "We checked the repair log. <b>The roofer came on time.</b>"
    response = officer_client.post(draft_url(answered), {**values, "preview": "1"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Reading ease:" in html
    assert response.context["readability"].score is not None
    preview = response.context["preview_html"]
    assert "We checked the repair log. &lt;b&gt;The roofer came on time.&lt;/b&gt;" in preview
    assert answered.reference in preview
    assert "srcdoc=" in html and 'name="issue"' in html
    # The whole letter sits inside the attribute: its quotes are escaped, or the preview is cut
    # off at the first one.
    srcdoc = re.search(r'srcdoc="([^"]*)"', html).group(1)
    assert answered.reference in srcdoc and "&lt;!DOCTYPE html&gt;" in srcdoc
    assert not Letter.objects.exists()

    response = officer_client.post(draft_url(answered), {**values, "issue": "1"})
    assert response.status_code == 302
    assert response.url == reverse("cases:detail", args=[answered.pk])
    letter = Letter.objects.get(case=answered)
    assert letter.elements["reasons"].startswith("We checked the repair log.")
    assert letter.issued_by.first_name == "Olu"
    assert OutboundEmail.objects.filter(purpose="letter_stage1_response").count() == 1
    page = officer_client.get(response.url).content.decode()
    assert "Letter issued: Our answer to your complaint" in unescape(page)
    assert letter.document.original_name in unescape(page)


def test_issuing_an_incomplete_letter_names_what_is_missing_and_keeps_what_was_typed(
    officer_client, answered
):
    values = form_values(officer_client.get(draft_url(answered)))
    values.update(decision="", outstanding_actions="", reasons="Kept as typed.")
    response = officer_client.post(draft_url(answered), {**values, "issue": "1"})
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "The decision is missing" in html and "(Code 6.9c)" in html
    assert "The outstanding actions are missing" in html and "(Code 6.9f)" in html
    assert "Kept as typed." in html
    assert not Letter.objects.exists()


def test_a_letter_the_case_cannot_have_yet_goes_back_to_the_choice(officer_client, demo_site):
    case = CaseFactory(acknowledged=True)
    response = officer_client.get(draft_url(case))
    assert response.status_code == 302
    assert response.url == reverse("letters:choose", args=[case.pk])


def test_someone_who_may_only_read_the_case_cannot_write_letters(client, answered):
    login_verified(client, staff("Customer services"))
    assert client.get(reverse("letters:choose", args=[answered.pk])).status_code == 403
    assert client.post(draft_url(answered), {"issue": "1"}).status_code == 403
    assert not Letter.objects.exists()


def test_the_officer_edits_templates_and_cannot_remove_a_required_element(officer_client):
    template = LetterTemplate.objects.get(letter_type=LetterType.STAGE1_RESPONSE, language="en-gb")
    url = reverse("wagtailsnippets_casework_lettertemplate:edit", args=[template.pk])
    assert officer_client.get(url).status_code == 200
    body = template.body.replace("{{ escalation }}", "Phone us.")
    response = officer_client.post(
        url,
        {
            "letter_type": template.letter_type,
            "language": "en-gb",
            "subject": template.subject,
            "body": body,
        },
    )
    assert response.status_code == 200
    assert "Put {{ escalation }} back in the letter." in unescape(response.content.decode())
    template.refresh_from_db()
    assert "{{ escalation }}" in template.body

    response = officer_client.post(
        url,
        {
            "letter_type": template.letter_type,
            "language": "en-gb",
            "subject": "Our reply {{ reference }}",
            "body": template.body,
        },
    )
    assert response.status_code == 302
    template.refresh_from_db()
    assert template.subject == "Our reply {{ reference }}"


def test_the_preview_shows_missing_elements_as_guidance(officer_client, answered):
    values = form_values(officer_client.get(draft_url(answered)))
    values["escalation"] = ""
    response = officer_client.post(draft_url(answered), {**values, "preview": "1"})
    html = unescape(response.content.decode())
    assert re.search(r"How to escalate is missing: say how to ask for stage 2", html)
