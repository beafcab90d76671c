"""The Ombudsman on the case page: referral, evidence requests on their 15 working day clock,
the determination with its orders, and each order complied with. Open orders show first, with
their dates; an overdue one is said in words as well as shown in red."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from casework import services
from casework.choices import DeterminationOutcome
from casework.models import Determination, OmbudsmanOrder
from casework.process import process_settings, working_calendar
from tests.casework.test_admin_cases import INDEX, action_url, detail_url, listed, signed_in
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db

OVERDUE = '<strong class="w-text-critical-200">Overdue: it was due on'


@pytest.fixture
def officer():
    return UserFactory(is_superuser=True, first_name="Olu", last_name="Officer")


@pytest.fixture
def officer_client(client, officer):
    return signed_in(client, officer)


def today() -> dt.date:
    return timezone.localdate()


def referred(case, officer):
    return services.ombudsman_referral_record(
        case=case, actor=officer, referred_on=today() - dt.timedelta(days=60)
    )


def determined(case, officer, orders):
    return services.determination_record(
        referral=referred(case, officer),
        actor=officer,
        determined_on=today() - dt.timedelta(days=30),
        outcome=DeterminationOutcome.MALADMINISTRATION,
        summary="Repairs were delayed without explanation.",
        orders=orders,
    )


def test_the_whole_involvement_through_the_forms(officer_client, officer):
    case = CaseFactory(stage2_responded=True)
    day = today().isoformat()
    html = officer_client.get(detail_url(case)).content.decode()
    assert action_url(case, "ombudsman_referral") in html
    assert action_url(case, "evidence_request") not in html  # nothing referred yet

    def post(action, data):
        response = officer_client.post(action_url(case, action), data)
        assert response.status_code == 302, response.content.decode()[:3000]

    post("ombudsman_referral", {"scheme": "housing", "referred_on": day})
    referral = case.ombudsman_referrals.get()
    post("evidence_request", {"referral": referral.pk, "requested_on": day, "what": "Repair logs"})
    request = referral.evidence_requests.get()
    calendar = working_calendar(process_settings())
    assert request.due_on == calendar.add_working_days(today(), 15)

    html = officer_client.get(detail_url(case)).content.decode()
    assert "Evidence to the Ombudsman" in html
    assert f"{request.due_on:%-d %B %Y}" in html
    assert "<td>15</td>" in html  # working days left, in the deadlines and the Ombudsman table

    post("evidence_sent", {"request": request.pk, "sent_on": day})
    post(
        "determination",
        {
            "referral": referral.pk,
            "determined_on": day,
            "outcome": DeterminationOutcome.SERVICE_FAILURE,
            "summary": "Delays in the repair.",
            "order_1": "Apologise in writing.",
            "order_1_due_on": (today() + dt.timedelta(days=28)).isoformat(),
            "order_2": "Pay £250 for time and trouble.",
            "order_2_due_on": (today() + dt.timedelta(days=28)).isoformat(),
        },
    )
    orders = list(OmbudsmanOrder.objects.filter(determination__referral=referral))
    assert [o.description for o in orders] == [
        "Apologise in writing.",
        "Pay £250 for time and trouble.",
    ]
    html = officer_client.get(detail_url(case)).content.decode()
    assert "2 Ombudsman orders to comply with" in html
    assert "Mark complied" in html

    post("order_complied", {"order": orders[0].pk, "complied_on": day})
    orders[0].refresh_from_db()
    assert orders[0].complied_on == today()
    html = officer_client.get(detail_url(case)).content.decode()
    assert "1 Ombudsman order to comply with" in html
    assert set(case.timeline.values_list("event", flat=True)) >= {
        "ombudsman_referral",
        "evidence_requested",
        "evidence_sent",
        "ombudsman_determination",
        "ombudsman_order_complied",
    }


def test_an_order_needs_both_what_and_when(officer_client, officer):
    case = CaseFactory()
    referral = referred(case, officer)
    response = officer_client.post(
        action_url(case, "determination"),
        {
            "referral": referral.pk,
            "determined_on": today().isoformat(),
            "outcome": DeterminationOutcome.SERVICE_FAILURE,
            "summary": "Delays in the repair.",
            "order_1": "Apologise in writing.",
            "order_2_due_on": today().isoformat(),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Give the date by which we must comply with order 1." in html
    assert "Say what order 2 asks us to do." in html
    assert "Apologise in writing." in html  # what was typed stays
    assert not Determination.objects.exists()


def test_open_orders_show_first_and_overdue_in_words(officer_client, officer):
    case = CaseFactory()
    determined(
        case,
        officer,
        [
            ("Pay £100 compensation.", today() - dt.timedelta(days=7)),
            ("Review the repairs policy.", today() + dt.timedelta(days=21)),
        ],
    )
    html = officer_client.get(detail_url(case)).content.decode()
    top = html.index('id="case-open-orders-heading"')
    assert top < html.index('id="case-actions-heading"') < html.index('id="case-ombudsman-heading"')
    panel = html[top : html.index("</section>", top)]
    assert "2 Ombudsman orders to comply with" in panel
    assert panel.index("Pay £100 compensation.") < panel.index("Review the repairs policy.")
    assert OVERDUE in panel
    assert panel.count("Overdue") == 1
    assert "working days left." in panel
    due = today() + dt.timedelta(days=21)
    assert f"Comply by {due:%-d %B %Y}:" in panel
    # The orders are deadlines like any other.
    assert "Ombudsman order: Pay £100 compensation." in html


def test_the_mark_complied_link_chooses_the_order(officer_client, officer):
    case = CaseFactory()
    determination = determined(case, officer, [("Apologise.", today())])
    order = determination.orders.get()
    link = f"{action_url(case, 'order_complied')}?order={order.pk}"
    assert link in officer_client.get(detail_url(case)).content.decode()
    form = officer_client.get(link).content.decode()
    checked = re.search(r'<input type="radio" name="order" value="(\d+)"[^>]*checked', form)
    assert checked and checked.group(1) == str(order.pk)


def test_complied_orders_are_no_longer_offered(officer_client, officer):
    case = CaseFactory()
    determination = determined(case, officer, [("Apologise.", today())])
    services.order_complied(order=determination.orders.get(), actor=officer, complied_on=today())
    html = officer_client.get(detail_url(case)).content.decode()
    assert "to comply with" not in html
    assert action_url(case, "order_complied") not in html
    assert f"Done on {today():%-d %B %Y}" in html
    response = officer_client.get(action_url(case, "order_complied"))
    assert response.status_code == 302  # nothing to record


def test_the_list_filters_cases_with_orders_outstanding(officer_client, officer):
    outstanding = CaseFactory()
    determined(outstanding, officer, [("Apologise.", today())])
    complied = CaseFactory()
    order = determined(complied, officer, [("Apologise.", today())]).orders.get()
    services.order_complied(order=order, actor=officer, complied_on=today())
    untouched = CaseFactory()
    assert listed(officer_client, ombudsman_orders="true") == {outstanding.reference}
    assert listed(officer_client, ombudsman_orders="false") == {
        complied.reference,
        untouched.reference,
    }
    html = officer_client.get(INDEX).content.decode()
    assert "Ombudsman orders outstanding" in html


def test_the_filtered_list_takes_the_same_queries_for_3_or_30_cases(
    officer_client, officer, django_assert_num_queries
):
    def cases(n):
        for _ in range(n):
            determined(CaseFactory(), officer, [("Apologise.", today()), ("Pay.", today())])

    params = {"ombudsman_orders": "true", "q": "CMP"}
    cases(3)
    officer_client.get(INDEX, params)
    with CaptureQueriesContext(connection) as few:
        officer_client.get(INDEX, params)
    cases(27)
    with django_assert_num_queries(len(few.captured_queries)):
        response = officer_client.get(INDEX, params)
    assert len(response.context["object_list"]) == 20


def test_the_case_page_takes_the_same_queries_for_1_or_many_orders(
    officer_client, officer, django_assert_num_queries
):
    case = CaseFactory()
    determined(case, officer, [("Apologise.", today())])
    officer_client.get(detail_url(case))
    with CaptureQueriesContext(connection) as few:
        officer_client.get(detail_url(case))
    for n in range(3):
        referral = referred(case, officer)
        services.evidence_request_record(referral=referral, actor=officer, requested_on=today())
        services.determination_record(
            referral=referral,
            actor=officer,
            determined_on=today(),
            outcome=DeterminationOutcome.SERVICE_FAILURE,
            summary="More delays.",
            orders=[(f"Order {n}-{m}", today()) for m in range(4)],
        )
    with django_assert_num_queries(len(few.captured_queries)):
        response = officer_client.get(detail_url(case))
    assert "13 Ombudsman orders to comply with" in response.content.decode()


def test_the_only_referral_is_already_chosen(officer_client, officer):
    case = CaseFactory()
    referral = referred(case, officer)
    for action in ["evidence_request", "determination"]:
        form = officer_client.get(action_url(case, action)).content.decode()
        assert f'<option value="{referral.pk}" selected>' in form, action
    referred(case, officer)
    form = officer_client.get(action_url(case, "determination")).content.decode()
    assert '<option value="" selected>' in form  # two referrals: staff choose
