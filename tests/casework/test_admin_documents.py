"""Correspondence with attached files on the case page, and downloading them.

Files are checked by what they contain and their size before anything is written; they go to
private storage, never the public media folder, and only those who may see the case can
download them, always as an attachment."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.functional import empty

from casework import services
from casework.choices import Visibility
from casework.models import CaseDocument, Correspondence, private_storage
from casework.services import TransitionRefused
from tests.casework.test_admin_cases import action_url, detail_url, signed_in, staff
from tests.factories import CaseFactory, UserFactory
from tests.support.files import PDF, PNG

pytestmark = pytest.mark.django_db


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    # The browser's word for the type is never trusted: it is the file's first bytes that count.
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def letter(**extra) -> dict:
    return {
        "direction": "in",
        "channel": "letter",
        "correspondent": "The resident",
        "body": "A letter with a surveyor's report and a photo.",
        **extra,
    }


def document_url(case, document) -> str:
    return reverse("cases:document", args=[case.pk, document.pk])


@pytest.fixture(autouse=True)
def _private_storage_in_tmp(settings):
    # The storage reads its folder once; make it read this test's own (tests/conftest.py).
    private_storage._wrapped = empty
    yield
    private_storage._wrapped = empty


@pytest.fixture
def officer():
    return UserFactory(is_superuser=True, first_name="Olu", last_name="Officer")


@pytest.fixture
def officer_client(client, officer):
    return signed_in(client, officer)


def test_the_form_asks_for_files_and_who_can_see_them(officer_client):
    case = CaseFactory()
    html = officer_client.get(action_url(case, "correspondence")).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" name="files"' in html
    assert "multiple" in html
    assert "Up to 5 files, each smaller than 10MB: JPG, PNG, HEIC or PDF." in html
    assert "Who can see the attached files" in html


def test_files_go_to_private_storage_linked_to_the_correspondence(
    officer_client, officer, settings
):
    case = CaseFactory()
    response = officer_client.post(
        action_url(case, "correspondence"),
        letter(
            files=[upload("C:\\Scans\\report.pdf", PDF), upload("ceiling.png", PNG)],
            visibility=Visibility.RESIDENT,
        ),
    )
    assert response.status_code == 302
    item = Correspondence.objects.get(case=case)
    documents = list(item.documents.order_by("original_name"))
    assert [(d.original_name, d.content_type, d.size) for d in documents] == [
        ("ceiling.png", "image/png", len(PNG)),
        ("report.pdf", "application/pdf", len(PDF)),
    ]
    for document in documents:
        assert (document.case, document.uploaded_by) == (case, officer)
        assert document.visibility == Visibility.RESIDENT
        assert document.file.storage is private_storage
        stored = Path(document.file.path)
        assert stored.is_file() and stored.is_relative_to(settings.REDRESS_PRIVATE_MEDIA_ROOT)
        assert not stored.is_relative_to(settings.MEDIA_ROOT)
    with documents[1].file.open("rb") as handle:
        assert handle.read() == PDF


def test_files_are_staff_only_unless_chosen(officer_client):
    case = CaseFactory()
    officer_client.post(action_url(case, "correspondence"), letter(files=[upload("a.pdf", PDF)]))
    assert CaseDocument.objects.get().visibility == Visibility.INTERNAL


@pytest.mark.parametrize(
    "files, message",
    [
        (
            [upload("photo.jpg", b"MZ\x90\x00 a program")],
            "photo.jpg must be a JPG, PNG, HEIC or PDF file.",
        ),
        ([upload("empty.pdf", b"")], "empty.pdf is empty."),
        ([upload("huge.pdf", PDF + b"\x00" * 2000)], "huge.pdf must be smaller than 2.0"),
        ([upload(f"{n}.pdf", PDF) for n in range(3)], "You can attach up to 2 files at a time."),
    ],
)
def test_a_file_that_is_not_accepted_is_refused_and_nothing_is_written(
    officer_client, settings, files, message
):
    settings.REDRESS_UPLOAD_MAX_BYTES = 2048
    settings.REDRESS_UPLOAD_MAX_FILES = 2
    case = CaseFactory()
    response = officer_client.post(action_url(case, "correspondence"), letter(files=files))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "A letter with a surveyor&#x27;s report and a photo." in html  # what was typed stays
    assert not Correspondence.objects.exists()
    assert not CaseDocument.objects.exists()
    private = settings.REDRESS_PRIVATE_MEDIA_ROOT
    assert not private.exists() or not any(p.is_file() for p in private.rglob("*"))


def test_the_service_says_everything_that_is_wrong_at_once(officer):
    case = CaseFactory()
    with pytest.raises(TransitionRefused) as refused:
        services.correspondence_record_with_documents(
            case=case,
            actor=officer,
            direction="in",
            channel="letter",
            correspondent="The resident",
            body="",
            files=[upload("notes.txt", b"plain text")],
            visibility="everyone",
        )
    assert refused.value.problems == [
        "Record what was said or written.",
        "notes.txt must be a JPG, PNG, HEIC or PDF file. We check what is inside a file, not "
        "just its name, and this file is something else.",
        "Say who can see the attached files.",
    ]
    assert not Correspondence.objects.exists()
    assert not case.timeline.filter(event__startswith="correspondence").exists()


def test_the_service_records_correspondence_without_files(officer):
    case = CaseFactory()
    item = services.correspondence_record_with_documents(
        case=case, actor=officer, **letter(direction="out", channel="email")
    )
    assert item.direction == "out"
    assert not item.documents.exists()
    assert case.timeline.filter(event="correspondence_out").exists()


@pytest.fixture
def case_with_files(officer):
    case = CaseFactory()
    item = services.correspondence_record_with_documents(
        case=case,
        actor=officer,
        files=[upload("report.pdf", PDF)],
        visibility=Visibility.RESIDENT,
        **letter(),
    )
    return case, item.documents.get()


def test_the_case_page_links_each_file_to_its_download(officer_client, case_with_files):
    case, document = case_with_files
    html = officer_client.get(detail_url(case)).content.decode()
    link = f'<a href="{document_url(case, document)}" download>report.pdf</a>'
    assert html.count(link) == 2  # with its letter, and in the list of files
    assert "resident can see" in html


def test_staff_download_a_file_as_an_attachment(officer_client, case_with_files):
    case, document = case_with_files
    response = officer_client.get(document_url(case, document))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF


def test_only_those_who_may_see_the_case_download_its_files(client, case_with_files):
    case, document = case_with_files
    # An investigator sees only the cases they handle; comms editors see no case at all.
    investigator = UserFactory()
    investigator.user_permissions.add(
        Permission.objects.get(content_type__app_label="casework", codename="work_assigned_case"),
        Permission.objects.get(codename="access_admin"),
    )
    for user in [investigator, staff("Comms editor")]:
        signed_in(client, user)
        assert client.get(document_url(case, document)).status_code == 404
    # Customer services read every case, so they may read its files too.
    signed_in(client, staff("Customer services"))
    assert client.get(document_url(case, document)).status_code == 200


def test_a_file_is_reached_only_through_its_own_case(officer_client, case_with_files):
    _, document = case_with_files
    other = CaseFactory()
    assert officer_client.get(document_url(other, document)).status_code == 404


def test_a_file_missing_from_storage_is_not_found(officer_client, case_with_files):
    case, document = case_with_files
    document.file.delete(save=False)
    assert officer_client.get(document_url(case, document)).status_code == 404


def test_the_case_page_takes_the_same_queries_for_1_or_13_files(
    officer_client, officer, django_assert_num_queries
):
    case = CaseFactory()
    services.correspondence_record_with_documents(
        case=case, actor=officer, files=[upload("one.pdf", PDF)], **letter()
    )
    officer_client.get(detail_url(case))  # caches warmed (settings, the session)
    with CaptureQueriesContext(connection) as few:
        officer_client.get(detail_url(case))
    for n in range(4):
        services.correspondence_record_with_documents(
            case=case,
            actor=officer,
            files=[upload(f"{n}-{m}.pdf", PDF) for m in range(3)],
            **letter(),
        )
    with django_assert_num_queries(len(few.captured_queries)):
        response = officer_client.get(detail_url(case))
    assert response.content.decode().count(" download>") == 2 * 13
