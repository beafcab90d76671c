"""The intake side of the staff admin: logging a case, the person page, the dashboard panel and
the category list.

The rules are the services'; these tests check that the screens pass what was typed to the
right service, show its refusals word for word with nothing typed lost, and show sensitive data
only to those who may see it, logging each view.
"""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from casework import services
from casework.choices import (
    AdjustmentKind,
    AdjustmentStatus,
    CaseKind,
    CaseStatus,
    Channel,
    ConsentBasis,
    DisclosureKind,
    RepresentativeType,
)
from casework.models import (
    Case,
    ComplaintCategory,
    ContactRestriction,
    Disclosure,
    Person,
    ReasonableAdjustment,
    SensitiveDataView,
    TimelineEntry,
)
from casework.process import process_settings
from casework.views.intake import CaseworkPanel
from casework.views.intake.log import SESSION_KEY, LogCaseView, months_before
from tests.factories import CaseFactory, PersonFactory, UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db

LOG = reverse("intake:log")


def staff(*groups: str, **fields):
    user = UserFactory(**fields)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def signed_in(client, user):
    login_verified(client, user)
    return client


def person_url(person) -> str:
    return reverse("intake:person", args=[person.pk])


def action_url(person, action: str) -> str:
    return reverse("intake:person_action", args=[person.pk, action])


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def form_token(client) -> str:
    response = client.get(LOG)
    assert response.status_code == 200
    return response.context["form"].initial["form_token"]


def phone_complaint(**overrides) -> dict:
    data = {
        "channel": Channel.PHONE,
        "kind": CaseKind.COMPLAINT,
        "description": "Nobody came to fix the boiler after three calls.",
        "outcome_wanted": "A working boiler this week.",
        "resident_name": "Ada Lovelace",
        "resident_email": "ada@example.net",
        "resident_phone": "07700 900456",
        "resident_postcode": "ex1 2ab",
        "preferred_contact_method": "phone",
        "preferred_language": "en-gb",
        "update_frequency": "weekly",
    }
    data.update(overrides)
    return data


@pytest.fixture
def officer():
    return staff("Complaints officer", first_name="Olu", last_name="Officer")


@pytest.fixture
def officer_client(client, officer):
    return signed_in(client, officer)


def log(client, **overrides):
    return client.post(LOG, {**phone_complaint(**overrides), "form_token": form_token(client)})


# Logging a case


def test_a_phone_complaint_is_logged_with_its_clock_and_opens_its_page(demo_site, officer_client):
    response = log(officer_client, urgent="on", choice_offered="on")

    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/cases/{case.pk}/"
    assert case.reference.startswith("CMP-")
    assert case.kind == CaseKind.COMPLAINT
    assert case.channel == Channel.PHONE
    assert case.status == CaseStatus.LOGGED
    assert case.urgent
    assert case.resident.full_name == "Ada Lovelace"
    assert case.resident.postcode == "EX1 2AB"
    assert case.resident.update_frequency == "weekly"
    stage = case.stage(1)
    assert stage.acknowledgement_due_on > timezone.localdate()
    assert case.created_by.first_name == "Olu"
    [success] = messages_of(response)
    assert case.reference in success
    assert f"{stage.acknowledgement_due_on:%B %Y}" in success
    assert case.timeline.filter(event="complaint_choice_offered").exists()


def test_missing_answers_are_explained_and_what_was_typed_is_kept(demo_site, officer_client):
    response = officer_client.post(
        LOG,
        {
            "form_token": form_token(officer_client),
            "channel": Channel.LETTER,
            "kind": CaseKind.COMPLAINT,
            "outcome_wanted": "An apology from the repairs team.",
            "resident_phone": "07700 900789",
        },
    )

    assert response.status_code == 200
    assert not Case.objects.exists()
    html = response.content.decode()
    assert escape("Record what happened, in the person's own words.") in html
    assert escape("Enter the resident's name.") in html
    assert "An apology from the repairs team." in html
    assert 'value="07700 900789"' in html

    # A form error (not the service's) is shown next to its field too.
    response = officer_client.post(
        LOG, {**phone_complaint(kind=""), "form_token": form_token(officer_client)}
    )
    assert "Choose what the person wants." in response.content.decode()
    assert 'value="Ada Lovelace"' in response.content.decode()
    assert not Case.objects.exists()


def test_a_councillor_acting_for_the_resident_has_deemed_consent(demo_site, officer_client):
    log(
        officer_client,
        representative_name="Cllr Jo Bloggs",
        representative_type=RepresentativeType.COUNCILLOR,
        representative_email="jo.bloggs@council.example",
    )

    case = Case.objects.get()
    assert case.representative.full_name == "Cllr Jo Bloggs"
    assert case.representative_type == RepresentativeType.COUNCILLOR
    assert case.consent_basis == ConsentBasis.DEEMED


def test_a_solicitor_without_consent_on_file_awaits_it(demo_site, officer_client):
    log(
        officer_client,
        representative_name="Sam Solicitor",
        representative_type=RepresentativeType.SOLICITOR,
        representative_phone="020 7946 0000",
        consent_recorded="no",
    )
    assert Case.objects.get().consent_basis == ConsentBasis.AWAITING


def test_a_double_submit_logs_one_case(demo_site, officer_client):
    data = {**phone_complaint(), "form_token": form_token(officer_client)}

    first = officer_client.post(LOG, data)
    second = officer_client.post(LOG, data)

    case = Case.objects.get()
    assert first["Location"] == second["Location"] == f"/admin/cases/{case.pk}/"
    assert officer_client.session[SESSION_KEY][data["form_token"]] == case.pk


def test_a_simultaneous_second_submit_goes_to_the_case_the_first_made(
    demo_site, officer_client, settings
):
    # The session is saved at the end of a request, so a POST arriving while the first is
    # still running cannot see the token used; the shared cache claim catches it.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    token = form_token(officer_client)
    first = CaseFactory()
    cache.set(LogCaseView.claim_key(token), first.pk)

    response = officer_client.post(LOG, {**phone_complaint(), "form_token": token})

    assert response["Location"] == f"/admin/cases/{first.pk}/"
    assert Case.objects.count() == 1
    assert officer_client.session[SESSION_KEY][token] == first.pk


def test_a_form_without_a_valid_token_logs_nothing(demo_site, officer_client):
    response = officer_client.post(LOG, {**phone_complaint(), "form_token": "made-up"})
    assert response.status_code == 200
    assert not Case.objects.exists()
    assert "This form has expired" in response.content.decode()
    assert 'value="Ada Lovelace"' in response.content.decode()


def test_a_service_request_has_no_stages(demo_site, officer_client):
    log(officer_client, kind=CaseKind.SERVICE_REQUEST, channel=Channel.EMAIL)

    case = Case.objects.get()
    assert case.kind == CaseKind.SERVICE_REQUEST
    assert case.reference.startswith("SR-")
    assert case.status == CaseStatus.OPEN
    assert not case.stages.exists()


def test_an_old_issue_is_warned_about_but_never_refused(demo_site, officer_client):
    months = process_settings().exclusion_period_months
    old = months_before(timezone.localdate(), months + 2)

    response = log(officer_client, issue_month=str(old.month), issue_year=str(old.year))

    case = Case.objects.get()
    assert case.issue_date == old.replace(day=1)
    assert case.status == CaseStatus.LOGGED
    warnings = [m for m in messages_of(response) if "decide on the facts" in m]
    assert len(warnings) == 1
    assert f"more than {months} months" in warnings[0]
    assert case.timeline.filter(event="time_limit_warning").exists()


def test_a_recent_issue_gets_no_warning(demo_site, officer_client):
    recent = timezone.localdate().replace(day=1)
    response = log(officer_client, issue_month=str(recent.month), issue_year=str(recent.year))
    assert not [m for m in messages_of(response) if "decide on the facts" in m]


def test_month_without_year_is_explained(demo_site, officer_client):
    response = log(officer_client, issue_month="3")
    assert "Enter the year as well as the month." in response.content.decode()
    assert not Case.objects.exists()


def test_an_existing_person_can_be_found_and_chosen(demo_site, officer_client):
    known = PersonFactory(full_name="Grace Hopper", email="grace@example.net", postcode="EX9 9ZZ")
    token = form_token(officer_client)
    data = phone_complaint(resident_name="", resident_email="", person_search="ex99zz")

    found = officer_client.post(LOG, {**data, "form_token": token, "find_person": "1"})
    assert found.status_code == 200
    assert "Grace Hopper (grace@example.net, EX9 9ZZ)" in found.content.decode()
    assert "Nobody came to fix the boiler after three calls." in found.content.decode()
    assert "This field is required" not in found.content.decode()
    assert not Case.objects.exists()

    officer_client.post(LOG, {**data, "form_token": token, "existing_person": known.pk})
    assert Case.objects.get().resident == known
    assert Person.objects.count() == 1


def test_staff_named_and_category_are_recorded(demo_site, officer_client):
    damp = ComplaintCategory.objects.create(name="Damp and mould")
    named = staff("Investigator", first_name="Nia", last_name="Named")
    log(officer_client, category=damp.pk, staff_complained_about=[named.pk])
    case = Case.objects.get()
    assert case.category == damp
    assert list(case.staff_complained_about.all()) == [named]


def test_comms_editors_cannot_log_cases_or_see_the_menu_item(demo_site, client):
    signed_in(client, staff("Comms editor"))
    assert client.get(LOG).status_code == 403
    assert client.post(LOG, phone_complaint()).status_code == 403
    assert not Case.objects.exists()
    assert f'href="{LOG}"' not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_customer_services_see_the_menu_item(demo_site, client):
    signed_in(client, staff("Customer services"))
    assert f'href="{LOG}"' in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(LOG).status_code == 200


# The person page


@pytest.fixture
def person_with_sensitive_data(officer):
    investigator = staff("Investigator", first_name="Ida", last_name="Handler")
    case = CaseFactory(acknowledged=True, handler=investigator)
    person = case.resident
    services.adjustment_record(
        person=person,
        actor=officer,
        kind=AdjustmentKind.LARGE_PRINT,
        detail="Letters in 18 point.",
        agreed_on=dt.date(2025, 1, 6),
        next_review_on=dt.date(2025, 7, 6),
    )
    services.disclosure_record(
        person=person,
        actor=officer,
        kind=DisclosureKind.DISABILITY,
        detail="Sight loss.",
        disclosed_on=dt.date(2025, 1, 6),
    )
    return {"person": person, "case": case, "investigator": investigator}


def test_customer_services_do_not_see_sensitive_data(demo_site, client, person_with_sensitive_data):
    person = person_with_sensitive_data["person"]
    signed_in(client, staff("Customer services"))

    html = client.get(person_url(person)).content.decode()

    assert "Letters in 18 point." not in html
    assert "Sight loss." not in html
    assert "Hidden: only handlers of this person's cases can see this." in html
    assert person_with_sensitive_data["case"].reference in html
    assert "never stops a complaint being logged" in html
    assert not SensitiveDataView.objects.exists()
    # Nor may they end an adjustment, which would show it.
    assert client.get(action_url(person, "end-adjustment")).status_code == 403


def test_the_handler_sees_sensitive_data_and_the_view_is_logged(
    demo_site, client, person_with_sensitive_data
):
    person = person_with_sensitive_data["person"]
    investigator = person_with_sensitive_data["investigator"]
    signed_in(client, investigator)

    html = client.get(person_url(person)).content.decode()

    assert "Letters in 18 point." in html
    assert "Sight loss." in html
    view = SensitiveDataView.objects.get()
    assert (view.person, view.viewed_by, view.where) == (person, investigator, "person page")
    # The log of views is for complaints officers only.
    assert "Who has seen their adjustments" not in html


def test_complaints_officers_see_who_viewed_sensitive_data(
    demo_site, client, officer, person_with_sensitive_data
):
    person = person_with_sensitive_data["person"]
    services.sensitive_data_viewed(
        person=person, user=person_with_sensitive_data["investigator"], where="case CMP-1"
    )
    signed_in(client, officer)

    html = client.get(person_url(person)).content.decode()

    assert "Who has seen their adjustments" in html
    assert "Ida Handler" in html
    assert "case CMP-1" in html
    assert "Olu Officer" in html  # this very view, logged before the list is read


def test_people_without_casework_permission_cannot_open_a_person(demo_site, client):
    person = PersonFactory()
    signed_in(client, staff("Comms editor"))
    assert client.get(person_url(person)).status_code == 404


def test_adding_an_adjustment(demo_site, officer_client):
    person = PersonFactory()
    url = action_url(person, "adjustment")

    refused = officer_client.post(
        url,
        {"kind": AdjustmentKind.OTHER, "agreed_on": "2025-03-03", "next_review_on": "2025-02-01"},
    )
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Describe the adjustment." in html
    assert "The review date must be after the date it was agreed." in html
    assert not ReasonableAdjustment.objects.exists()

    done = officer_client.post(
        url,
        {
            "kind": AdjustmentKind.EASY_READ,
            "detail": "Easy read letters.",
            "agreed_on": "2025-03-03",
            "next_review_on": "2025-09-03",
        },
    )
    assert done["Location"] == person_url(person)
    adjustment = ReasonableAdjustment.objects.get()
    assert (adjustment.person, adjustment.kind) == (person, AdjustmentKind.EASY_READ)

    ended = officer_client.post(action_url(person, "end-adjustment"), {"adjustment": adjustment.pk})
    assert ended.status_code == 302
    adjustment.refresh_from_db()
    assert adjustment.status == AdjustmentStatus.ENDED


def test_adding_a_disclosure(demo_site, officer_client):
    person = PersonFactory()
    url = action_url(person, "disclosure")

    refused = officer_client.post(url, {"kind": "", "detail": "", "disclosed_on": "2025-03-03"})
    assert "Choose disability or vulnerability." in refused.content.decode()
    assert "Record what the person told us." in refused.content.decode()
    assert not Disclosure.objects.exists()

    officer_client.post(
        url,
        {
            "kind": DisclosureKind.VULNERABILITY,
            "detail": "Recently bereaved.",
            "disclosed_on": "2025-03-03",
        },
    )
    assert Disclosure.objects.get().detail == "Recently bereaved."


def test_adding_a_contact_restriction(demo_site, officer_client):
    person = PersonFactory()
    url = action_url(person, "restriction")
    data = {
        "restriction": "Contact by email to one named officer only.",
        "reason": "Repeated abusive calls to the repairs line.",
        "equality_act_considerations": "",
        "starts_on": "2025-03-03",
        "review_on": "2025-06-03",
    }

    refused = officer_client.post(url, data)
    assert "Equality Act 2010 was considered" in refused.content.decode()
    assert "Repeated abusive calls to the repairs line." in refused.content.decode()
    assert not ContactRestriction.objects.exists()

    data["equality_act_considerations"] = "No disability disclosed; email suits the resident."
    assert officer_client.post(url, data).status_code == 302
    restriction = ContactRestriction.objects.get()
    assert restriction.person == person
    html = officer_client.get(person_url(person)).content.decode()
    assert "Repeated abusive calls to the repairs line." in html


def test_only_complaints_officers_add_contact_restrictions(demo_site, client):
    person = PersonFactory()
    signed_in(client, staff("Customer services"))
    assert client.get(action_url(person, "restriction")).status_code == 403


def test_changing_contact_details_is_written_on_each_open_case(demo_site, officer_client):
    case = CaseFactory()
    person = case.resident
    closed = CaseFactory(resident=person)
    services.case_withdraw(case=closed, reason="Sorted")
    data = {
        "full_name": person.full_name,
        "email": "new.address@example.net",
        "phone": person.phone,
        "postal_address": person.postal_address,
        "postcode": person.postcode,
        "organisation": "",
        "preferred_contact_method": "email",
        "preferred_language": "en-gb",
        "update_frequency": "monthly",
    }

    response = officer_client.post(action_url(person, "details"), data)

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.email, person.update_frequency) == ("new.address@example.net", "monthly")
    assert case.timeline.filter(event="contact_details_updated").count() == 1
    assert not closed.timeline.filter(event="contact_details_updated").exists()

    refused = officer_client.post(
        action_url(person, "details"), {**data, "email": "", "preferred_contact_method": "email"}
    )
    assert "record an email address too" in refused.content.decode()


# The dashboard panel


def render_panel(rf, user) -> tuple[str, int]:
    # A fresh user, as each request has: no permissions cached from an earlier render.
    user = type(user).objects.get(pk=user.pk)
    request = rf.get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html = CaseworkPanel(user).render_html({"request": request})
    return html, len(queries)


def days_ago(n: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=n)


def test_the_panel_shows_my_cases_overdue_and_adjustment_reviews(demo_site, client, officer):
    mine = CaseFactory(acknowledged=True, handler=officer)
    overdue = CaseFactory(received_at=days_ago(30))
    person = PersonFactory(full_name="Rita Review")
    services.adjustment_record(
        person=person,
        actor=officer,
        kind=AdjustmentKind.BRAILLE,
        detail="Braille letters.",
        agreed_on=timezone.localdate() - dt.timedelta(days=200),
        next_review_on=timezone.localdate() - dt.timedelta(days=1),
    )
    signed_in(client, officer)

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "My cases (1)" in html
    assert f'href="/admin/cases/{mine.pk}/"' in html
    assert "Overdue (1)" in html
    assert overdue.reference in html
    assert "Adjustments to review (1)" in html
    assert "Rita Review" in html
    assert "Braille" not in html  # what the adjustment is stays on the person's page
    assert not SensitiveDataView.objects.exists()


def test_the_panel_lists_what_falls_due_in_the_next_five_working_days(demo_site, rf, officer):
    """On Wednesday 2 December 2026 the next five working days end on Wednesday 9 December.
    A complaint received on Friday 27 November is due for acknowledgement on Friday 4 December
    (30 Nov, 1-4 Dec): listed. One acknowledged today is due for its answer ten working days
    later, on 16 December: not listed."""
    import time_machine

    with time_machine.travel(dt.datetime(2026, 12, 2, 10, tzinfo=dt.UTC), tick=False):
        soon = CaseFactory(received_at=dt.datetime(2026, 11, 27, 10, tzinfo=dt.UTC))
        later = CaseFactory(acknowledged=True)
        html, _queries = render_panel(rf, officer)
    due = html.split('id="casework-due"', 1)[1].split('id="casework-adjustments"', 1)[0]
    assert "Due in the next five working days, by Wednesday 9 December (1)" in due
    assert soon.reference in due and "4 Dec 2026" in due
    assert later.reference not in due


def test_the_panel_hides_adjustment_reviews_from_customer_services(demo_site, client, officer):
    services.adjustment_record(
        person=PersonFactory(full_name="Rita Review"),
        actor=officer,
        kind=AdjustmentKind.BRAILLE,
        detail="",
        agreed_on=timezone.localdate() - dt.timedelta(days=200),
        next_review_on=timezone.localdate(),
    )
    signed_in(client, staff("Customer services"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Overdue (0)" in html
    assert "Adjustments to review" not in html
    assert "Rita Review" not in html


def test_the_panel_is_not_shown_to_comms_editors(demo_site, client):
    signed_in(client, staff("Comms editor"))
    assert "My cases" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_panel_runs_a_fixed_number_of_queries(demo_site, rf, officer):
    # One of each list, so each list's prefetches run in both renders.
    CaseFactory(acknowledged=True, handler=officer)
    CaseFactory(received_at=days_ago(30))
    CaseFactory(received_at=days_ago(1))
    _, few = render_panel(rf, officer)
    for _n in range(3):
        CaseFactory(acknowledged=True, handler=officer)
        CaseFactory(received_at=days_ago(30))
        CaseFactory(received_at=days_ago(1))
    html, many = render_panel(rf, officer)
    assert "My cases (4)" in html
    assert many == few


# Categories


def test_complaints_officers_keep_the_category_list(demo_site, officer_client):
    ComplaintCategory.objects.create(name="Repairs")
    url = reverse("wagtailsnippets_casework_complaintcategory:list")
    response = officer_client.get(url)
    assert response.status_code == 200
    assert "Repairs" in response.content.decode()

    officer_client.post(
        reverse("wagtailsnippets_casework_complaintcategory:add"),
        {"name": "Anti-social behaviour", "ombudsman_scheme": "housing", "active": "on"},
    )
    assert ComplaintCategory.objects.filter(name="Anti-social behaviour", active=True).exists()


def test_only_categories_in_use_are_offered(demo_site, officer_client):
    ComplaintCategory.objects.create(name="Old category", active=False)
    ComplaintCategory.objects.create(name="Repairs")
    html = officer_client.get(LOG).content.decode()
    assert "Repairs" in html
    assert "Old category" not in html


def test_timeline_entries_are_written_by_the_log(demo_site, officer_client):
    log(officer_client)
    events = list(TimelineEntry.objects.values_list("event", flat=True))
    assert events == ["logged"]


def test_a_category_used_by_cases_is_not_deleted(demo_site, officer_client):
    repairs = ComplaintCategory.objects.create(name="Repairs")
    CaseFactory(category=repairs)
    url = reverse("wagtailsnippets_casework_complaintcategory:delete", args=[repairs.pk])

    response = officer_client.post(url)

    assert response.status_code == 302
    assert ComplaintCategory.objects.filter(pk=repairs.pk).exists()
    assert any("Untick “in use” instead" in m for m in messages_of(response))


def test_categories_can_be_searched(demo_site, officer_client):
    ComplaintCategory.objects.create(name="Repairs")
    ComplaintCategory.objects.create(name="Noise")
    url = reverse("wagtailsnippets_casework_complaintcategory:list")
    html = officer_client.get(url, {"q": "Rep"}).content.decode()
    assert "Repairs" in html
    assert "Noise" not in html
