"""The data protection screens, through the Django test client with staff signed in with their
second factor: only the "Data protection" group finds people and answers requests; legal holds
are for complaints officers too; the case page says when a closed case's personal data goes."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import empty

from casework import services
from casework.choices import DisclosureKind
from casework.data_protection.retention import removal_date, retention_apply
from casework.models import (
    DataProtectionRequest,
    LegalHold,
    Person,
    RetentionRun,
    SensitiveDataView,
    private_storage,
)
from casework.process import process_settings
from tests.factories import CaseFactory, PersonFactory, UserFactory
from tests.portal.twofactor_helpers import login_verified
from tests.support.files import PDF

pytestmark = pytest.mark.django_db

INDEX = reverse("data_protection:index")


@pytest.fixture(autouse=True)
def _private_storage_in_tmp(settings):
    private_storage._wrapped = empty
    yield
    private_storage._wrapped = empty


def staff(*groups):
    user = UserFactory(first_name="Dee", last_name="Protector")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def dpo():
    return staff("Data protection")


@pytest.fixture
def dpo_client(client, dpo):
    login_verified(client, dpo)
    return client


def closed_case(**kwargs):
    case = CaseFactory(responded=True, **kwargs)
    services.case_close(case=case, actor=UserFactory())
    case.refresh_from_db()
    return case


def test_the_group_has_the_permission_and_the_admin():
    group = Group.objects.get(name="Data protection")
    codes = set(group.permissions.values_list("codename", flat=True))
    assert {"handle_data_protection", "access_admin"} <= codes


@pytest.mark.parametrize("group", ["Complaints officer", "Investigator", "Customer services"])
def test_only_the_data_protection_group_finds_people(client, group):
    login_verified(client, staff(group))
    for url in [INDEX, reverse("data_protection:requests"), reverse("data_protection:runs")]:
        assert client.get(url).status_code == 403
    person = PersonFactory()
    assert client.get(reverse("data_protection:export", args=[person.pk])).status_code == 403


def test_without_the_second_factor_nothing_opens(client, dpo):
    client.force_login(dpo)
    response = client.get(INDEX)
    assert response.status_code == 302 and "Find a person" not in response.content.decode()


def test_people_are_found_and_listed_a_page_at_a_time_in_fixed_queries(
    dpo_client, django_assert_max_num_queries
):
    CaseFactory(resident=PersonFactory(full_name="Alys Jones"))
    with django_assert_max_num_queries(60) as few:
        response = dpo_client.get(INDEX, {"q": "jones"})
    assert response.status_code == 200
    assert [p.full_name for p in response.context["page"].object_list] == ["Alys Jones"]
    for n in range(30):
        CaseFactory(resident=PersonFactory(full_name=f"Bryn Jones {n:02d}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = dpo_client.get(INDEX, {"q": "jones"})
    assert len(response.context["page"].object_list) == 25
    assert response.context["page"].paginator.count == 31
    assert "p=2" in response.content.decode()


def test_the_export_downloads_as_a_zip_and_logs_reading_disclosures(dpo_client, dpo):
    case = CaseFactory()
    services.disclosure_record(
        person=case.resident,
        actor=dpo,
        kind=DisclosureKind.DISABILITY,
        detail="Hearing loss.",
        disclosed_on=timezone.localdate(),
    )
    page = dpo_client.get(reverse("data_protection:person", args=[case.resident.pk]))
    assert case.reference in page.content.decode()
    response = dpo_client.get(reverse("data_protection:export", args=[case.resident.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "Hearing loss." in archive.read("index.html").decode()
    view = SensitiveDataView.objects.get(person=case.resident)
    assert view.viewed_by == dpo and view.where == "subject access export"


def test_a_correction_is_saved_and_kept_on_the_timeline(dpo_client, dpo):
    case = closed_case()
    person = case.resident
    url = reverse("data_protection:rectify", args=[person.pk])
    assert dpo_client.get(url).status_code == 200
    response = dpo_client.post(
        url,
        {
            "full_name": person.full_name,
            "email": "right@example.net",
            "phone": person.phone,
            "postal_address": person.postal_address,
            "postcode": person.postcode,
            "organisation": "",
            "preferred_contact_method": "email",
            "preferred_language": "en-gb",
            "update_frequency": person.update_frequency,
            "request": "",
        },
    )
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).email == "right@example.net"
    entry = case.timeline.get(event="personal_data_rectified")
    assert person.email in entry.summary and entry.actor == dpo


def test_erasure_says_why_not_while_a_case_is_open_and_erases_when_nothing_keeps_it(
    dpo_client,
):
    open_case = CaseFactory()
    url = reverse("data_protection:erase", args=[open_case.resident.pk])
    page = dpo_client.get(url).content.decode()
    assert f"{open_case.reference} is still open" in page
    dpo_client.post(url)
    assert Person.objects.get(pk=open_case.resident_id).full_name

    done = closed_case()
    url = reverse("data_protection:erase", args=[done.resident.pk])
    assert "Erase their data" in dpo_client.get(url).content.decode()
    dpo_client.post(url)
    assert Person.objects.get(pk=done.resident_id).full_name == ""


def test_requests_are_recorded_with_their_clock_and_answered(dpo_client):
    url = reverse("data_protection:requests")
    person = PersonFactory()
    response = dpo_client.post(
        url,
        {
            "kind": "access",
            "requester_name": "Ann Example",
            "requester_email": "ann@example.net",
            "received_on": "2026-01-31",
            "person": person.pk,
        },
    )
    assert response.status_code == 302
    request = DataProtectionRequest.objects.get()
    assert request.due_on.isoformat() == "2026-02-28" and request.person == person
    page = dpo_client.get(url).content.decode()
    assert "28 February 2026" in page and "Overdue" in page
    dpo_client.post(
        reverse("data_protection:request_complete", args=[request.pk]),
        {"outcome": "Export sent by secure email."},
    )
    request.refresh_from_db()
    assert request.completed_on and request.outcome == "Export sent by secure email."
    refused = dpo_client.post(url, {"kind": "", "requester_name": "", "received_on": ""})
    assert refused.status_code == 200 and "There is a problem" in refused.content.decode()


def test_each_retention_run_is_listed_with_its_counts(dpo_client):
    retention_apply(dry_run=True)
    page = dpo_client.get(reverse("data_protection:runs")).content.decode()
    assert "Dry run: nothing removed" in page
    assert RetentionRun.objects.count() == 1


def test_a_complaints_officer_holds_a_case_and_the_case_page_says_when_its_data_goes(client):
    officer = staff("Complaints officer")
    login_verified(client, officer)
    case = closed_case()
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    date = removal_date(case.closed_at, process_settings().record_retention_years)
    assert f"Personal data on this case will be removed on {date:%-d %B %Y}." in page
    hold_url = reverse("data_protection:hold", args=[case.pk])
    assert hold_url in page
    refused = client.post(hold_url, {"kind": "", "reason": ""})
    assert "Say why the case must be kept." in refused.content.decode()
    client.post(hold_url, {"kind": "litigation", "reason": "Claim expected."})
    hold = LegalHold.objects.get(case=case)
    assert hold.set_by == officer
    assert case.timeline.filter(event="legal_hold_set", actor=officer).exists()
    page = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "but the personal data is kept while" in page and "Claim expected." in page
    client.post(hold_url, {"lift": hold.pk})
    assert LegalHold.objects.active().count() == 0


def test_investigators_cannot_hold_cases(client):
    login_verified(client, staff("Investigator"))
    case = CaseFactory()
    assert client.get(reverse("data_protection:hold", args=[case.pk])).status_code == 403


def test_the_page_of_an_erased_case_opens_and_its_files_are_gone(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from casework.data_protection.erasure import case_erase

    officer = staff("Complaints officer")
    login_verified(client, officer)
    case = closed_case()
    services.correspondence_record_with_documents(
        case=case,
        actor=officer,
        direction="in",
        channel="letter",
        correspondent="The resident",
        body="A photo.",
        files=[SimpleUploadedFile("photo.pdf", PDF)],
    )
    document = case.documents.get()
    case_erase(case=case, why="retention")
    page = client.get(reverse("cases:detail", args=[case.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "File removed with the personal data on this case" in html
    assert "The personal data on this case was removed on" in html
    download = client.get(reverse("cases:document", args=[case.pk, document.pk]))
    assert download.status_code == 404
