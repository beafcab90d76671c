"""What every public page's chrome needs: the landlord's branding, the Ombudsman's details, the
accessibility statement's address and any exceptional circumstances notice (Code 8.5).

Each value is lazy, so pages that never show them (the Wagtail admin) pay no query for them.
"""

from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale, Site

from casework.models.notices import ServiceNotice
from casework.models.ombudsman import OmbudsmanScheme
from cms_pages.models.branding import BrandingSettings
from cms_pages.reader_language import site_text_language


def branding_for(request) -> BrandingSettings:
    """The branding of the request's site, or an unsaved default when no site matches (the
    defaults still render a usable page)."""
    try:
        return BrandingSettings.for_request(request)
    except BrandingSettings.DoesNotExist:
        return BrandingSettings()


def ombudsman_scheme() -> OmbudsmanScheme | None:
    """The Housing Ombudsman's details in the reader's language (Code 3.7: on every complaints
    page), or None before they have been entered."""
    try:
        return OmbudsmanScheme.for_kind()
    except Locale.DoesNotExist:
        return None


def accessibility_statement_url(request) -> str:
    """The live accessibility statement in the reader's language, falling back to the default
    language; "" when there is none."""
    # Imported here so that this module loads whatever state the page models are in.
    from cms_pages.models.accessibility import AccessibilityStatementPage

    try:
        active, default = Locale.get_active(), Locale.get_default()
    except Locale.DoesNotExist:
        return ""
    statements = AccessibilityStatementPage.objects.live()
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        # A site's page tree is in one locale; its translations live in sibling trees, so
        # find the site's own statement and then its translation.
        statement = statements.in_site(site).first()
        if statement is not None:
            translation = statement.get_translation_or_none(active)
            if translation is not None and translation.live:
                statement = translation
            return statement.get_url(request) or ""
    statement = (
        statements.filter(locale=active).first() or statements.filter(locale=default).first()
    )
    return (statement.get_url(request) or "") if statement is not None else ""


def service_notices() -> list[ServiceNotice]:
    """Code 8.5: the exceptional circumstances notices in force, shown on every public page."""
    return list(ServiceNotice.objects.showing(timezone.localdate()))


def chrome(request):
    return {
        "branding": SimpleLazyObject(lambda: branding_for(request)),
        "ombudsman": SimpleLazyObject(ombudsman_scheme),
        "accessibility_statement_url": SimpleLazyObject(
            lambda: accessibility_statement_url(request)
        ),
        "service_notices": SimpleLazyObject(service_notices),
        # The language of what the landlord wrote once for the whole site, when not the page's.
        "site_text": site_text_language(),
    }
