"""The complaints policy as a tagged PDF: valid, complete, in the page's language, rendered
once per published revision."""

import io

import pypdf
import pytest

from cms_pages.models import PolicyPage, PolicyPdf

pytestmark = pytest.mark.django_db


def read_pdf(data: bytes) -> pypdf.PdfReader:
    assert data.startswith(b"%PDF-")
    return pypdf.PdfReader(io.BytesIO(data))


def test_policy_pdf_is_a_tagged_pdf_with_the_headings_and_language(client, demo_site):
    page = PolicyPage.objects.get()
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="complaints-policy-v40.pdf"' in response["Content-Disposition"]
    reader = read_pdf(b"".join(response.streaming_content))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-gb"
    assert catalog["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    assert "/StructTreeRoot" in catalog
    assert reader.metadata.title == "Complaints policy"
    text = "\n".join(p.extract_text() for p in reader.pages)
    for heading in [
        "Complaints policy",
        "1. About this policy",
        "5. Stage 1",
        "6. Stage 2",
        "7. Putting things right",
        "11. Your information",
        "PO Box 152",
    ]:
        assert heading in text, heading
    assert "Page 1 of " in text
    assert "Example Homes" in text


def test_publishing_renders_the_pdf_for_that_revision(demo_site):
    page = PolicyPage.objects.get()
    first = PolicyPdf.objects.get(page=page)
    assert first.revision_id == page.live_revision_id

    page.version = "4.1"
    page.sections[0].value["heading"] = "Why this policy exists"
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()

    latest = PolicyPdf.objects.get(page=page, revision=revision)
    text = "\n".join(p.extract_text() for p in read_pdf(latest.file.read()).pages)
    assert "1. Why this policy exists" in text
    assert PolicyPdf.objects.filter(page=page).count() == 2


def test_the_link_serves_the_live_revision_not_a_draft(client, demo_site):
    page = PolicyPage.objects.get()
    page.title = "Draft title nobody has approved"
    page.save_revision()
    data = b"".join(client.get(page.url + "pdf/").streaming_content)
    text = read_pdf(data).pages[0].extract_text()
    assert "Complaints policy" in text
    assert "Draft title" not in text


def test_pdf_is_rendered_on_request_when_the_worker_has_not_run(client, demo_site):
    page = PolicyPage.objects.get()
    PolicyPdf.objects.all().delete()
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    assert PolicyPdf.objects.filter(page=page, revision_id=page.live_revision_id).exists()
