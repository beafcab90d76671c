"""Rendering report pages (the self-assessment, the annual report) to tagged PDFs, one per
published revision and print size."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Revision

from casework.models import OmbudsmanScheme
from casework.pdf import html_to_pdf
from cms_pages.models import BrandingSettings
from cms_pages.models.page_pdf import PagePdf


def page_pdf_render(page, *, large_print: bool = False) -> bytes:
    """The page as PDF/UA in its own language, with the landlord's branding."""
    site = page.get_site()
    with translation.override(page.locale.language_code):
        html = render_to_string(
            page.pdf_template,
            {
                "page": page,
                "branding": BrandingSettings.for_site(site) if site else None,
                "ombudsman": OmbudsmanScheme.for_kind(locale=page.locale),
                "language_code": page.locale.language_code,
                "LANGUAGE_BIDI": translation.get_language_bidi(),
                "large_print": large_print,
                **page.pdf_context(),
            },
        )
    return html_to_pdf(html)


def page_pdf_store(*, page_id: int, revision_id: int, large_print: bool = False) -> PagePdf:
    """Render the revision once and keep the file; a second call returns the first file."""
    existing = PagePdf.objects.filter(
        page_id=page_id, revision_id=revision_id, large_print=large_print
    ).first()
    if existing:
        return existing
    revision = Revision.page_revisions.get(pk=revision_id, object_id=str(page_id))
    content = revision.as_object()
    page_pdf = PagePdf(page_id=page_id, revision=revision, large_print=large_print)
    page_pdf.file.save(
        content.pdf_filename(large_print=large_print),
        ContentFile(page_pdf_render(content, large_print=large_print)),
        save=False,
    )
    try:
        with transaction.atomic():
            page_pdf.save()
    except IntegrityError:
        # Rendered at the same moment elsewhere (the worker and a reader): keep theirs.
        page_pdf.file.delete(save=False)
        return PagePdf.objects.get(
            page_id=page_id, revision_id=revision_id, large_print=large_print
        )
    return page_pdf


def page_pdf_for_live_revision(page, *, large_print: bool = False) -> PagePdf:
    """The PDF of what is live now, rendered on the spot if the worker has not done it yet."""
    revision_id = page.live_revision_id
    if revision_id is None:
        # A page published without a revision (only possible from code): make one.
        revision_id = page.save_revision(log_action=False).pk
        type(page).objects.filter(pk=page.pk).update(live_revision_id=revision_id)
    return page_pdf_store(page_id=page.pk, revision_id=revision_id, large_print=large_print)
