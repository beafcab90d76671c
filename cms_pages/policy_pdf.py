"""Rendering the complaints policy to a tagged PDF and keeping one per published revision."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Revision

from casework.models import OmbudsmanScheme
from casework.pdf import html_to_pdf
from cms_pages.models import BrandingSettings, PolicyPage, PolicyPdf


def policy_pdf_render(page: PolicyPage) -> bytes:
    """The policy as PDF/UA, in the page's own language, with the landlord's branding."""
    site = page.get_site()
    with translation.override(page.locale.language_code):
        html = render_to_string(
            "cms_pages/policy_page_pdf.html",
            {
                "page": page,
                "branding": BrandingSettings.for_site(site) if site else None,
                "ombudsman": OmbudsmanScheme.for_kind(locale=page.locale),
                "language_code": page.locale.language_code,
                "LANGUAGE_BIDI": translation.get_language_bidi(),
            },
        )
    return html_to_pdf(html)


def policy_pdf_store(*, page_id: int, revision_id: int) -> PolicyPdf:
    """Render the given revision once and keep the file; a second call returns the first file."""
    existing = PolicyPdf.objects.filter(page_id=page_id, revision_id=revision_id).first()
    if existing:
        return existing
    page = PolicyPage.objects.get(pk=page_id)
    revision = Revision.page_revisions.get(pk=revision_id, object_id=str(page_id))
    content = revision.as_object()
    policy_pdf = PolicyPdf(page=page, revision=revision)
    policy_pdf.file.save(page.pdf_filename(), ContentFile(policy_pdf_render(content)), save=False)
    try:
        with transaction.atomic():
            policy_pdf.save()
    except IntegrityError:
        # Rendered at the same time elsewhere (worker and a reader): keep theirs.
        policy_pdf.file.delete(save=False)
        return PolicyPdf.objects.get(page_id=page_id, revision_id=revision_id)
    return policy_pdf


def policy_pdf_for_live_revision(page: PolicyPage, request=None) -> PolicyPdf:
    """The PDF of what is live now. Rendered on the spot if the worker has not done it yet."""
    revision_id = page.live_revision_id
    if revision_id is None:
        # A page published without a revision (only possible from code): make one.
        revision_id = page.save_revision(log_action=False).pk
        PolicyPage.objects.filter(pk=page.pk).update(live_revision_id=revision_id)
    return policy_pdf_store(page_id=page.pk, revision_id=revision_id)
