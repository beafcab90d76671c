"""The staff screens for working a case: the list, the case page and one form per action.

The rules are the services'; these tests check that the screens show who may see what, pass what
was typed to the right service, and show its refusals word for word with nothing typed lost.
"""

import csv
import datetime as dt
import io
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from casework import services, workflow
from casework.choices import (
    AdjustmentKind,
    CaseKind,
    CaseStatus,
    Channel,
    Decision,
    DisclosureKind,
    RemedyKind,
)
from casework.models import ComplaintCategory, SensitiveDataView
from casework.process import process_settings
from casework.views.cases.actions import ACTIONS
from tests.factories import CaseFactory, UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db

INDEX = reverse("cases:index")


def detail_url(case) -> str:
    return reverse("cases:detail", args=[case.pk])


def action_url(case, action: str) -> str:
    return reverse("cases:action", args=[case.pk, action])


def staff(*groups: str, **fields):
    user = UserFactory(**fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def signed_in(client, user):
    login_verified(client, user)
    return client


def listed(client, **params) -> set[str]:
    response = client.get(INDEX, params)
    assert response.status_code == 200
    return {case.reference for case in response.context["object_list"]}


def days_ago(n: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=n)


@pytest.fixture
def officer():
    return UserFactory(is_superuser=True, first_name="Olu", last_name="Officer")


@pytest.fixture
def officer_client(client, officer):
    return signed_in(client, officer)


# The list


@pytest.fixture
def mixed_cases():
    """One case of each sort the filters tell apart."""
    handler = staff("Investigator", first_name="Ida", last_name="Handler")
    damp = ComplaintCategory.objects.create(name="Damp and mould")
    return {
        "new": CaseFactory(channel=Channel.PHONE),
        "overdue": CaseFactory(received_at=days_ago(30), category=damp),
        "stage1": CaseFactory(acknowledged=True, handler=handler),
        "stage2": CaseFactory(stage2_acknowledged=True),
        "request": CaseFactory(kind=CaseKind.SERVICE_REQUEST, channel=Channel.EMAIL),
        "handler": handler,
        "damp": damp,
    }


def refs(cases, *names) -> set[str]:
    return {cases[name].reference for name in names}


def test_the_list_links_each_case_and_says_overdue_in_words(officer_client, mixed_cases):
    response = officer_client.get(INDEX)
    html = response.content.decode()
    for name in ["new", "overdue", "stage1", "stage2", "request"]:
        case = mixed_cases[name]
        assert f'href="{detail_url(case)}"' in html
    assert 'class="w-text-critical-200"><strong>Overdue</strong>' in html
    assert html.count(">Overdue</strong>") == 1


def test_each_filter_narrows_the_list(officer_client, mixed_cases):
    c = mixed_cases
    everything = refs(c, "new", "overdue", "stage1", "stage2", "request")
    assert listed(officer_client) == everything
    assert listed(officer_client, kind="service_request") == refs(c, "request")
    assert listed(officer_client, stage="1") == refs(c, "new", "overdue", "stage1")
    assert listed(officer_client, stage="2") == refs(c, "stage2")
    assert listed(officer_client, status=CaseStatus.STAGE1) == refs(c, "stage1")
    assert listed(officer_client, category=c["damp"].pk) == refs(c, "overdue")
    assert listed(officer_client, handler=c["handler"].pk) == refs(c, "stage1")
    assert listed(officer_client, channel=Channel.EMAIL) == refs(c, "request")
    assert listed(officer_client, overdue="true") == refs(c, "overdue")
    assert listed(officer_client, overdue="false") == everything - refs(c, "overdue")
    # A new complaint is due for acknowledgement in 5 working days; stage 1's answer in 10.
    assert listed(officer_client, due_within="2") == refs(c, "overdue")
    assert listed(officer_client, due_within="5") == refs(c, "overdue", "new")
    assert listed(officer_client, due_within="10") == refs(c, "overdue", "new", "stage1")


def test_search_finds_cases_by_reference_name_email_and_postcode(officer_client, mixed_cases):
    case = mixed_cases["stage1"]
    resident = case.resident
    resident.full_name = "Zofia Wiśniewska"
    resident.postcode = "EX9 1ZZ"
    resident.save()
    assert listed(officer_client, q=case.reference) == {case.reference}
    assert listed(officer_client, q="wiśniew") == {case.reference}
    assert listed(officer_client, q=resident.email) == {case.reference}
    assert listed(officer_client, q="ex9 1zz") == {case.reference}
    assert listed(officer_client, q="EX91ZZ") == {case.reference}


def test_csv_export_has_a_row_per_case(officer_client, mixed_cases):
    response = officer_client.get(INDEX, {"export": "csv", "kind": "complaint"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="cases.csv"'
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    by_reference = {row["Reference"]: row for row in rows}
    assert set(by_reference) == refs(mixed_cases, "new", "overdue", "stage1", "stage2")
    overdue = by_reference[mixed_cases["overdue"].reference]
    assert overdue["Overdue"] == "Overdue"
    assert overdue["Category"] == "Damp and mould"
    assert overdue["Resident"] == mixed_cases["overdue"].resident.full_name
    assert by_reference[mixed_cases["stage2"].reference]["Stage"] == "2"


def test_csv_export_does_not_let_a_name_run_as_a_formula(officer_client):
    case = CaseFactory()
    case.resident.full_name = '=HYPERLINK("http://example.com")'
    case.resident.save()
    response = officer_client.get(INDEX, {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in content


def test_the_list_takes_the_same_number_of_queries_for_3_or_30_cases(
    officer_client, django_assert_max_num_queries
):
    for n in range(3):
        CaseFactory(acknowledged=n % 2 == 0, received_at=days_ago(n * 3))
    with django_assert_max_num_queries(100) as few:
        officer_client.get(INDEX)
    for n in range(27):
        CaseFactory(escalated=n % 3 == 0, received_at=days_ago(n))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = officer_client.get(INDEX)
    assert len(response.context["object_list"]) == 20


# Who sees what


def test_an_investigator_sees_only_the_cases_they_handle(client):
    # The investigator's own permission: work the cases whose stage they handle.
    investigator = UserFactory()
    investigator.user_permissions.add(
        Permission.objects.get(content_type__app_label="casework", codename="work_assigned_case"),
        Permission.objects.get(codename="access_admin"),
    )
    theirs = CaseFactory(acknowledged=True, handler=investigator)
    other = CaseFactory(acknowledged=True)
    signed_in(client, investigator)
    assert listed(client) == {theirs.reference}
    assert client.get(detail_url(other)).status_code == 404
    response = client.get(detail_url(theirs))
    assert response.status_code == 200
    assert f'href="{action_url(theirs, "respond")}"' in response.content.decode()


def test_the_investigator_group_reads_other_cases_but_works_only_its_own(client):
    # The group also logs cases (Code 3.1: anyone can take a complaint), so it can read them all.
    investigator = staff("Investigator")
    theirs = CaseFactory(acknowledged=True, handler=investigator)
    other = CaseFactory(acknowledged=True)
    signed_in(client, investigator)
    html = client.get(detail_url(other)).content.decode()
    assert action_url(other, "note") not in html
    assert client.post(action_url(other, "note"), {"text": "Hello"}).status_code == 403
    assert client.post(action_url(theirs, "note"), {"text": "Hello"}).status_code == 302


def test_customer_services_read_cases_but_cannot_change_them(client):
    case = CaseFactory()
    signed_in(client, staff("Customer services"))
    assert listed(client) == {case.reference}
    response = client.get(detail_url(case))
    assert response.status_code == 200
    html = response.content.decode()
    assert case.reference in html
    assert action_url(case, "acknowledge") not in html
    assert action_url(case, "note") not in html
    refused = client.post(action_url(case, "note"), {"text": "Called back."})
    assert refused.status_code == 403
    refused = client.post(
        action_url(case, "acknowledge"),
        {"definition": "D", "outcomes_sought": "O", "conflict_of_interest": "None"},
    )
    assert refused.status_code == 403
    case.refresh_from_db()
    assert case.status == CaseStatus.LOGGED


@pytest.mark.parametrize("group", ["Comms editor", "Governing body"])
def test_comms_and_the_governing_body_see_no_cases(client, group):
    case = CaseFactory()
    signed_in(client, staff(group))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX not in home
    assert client.get(INDEX).status_code == 403
    assert client.get(detail_url(case)).status_code == 404
    assert client.post(action_url(case, "note"), {"text": "Hello"}).status_code == 404


def test_officers_get_the_cases_menu(officer_client):
    home = officer_client.get(reverse("wagtailadmin_home")).content.decode()
    assert INDEX in home


# The case page


def test_the_case_page_shows_every_clock_and_overdue_in_words(officer_client):
    case = CaseFactory(received_at=days_ago(30))
    services.note_add(case=case, actor=None, text="Resident called to chase.")
    response = officer_client.get(detail_url(case))
    html = response.content.decode()
    assert "Stage 1 acknowledgement" in html
    assert "6.2" in html
    assert '<strong class="w-text-critical-200">Overdue</strong>' in html
    assert "Resident called to chase." in html
    assert "Staff only" in html
    assert f'href="{action_url(case, "acknowledge")}"' in html
    assert f'href="{action_url(case, "refuse")}"' in html
    assert f'href="{action_url(case, "respond")}"' not in html  # not possible yet


def test_the_timeline_reads_oldest_first(officer_client):
    case = CaseFactory(responded=True)
    html = officer_client.get(detail_url(case)).content.decode()
    assert html.index("Complaint received by phone.") < html.index("Stage 1 answer sent")


@pytest.fixture
def resident_with_disclosures():
    case = CaseFactory(acknowledged=True)
    today = timezone.localdate()
    services.adjustment_record(
        person=case.resident,
        actor=None,
        kind=AdjustmentKind.LARGE_PRINT,
        detail="Letters in 18 point.",
        agreed_on=today,
        next_review_on=today + dt.timedelta(days=90),
    )
    services.disclosure_record(
        person=case.resident,
        actor=None,
        kind=DisclosureKind.DISABILITY,
        detail="Partially sighted.",
        disclosed_on=today,
    )
    return case


def test_the_handler_sees_adjustments_and_the_view_is_logged(client, resident_with_disclosures):
    case = resident_with_disclosures
    handler = case.stage(1).handler
    handler.groups.add(Group.objects.get(name="Investigator"))
    signed_in(client, handler)
    html = client.get(detail_url(case)).content.decode()
    assert "Letters in 18 point." in html
    assert "Partially sighted." in html
    view = SensitiveDataView.objects.get()
    assert (view.person, view.viewed_by, view.where) == (
        case.resident,
        handler,
        f"case {case.reference}",
    )


def test_customer_services_do_not_see_adjustments_and_nothing_is_logged(
    client, resident_with_disclosures
):
    case = resident_with_disclosures
    signed_in(client, staff("Customer services"))
    html = client.get(detail_url(case)).content.decode()
    assert "Letters in 18 point." not in html
    assert "Partially sighted." not in html
    assert not SensitiveDataView.objects.exists()


# The forms: each shows, refuses in the service's words keeping what was typed, and works.


def test_every_transition_has_a_form():
    assert set(workflow.TRANSITIONS) <= set(ACTIONS)


def refusal_shown(response, message: str, *typed: str) -> None:
    assert response.status_code == 200
    html = response.content.decode()
    assert escape(message) in html, message
    for value in typed:
        assert escape(value) in html, value


def code_5_6():
    return workflow.check_acknowledge(definition="", outcomes_sought="x")[0]


# (action, the traits of a case it applies to, an invalid POST, the message, typed values kept,
#  a valid POST, the status after)
def transition_cases(user, other, reason):
    responded = {
        "decision": Decision.NOT_UPHELD,
        "reasons": "We found the repair was done.",
        "no_remedy_reason": "Nothing went wrong.",
        "actions_confirmed": "on",
    }
    return [
        (
            "acknowledge",
            {},
            {"outcomes_sought": "A dry ceiling", "handler": user.pk},
            "Write the complaint definition",
            ["A dry ceiling"],
            {
                "definition": "Leak not fixed.",
                "outcomes_sought": "A dry ceiling",
                "handler": user.pk,
                "conflict_of_interest": "None",
            },
            CaseStatus.STAGE1,
        ),
        (
            "refuse",
            {},
            {"explanation": "Raised in 2019, two years after the works."},
            "Choose the exclusion reason from the complaints policy",
            ["Raised in 2019, two years after the works."],
            {"exclusion_reason": reason("accepting"), "explanation": "Raised in 2019."},
            CaseStatus.NOT_ACCEPTED,
        ),
        (
            "assign",
            {"acknowledged": True},
            {"handler": user.pk, "conflict_of_interest": ""},
            "Record the handler's conflict-of-interest declaration",
            [],
            {"handler": other.pk, "conflict_of_interest": "None"},
            CaseStatus.STAGE1,
        ),
        (
            "extend",
            {"acknowledged": True},
            {"working_days": "5", "reason": "Waiting for the surveyor's report."},
            "The extension notice must include the Ombudsman's contact details (Code 6.5).",
            ["Waiting for the surveyor's report."],
            {
                "working_days": "5",
                "reason": "Waiting for the surveyor.",
                "resident_told_on": timezone.localdate().isoformat(),
                "ombudsman_details_given": "on",
            },
            CaseStatus.STAGE1,
        ),
        (
            "agree_updates",
            {"acknowledged": True},
            {"interval_days": "0"},
            "Enter how often, in working days, the resident will be updated (Code 5.9).",
            [],
            {"interval_days": "5"},
            CaseStatus.STAGE1,
        ),
        (
            "respond",
            {"acknowledged": True},
            {**responded, "actions_confirmed": ""},
            "Confirm the outstanding actions: add them, or confirm there are none (Code 6.9).",
            ["We found the repair was done."],
            responded,
            CaseStatus.STAGE1_RESPONDED,
        ),
        (
            "request_escalation",
            {"responded": True},
            None,
            None,
            [],
            {},  # no reason is needed (Code 6.12)
            CaseStatus.STAGE2_REQUESTED,
        ),
        (
            "refuse_escalation",
            {"escalated": True},
            {"exclusion_reason": reason("escalating")},
            "Explain why the reason applies to this request to escalate (Code 2.4, 2.5).",
            [],
            {"exclusion_reason": reason("escalating"), "explanation": "Court claim issued."},
            CaseStatus.ESCALATION_REFUSED,
        ),
        (
            "acknowledge_stage2",
            {"escalated": True},
            {"definition": "Still leaking.", "outcomes_sought": "", "handler": other.pk},
            "Write down the outcomes the resident is looking for (Code 5.6).",
            ["Still leaking."],
            {
                "definition": "Still leaking.",
                "outcomes_sought": "A new repair.",
                "handler": other.pk,
                "conflict_of_interest": "None",
            },
            CaseStatus.STAGE2,
        ),
        (
            "respond_stage2",
            {"stage2_acknowledged": True},
            {**responded, "decision": ""},
            "Choose the decision: upheld, partly upheld or not upheld (Code 6.19).",
            ["We found the repair was done."],
            responded,
            CaseStatus.STAGE2_RESPONDED,
        ),
        (
            "withdraw",
            {},
            None,
            None,
            [],
            {"reason": "Resolved on the phone."},
            CaseStatus.WITHDRAWN,
        ),
        ("close", {"stage2_responded": True}, None, None, [], {}, CaseStatus.CLOSED),
    ]


@pytest.fixture
def exclusion_reason(demo_site):
    def reason(applies_to):
        reasons = process_settings().exclusion_reasons.filter(applies_to__in=[applies_to, "both"])
        return reasons.first().pk

    return reason


def test_every_transition_form_shows_refuses_and_works(officer_client, officer, exclusion_reason):
    other = staff("Investigator", first_name="Sam", last_name="Second")
    for name, traits, invalid, message, kept, valid, after in transition_cases(
        officer, other, exclusion_reason
    ):
        # Code 6.13: stage 2 is decided by someone who did not deal with stage 1.
        handlers = (
            {"handler": other, "stage2_handler": officer}
            if name == "respond_stage2"
            else {"handler": officer}
        )
        case = CaseFactory(**handlers, **traits)
        url = action_url(case, name)
        response = officer_client.get(url)
        assert response.status_code == 200, name
        assert f"<title>{ACTIONS[name].label}" in response.content.decode()
        if invalid is not None:
            response = officer_client.post(url, invalid)
            refusal_shown(response, message, *kept)
            case.refresh_from_db()
            assert case.status == CaseStatus(traits_status(traits)), name
        response = officer_client.post(url, valid)
        assert response.status_code == 302, (name, response.content.decode()[:3000])
        # A step that tells the resident goes straight on to its drafted letter.
        letter_type = ACTIONS[name].letter_type
        assert response["Location"] == (
            reverse("letters:draft", args=[case.pk, letter_type])
            if letter_type
            else detail_url(case)
        ), name
        case.refresh_from_db()
        assert case.status == after, name


def traits_status(traits) -> str:
    order = [
        ("stage2_responded", CaseStatus.STAGE2_RESPONDED),
        ("stage2_acknowledged", CaseStatus.STAGE2),
        ("escalated", CaseStatus.STAGE2_REQUESTED),
        ("responded", CaseStatus.STAGE1_RESPONDED),
        ("acknowledged", CaseStatus.STAGE1),
    ]
    return next((status for trait, status in order if traits.get(trait)), CaseStatus.LOGGED)


def test_a_transition_not_possible_now_sends_you_back_to_the_case(officer_client):
    case = CaseFactory()
    response = officer_client.get(action_url(case, "respond_stage2"))
    assert response.status_code == 302
    assert response["Location"] == detail_url(case)
    assert officer_client.get(action_url(case, "no_such_action")).status_code == 404


def test_posting_an_action_that_no_longer_applies_keeps_what_was_typed(officer_client):
    case = CaseFactory(responded=True)
    response = officer_client.post(action_url(case, "update_sent"), {"summary": "Booked in."})
    refusal_shown(
        response, "“Record an update sent” is not possible on this case now.", "Booked in."
    )
    response = officer_client.post(action_url(case, "extend"), {"reason": "Waiting on a roofer."})
    refusal_shown(
        response,
        workflow.status_problem("extend", case.kind, case.status),
        "Waiting on a roofer.",
    )


def test_the_other_actions_each_call_their_service(officer_client, officer):
    case = CaseFactory(acknowledged=True, handler=officer)
    today = timezone.localdate().isoformat()
    posts = [
        ("note", {"text": "Rang the resident."}),
        (
            "correspondence",
            {
                "direction": "in",
                "channel": "email",
                "correspondent": "The resident",
                "body": "Photos attached.",
            },
        ),
        ("remedy", {"kind": RemedyKind.APOLOGY, "description": "Apologise.", "due_on": today}),
        (
            "outstanding_action",
            {"description": "Fix the gutter.", "owner": officer.pk, "due_on": today},
        ),
        ("update_sent", {"summary": "Surveyor booked."}),
        ("related_issue", {"description": "The extractor fan is broken too."}),
        ("ombudsman_referral", {"scheme": "housing", "referred_on": today}),
    ]
    for name, data in posts:
        response = officer_client.post(action_url(case, name), data)
        assert response.status_code == 302, (name, response.content.decode()[:3000])
    remedy, action = case.remedies.get(), case.actions.get()
    referral = case.ombudsman_referrals.get()
    more = [
        ("complete_remedy", {"remedy": remedy.pk}),
        ("complete_action", {"action": action.pk}),
        ("evidence_request", {"referral": referral.pk, "requested_on": today}),
    ]
    for name, data in more:
        response = officer_client.post(action_url(case, name), data)
        assert response.status_code == 302, (name, response.content.decode()[:3000])
    request = referral.evidence_requests.get()
    for name, data in [
        ("evidence_sent", {"request": request.pk, "sent_on": today}),
        (
            "determination",
            {
                "referral": referral.pk,
                "determined_on": today,
                "outcome": "no_maladministration",
                "summary": "Handled well.",
            },
        ),
    ]:
        response = officer_client.post(action_url(case, name), data)
        assert response.status_code == 302, (name, response.content.decode()[:3000])
    events = set(case.timeline.values_list("event", flat=True))
    assert {
        "note",
        "correspondence_in",
        "remedy_added",
        "remedy_done",
        "action_added",
        "action_done",
        "update_sent",
        "issue_added",
        "ombudsman_referral",
        "evidence_requested",
        "evidence_sent",
        "ombudsman_determination",
    } <= events


def test_the_mark_done_link_chooses_the_item(officer_client, officer):
    case = CaseFactory(acknowledged=True, handler=officer)
    action = services.action_add(
        case=case, actor=officer, description="Fix it", owner=officer, due_on=timezone.localdate()
    )
    html = officer_client.get(detail_url(case)).content.decode()
    link = f"{action_url(case, 'complete_action')}?action={action.pk}"
    assert link in html
    form = officer_client.get(link).content.decode()
    checked = re.search(r'<input type="radio" name="action" value="(\d+)"[^>]*checked', form)
    assert checked and checked.group(1) == str(action.pk)


def test_a_related_issue_after_the_answer_opens_a_linked_complaint(officer_client, officer):
    case = CaseFactory(responded=True, handler=officer)
    response = officer_client.post(
        action_url(case, "related_issue"), {"description": "Now the boiler has failed."}
    )
    new = case.linked_cases.get()
    assert response["Location"] == detail_url(new)
    html = officer_client.get(detail_url(new)).content.decode()
    assert f'href="{detail_url(case)}"' in html


# The whole journey, through the forms


def test_a_complaint_from_acknowledgement_to_closure(client, officer, demo_site):
    investigator = staff("Investigator", first_name="Ina", last_name="Vestigator")
    reviewer = staff("Investigator", first_name="Rev", last_name="Iewer")
    case = CaseFactory(handler=officer)
    signed_in(client, officer)

    def post(action, data, expect=302):
        response = client.post(action_url(case, action), data)
        assert response.status_code == expect, (action, response.content.decode()[:3000])
        case.refresh_from_db()
        return response

    post(
        "acknowledge",
        {
            "definition": "The bathroom ceiling leaks and two repairs were missed.",
            "outcomes_sought": "Repair the leak and the ceiling.",
            "handler": investigator.pk,
            "conflict_of_interest": "None",
        },
    )
    assert case.status == CaseStatus.STAGE1
    first_due = case.stage(1).response_due_on

    post(
        "extend",
        {
            "working_days": "10",
            "reason": "The roofer cannot inspect until next month.",
            "resident_told_on": timezone.localdate().isoformat(),
            "ombudsman_details_given": "on",
        },
    )
    assert case.stage(1).response_due_on > first_due

    post(
        "remedy",
        {
            "kind": "apology",
            "description": "Apologise for the missed visits.",
            "due_on": timezone.localdate().isoformat(),
        },
    )
    post(
        "respond",
        {
            "decision": Decision.PARTLY_UPHELD,
            "reasons": "Two visits were missed; the roof is sound.",
            "actions_confirmed": "on",
        },
    )
    assert case.status == CaseStatus.STAGE1_RESPONDED

    post("request_escalation", {})
    assert case.status == CaseStatus.STAGE2_REQUESTED

    stage2 = {
        "definition": "The resident says the ceiling still leaks.",
        "outcomes_sought": "A new inspection.",
        "handler": investigator.pk,
        "conflict_of_interest": "None",
    }
    # Code 6.13: the stage 1 handler, and the officer who acknowledged, extended and answered
    # stage 1, are not offered as the stage 2 handler, and are refused if sent anyway.
    offered = client.get(action_url(case, "acknowledge_stage2")).context["form"]
    choices = set(offered.fields["handler"].queryset)
    assert reviewer in choices
    assert investigator not in choices and officer not in choices
    refused = post("acknowledge_stage2", stage2, expect=200)
    refusal_shown(refused, "The resident says the ceiling still leaks.")
    assert case.status == CaseStatus.STAGE2_REQUESTED

    post("acknowledge_stage2", {**stage2, "handler": reviewer.pk})
    assert case.status == CaseStatus.STAGE2
    assert case.stage(2).handler == reviewer

    # The officer who dealt with stage 1 cannot decide stage 2; its handler does.
    assert client.get(action_url(case, "respond_stage2")).status_code == 403
    signed_in(client, reviewer)
    post(
        "respond_stage2",
        {
            "decision": Decision.NOT_UPHELD,
            "reasons": "The new inspection found no leak.",
            "no_remedy_reason": "The stage 1 apology stands.",
            "actions_confirmed": "on",
        },
    )
    assert case.status == CaseStatus.STAGE2_RESPONDED

    refused = post("close", {}, expect=200)
    refusal_shown(refused, "1 remedy is still to be completed (Code 7.3).")
    post("complete_remedy", {"remedy": case.remedies.get().pk})
    post("close", {})
    assert case.status == CaseStatus.CLOSED

    html = client.get(detail_url(case)).content.decode()
    assert "Closed." in html
    assert "Done late" not in html


def test_staff_ask_the_resident_to_comment_on_findings(officer_client):
    case = CaseFactory(acknowledged=True)
    assert f'href="{action_url(case, "request_comments")}"' in (
        officer_client.get(detail_url(case)).content.decode()
    )
    response = officer_client.post(action_url(case, "request_comments"), {"findings": ""})
    html = response.content.decode()
    assert "Describe what the resident is asked to comment on." in html
    assert "Give the date by which to reply." in html
    respond_by = (timezone.localdate() + dt.timedelta(days=7)).isoformat()
    response = officer_client.post(
        action_url(case, "request_comments"),
        {"findings": "The records show two missed visits.", "respond_by": respond_by},
    )
    assert response.status_code == 302
    entry = case.timeline.get(event="comments_requested")
    assert "two missed visits" in entry.summary
    assert entry.visibility == "resident"


def test_xlsx_export_has_a_row_per_case_and_runs_no_formula(officer_client, mixed_cases):
    """For the Regulator and the Ombudsman, who work in spreadsheets (issue 6)."""
    import openpyxl

    case = mixed_cases["new"]
    case.resident.full_name = '=HYPERLINK("http://example.com")'
    case.resident.save()
    response = officer_client.get(INDEX, {"export": "xlsx", "kind": "complaint"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="cases.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *rows = list(sheet.iter_rows())
    headings = [cell.value for cell in header]
    by_reference = {row[headings.index("Reference")].value: row for row in rows}
    assert set(by_reference) == refs(mixed_cases, "new", "overdue", "stage1", "stage2")
    resident = by_reference[case.reference][headings.index("Resident")]
    assert resident.value == '=HYPERLINK("http://example.com")'
    assert resident.data_type == "s", "written as text, never run as a formula"
