"""Subject access (UK GDPR article 15): finding a person across cases and exporting everything
held about them. The export of a demo resident holds every case and file of theirs, nothing of
another resident's, marks what is about someone else for review, and logs the reading of their
disclosures like any other view (Code 5.10)."""

import datetime as dt
import io
import zipfile

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils.functional import empty

from casework import services
from casework.choices import AdjustmentKind, CaseKind, DisclosureKind
from casework.data_protection.subject_access import (
    export_write,
    people_search,
    subject_people,
)
from casework.models import Case, CaseDocument, Person, SensitiveDataView, private_storage
from casework.process import process_settings, working_calendar
from casework.selectors import today
from casework.services import PersonDetails
from portal.demo.cases import demo_cases_generate
from tests.factories import UserFactory
from tests.support.files import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _private_storage_in_tmp(settings):
    private_storage._wrapped = empty
    yield
    private_storage._wrapped = empty


def attach(case, officer, name: str, correspondent: str):
    services.correspondence_record_with_documents(
        case=case,
        actor=officer,
        direction="in",
        channel="email",
        correspondent=correspondent,
        body=f"Photos from {correspondent}.",
        files=[SimpleUploadedFile(name, PDF + name.encode())],
    )


@pytest.fixture
def demo(demo_site):
    """The demo landlord's made-up cases; one resident has two complaints, a representative on
    one of them, files on both, an adjustment and a disclosure; another resident has a file."""
    officer = UserFactory(first_name="Olu", last_name="Officer")
    demo_cases_generate(
        officer=officer,
        calendar=working_calendar(process_settings()),
        today=today(),
        count=30,
    )
    cases = list(Case.objects.filter(kind=CaseKind.COMPLAINT).order_by("pk"))
    first, other = cases[0], cases[1]
    subject = first.resident
    second = services.case_log(
        kind=CaseKind.COMPLAINT,
        channel="phone",
        description="The communal door has been broken for a month.",
        resident=subject,
        representative=PersonDetails(full_name="Gwen Helper", email="gwen.helper@example.org"),
        representative_type="family_or_carer",
        consent_recorded=True,
        consent_evidence="Signed form.",
        actor=officer,
    )
    attach(first, officer, "leak-photo.pdf", subject.full_name)
    attach(second, officer, "door-photo.pdf", "Gwen Helper")
    attach(other, officer, "other-resident.pdf", other.resident.full_name)
    services.adjustment_record(
        person=subject,
        actor=officer,
        kind=AdjustmentKind.LARGE_PRINT,
        detail="Letters in 16 point.",
        agreed_on=dt.date(2026, 1, 5),
        next_review_on=dt.date(2026, 7, 5),
    )
    services.disclosure_record(
        person=subject,
        actor=officer,
        kind=DisclosureKind.DISABILITY,
        detail="Sight loss.",
        disclosed_on=dt.date(2026, 1, 5),
    )
    return {"officer": officer, "subject": subject, "mine": [first, second], "other": other}


def export_zip(people, **kwargs) -> zipfile.ZipFile:
    out = io.BytesIO()
    export_write(people, out, where="test", **kwargs)
    return zipfile.ZipFile(io.BytesIO(out.getvalue()))


def test_the_export_holds_every_case_and_file_of_theirs_and_nothing_of_anyone_else(demo):
    subject, mine, other = demo["subject"], demo["mine"], demo["other"]
    archive = export_zip([subject])
    names = archive.namelist()
    index = archive.read("index.html").decode()

    for case in mine:
        assert case.reference in index
        for document in CaseDocument.objects.filter(case=case):
            paths = [n for n in names if n.startswith(f"files/{case.reference}/")]
            assert any(n.endswith(document.original_name) for n in paths)
            path = next(n for n in paths if n.endswith(document.original_name))
            with document.file.open("rb") as handle:
                assert archive.read(path) == handle.read()
    for case in Case.objects.exclude(pk__in=[c.pk for c in mine]):
        assert case.reference not in index
        assert not any(case.reference in n for n in names)
    assert other.resident.full_name not in index
    assert "other-resident.pdf" not in " ".join(names)
    assert "Sight loss." in index and "Letters in 16 point." in index
    # Emails sent about their cases are in the export, one file each.
    assert any(n.startswith(f"emails/{mine[0].reference}/") for n in names)


def test_other_people_in_the_record_are_marked_for_redaction_review(demo):
    index = export_zip([demo["subject"]]).read("index.html").decode()
    review = index.split("Before sending: check for other people", 1)[1].split("Their details")[0]
    assert "Gwen Helper" in review  # the representative on the second case
    assert "Check before sending:" in index
    assert demo["subject"].full_name not in review


def test_the_pdf_index_has_the_same_cases(demo):
    archive = export_zip([demo["subject"]])
    reader = pypdf.PdfReader(io.BytesIO(archive.read("index.pdf")))
    text = " ".join(page.extract_text() for page in reader.pages)
    for case in demo["mine"]:
        assert case.reference in text


def test_reading_their_disclosures_into_an_export_is_logged(demo):
    officer = demo["officer"]
    export_zip([demo["subject"]], user=officer)
    view = SensitiveDataView.objects.get(person=demo["subject"])
    assert view.viewed_by == officer and view.where == "test"
    # The access log itself is in the next export.
    assert "Olu Officer" in export_zip([demo["subject"]]).read("index.html").decode()


def test_people_are_found_by_name_email_phone_address_or_reference(demo):
    subject = demo["subject"]
    second = demo["mine"][1]
    for query in [
        subject.full_name.split()[-1],
        subject.email.upper(),
        subject.phone.replace(" ", ""),
        subject.postal_address.splitlines()[0],
        subject.postcode,
        demo["mine"][0].reference,
    ]:
        assert subject in people_search(query), query
    assert {p.full_name for p in people_search(second.reference)} == {
        subject.full_name,
        "Gwen Helper",
    }
    assert not people_search("")
    assert not people_search("no such person anywhere")


def test_the_command_writes_the_zip_for_an_email_address(demo, tmp_path):
    subject = demo["subject"]
    out = io.StringIO()
    call_command("subject_access", subject.email, "--output", str(tmp_path / "out"), stdout=out)
    (path,) = (tmp_path / "out").iterdir()
    assert path.suffix == ".zip"
    assert "2 cases" in out.getvalue()
    archive = zipfile.ZipFile(path)
    assert {"index.html", "index.pdf"} <= set(archive.namelist())
    with pytest.raises(CommandError):
        call_command("subject_access", "nobody@example.net", "--output", str(tmp_path))


def test_every_record_of_them_with_the_same_email_is_exported(demo):
    subject = demo["subject"]
    again = Person.objects.create(full_name=subject.full_name, email=subject.email.upper())
    case = services.case_log(
        kind=CaseKind.COMPLAINT,
        channel="email",
        description="The bins were not collected.",
        resident=again,
        actor=demo["officer"],
    )
    index = export_zip(subject_people(subject)).read("index.html").decode()
    assert case.reference in index
