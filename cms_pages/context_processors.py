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
from cms_pages.models.navigation import NavigationSettings
from cms_pages.navigation import FOOTER_FLOOR, Link, SiteLinks, reader_language_variant
from cms_pages.reader_language import site_text_language


def branding_for(request) -> BrandingSettings:
    """The branding of the request's site, or an unsaved default when no site matches (the
    defaults still render a usable page)."""
    try:
        return BrandingSettings.for_request(request)
    except BrandingSettings.DoesNotExist:
        return BrandingSettings()


def ombudsman_scheme(request=None) -> OmbudsmanScheme | None:
    """The Housing Ombudsman's details in the reader's language (Code 3.7: on every complaints
    page), or None before they have been entered. Read once per request."""
    if request is not None and hasattr(request, "_redress_ombudsman"):
        return request._redress_ombudsman
    try:
        scheme = OmbudsmanScheme.for_kind()
    except Locale.DoesNotExist:
        scheme = None
    if request is not None:
        request._redress_ombudsman = scheme
    return scheme


def navigation_settings(request) -> NavigationSettings:
    """The request's site's navigation setting, or the defaults when no site matches."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return NavigationSettings()
    return NavigationSettings.for_site(site)


def request_links(request, *, extra_page_ids=()) -> SiteLinks:
    """The links of this request's header, footer and home page, read together once: the
    navigation setting's chosen pages and any the page itself chooses (`extra_page_ids`, given
    by a page's get_context, which runs before the header is rendered)."""
    cached = getattr(request, "_redress_site_links", None) if request is not None else None
    if cached is not None and cached.language == reader_language_variant():
        return cached
    navigation = navigation_settings(request)
    links = SiteLinks(
        request,
        chosen_page_ids=[*navigation.chosen_page_ids(), *extra_page_ids],
        ombudsman=SimpleLazyObject(lambda: ombudsman_scheme(request)),
    )
    links.navigation = navigation
    if request is not None:
        request._redress_site_links = links
    return links


def header_links(request) -> list[Link]:
    """The service navigation's links, as chosen, leaving out those with nowhere to lead."""
    links = request_links(request)
    resolved = (links.resolve(child["value"], short=True) for child in _raw(links, "header"))
    return [link for link in resolved if link is not None]


def footer_links(request) -> list[Link]:
    """The footer's links as chosen, then any of the Code's floor that was left out (Code 3.4,
    3.5, 3.7: the policy, how to complain and the Ombudsman are always there)."""
    links = request_links(request)
    resolved = [links.resolve(child["value"]) for child in _raw(links, "footer")]
    resolved = [link for link in resolved if link is not None]
    present = {link.key for link in resolved}
    for key in FOOTER_FLOOR:
        if key not in present and (link := links.destination(key)) is not None:
            resolved.append(link)
    return resolved


def _raw(links: SiteLinks, which: str) -> list[dict]:
    navigation = getattr(links, "navigation", None)
    if navigation is None:
        return []
    stream = navigation.header_links if which == "header" else navigation.footer_links
    return [child for child in stream.raw_data if child.get("type") == "link"]


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
        "ombudsman": SimpleLazyObject(lambda: ombudsman_scheme(request)),
        # The header's and footer's links (Settings > Navigation), read once.
        "header_links": SimpleLazyObject(lambda: header_links(request)),
        "footer_links": SimpleLazyObject(lambda: footer_links(request)),
        "accessibility_statement_url": SimpleLazyObject(
            lambda: accessibility_statement_url(request)
        ),
        "service_notices": SimpleLazyObject(service_notices),
        # The language of what the landlord wrote once for the whole site, when not the page's.
        "site_text": site_text_language(),
    }
