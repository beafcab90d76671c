"""The complaints policy as a tagged PDF and a large-print PDF: valid, complete, in the page's
language, rendered once per published revision."""

import io

import pypdf
import pytest

from cms_pages.models import PagePdf, PolicyPage

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


def test_the_large_print_pdf_is_larger_and_named_so(client, demo_site):
    page = PolicyPage.objects.get()
    response = client.get(page.url + "pdf/large-print/")
    assert 'filename="complaints-policy-v40-large-print.pdf"' in response["Content-Disposition"]
    large = read_pdf(b"".join(response.streaming_content))
    standard = read_pdf(b"".join(client.get(page.url + "pdf/").streaming_content))
    assert large.trailer["/Root"]["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert len(large.pages) > len(standard.pages)
    assert "5. Stage 1" in "\n".join(p.extract_text() for p in large.pages)


def test_publishing_renders_the_pdfs_for_that_revision(
    demo_site, django_capture_on_commit_callbacks
):
    page = PolicyPage.objects.get()
    page.version = "4.1"
    page.sections[0].value["heading"] = "Why this policy exists"
    revision = page.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        revision.publish()
    page.refresh_from_db()

    pdfs = PagePdf.objects.filter(page=page, revision=revision)
    assert sorted(pdfs.values_list("large_print", flat=True)) == [False, True]
    latest = pdfs.get(large_print=False)
    text = "\n".join(p.extract_text() for p in read_pdf(latest.file.read()).pages)
    assert "1. Why this policy exists" in text


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
    PagePdf.objects.all().delete()
    response = client.get(page.url + "pdf/")
    assert response.status_code == 200
    assert PagePdf.objects.filter(page=page, revision_id=page.live_revision_id).exists()
