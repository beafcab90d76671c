"""Where the site's links lead: the places residents come for, found in the live page tree and
the routes, never in typed addresses, so a moved or renamed page stays linked and an
unpublished one disappears.

A *destination* is a named place: a route of the resident-facing flows (make a complaint,
follow a complaint), a page type (the complaints policy, the annual report) or the
Ombudsman's own website. The header, the footer and the home page name destinations, or
choose pages; `SiteLinks` resolves them for one request in the reader's language, reading the
page tree once (a fixed number of queries, however many links a page shows).
"""

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, Site

from cms_pages.reader_language import reader_language, text_direction


@dataclass(frozen=True)
class Destination:
    key: str
    label: object  # a lazy translation: the link text when no page title stands for it
    route: str = ""  # URL name of a resident-facing flow
    query: str = ""  # added to the route, e.g. the kind of case to start with
    page_type: str = ""  # app_label.ModelName of the page that stands for it
    external: str = ""  # "ombudsman": the Housing Ombudsman's website
    short_label: object = None  # in the header's navigation, where space is short

    @property
    def header_label(self):
        return self.short_label or self.label


DESTINATIONS = {
    destination.key: destination
    for destination in (
        # Translators: to residents, a link to the online complaint form.
        Destination("complain", _("Make a complaint"), route="raise_case:start"),
        # Translators: to residents, a link to the online form for a service request (Code 1.4).
        Destination(
            "service_request",
            _("Ask us to put something right"),
            route="raise_case:start",
            query="kind=service_request",
        ),
        # Translators: to residents, a link to where they follow their complaint.
        Destination(
            "follow",
            _("Follow a complaint you have made"),
            route="follow:start",
            # Translators: to residents, a short link in the menu to where they follow a complaint.
            short_label=_("Follow a complaint"),
        ),
        # Translators: to residents, a link to ask for a page in another format.
        Destination("another_format", _("Ask for another format"), route="formats:request"),
        Destination(
            "how_to_complain", _("How to complain"), page_type="cms_pages.HowToComplainPage"
        ),
        Destination("policy", _("Complaints policy"), page_type="cms_pages.PolicyPage"),
        Destination("code", _("The Complaint Handling Code"), page_type="cms_pages.CodePage"),
        Destination(
            "annual_report", _("Annual complaints report"), page_type="cms_pages.AnnualReportPage"
        ),
        Destination(
            "self_assessment",
            _("Self-assessment against the Code"),
            page_type="cms_pages.SelfAssessmentPage",
        ),
        Destination(
            "improvements", _("What we have changed"), page_type="cms_pages.ImprovementsPage"
        ),
        Destination(
            "accessibility",
            _("Accessibility statement"),
            page_type="cms_pages.AccessibilityStatementPage",
        ),
        Destination("privacy", _("Privacy notice"), page_type="cms_pages.PrivacyNoticePage"),
        Destination("cookies", _("Cookies"), page_type="cms_pages.CookiesPage"),
        # Translators: to residents, a link to the Housing Ombudsman's website.
        Destination("ombudsman", _("The Housing Ombudsman"), external="ombudsman"),
    )
}

# What the choosers in the admin offer, in this order.
DESTINATION_CHOICES = [(key, destination.label) for key, destination in DESTINATIONS.items()]

# Code 3.4, 3.5, 3.7: the policy, how to complain and the Ombudsman's details are easy to find
# from every page. The footer always has them, whatever the navigation setting lists.
FOOTER_FLOOR = ("policy", "how_to_complain", "ombudsman")

# The links every public page must carry (the crawl test checks them): the floor's pages and
# where a resident follows a complaint.
EVERY_PAGE = ("policy", "how_to_complain", "follow")


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    key: str = ""  # the destination, when the link is one
    page_id: int | None = None  # the page it leads to, when it is a page
    tree_path: str = ""  # the page's place in the tree: its descendants are in its section
    # The language of the text when it is not the reader's: the title of a page not translated
    # yet (a wagtail-localize alias shows its source's title; WCAG 2.2 3.1.2).
    lang: str = ""
    dir: str = ""


def _model_label(page_type: str) -> tuple[str, str]:
    app_label, model = page_type.split(".")
    return app_label, model.lower()


class SiteLinks:
    """The request's site's live pages of the destinations' types, and any chosen pages, in the
    reader's language: read once (two queries), then every link is a dictionary look-up."""

    def __init__(self, request, *, chosen_page_ids=(), ombudsman=None):
        self.request = request
        self.ombudsman = ombudsman
        self.language = reader_language_variant()
        self._by_type: dict[str, Page] = {}
        self._by_translation_key: dict = {}
        self._read(set(chosen_page_ids))

    def _reader_home(self, site: Site) -> Page:
        """The site's home page in the reader's language; the site's own when it has none."""
        root = site.root_page
        home = (
            Page.objects.filter(translation_key=root.translation_key)
            .filter(locale__language_code=self.language, live=True)
            .select_related("locale")
            .first()
        )
        return home or root

    def _read(self, chosen_page_ids: set) -> None:
        from django.contrib.contenttypes.models import ContentType

        site = Site.find_for_request(self.request) if self.request is not None else None
        if site is None:
            return
        self.home = self._reader_home(site)
        type_labels = {
            _model_label(d.page_type): d.key for d in DESTINATIONS.values() if d.page_type
        }
        content_types = ContentType.objects.get_for_models(
            *(
                model
                for model in _page_models()
                if (model._meta.app_label, model._meta.model_name) in type_labels
            )
        )
        key_for_type = {
            content_type.pk: type_labels[(content_type.app_label, content_type.model)]
            for content_type in content_types.values()
        }
        wanted = Q(content_type_id__in=list(key_for_type))
        if chosen_page_ids:
            # A chosen page is stored as the page in the default language: find its copy in
            # the reader's, through the translation key all copies share.
            wanted |= Q(
                translation_key__in=Page.objects.filter(pk__in=chosen_page_ids).values(
                    "translation_key"
                )
            )
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(self.home, inclusive=True)
            .filter(wanted)
            .select_related("locale", "alias_of__locale")
            .order_by("-first_published_at", "path")
        )
        self._chosen_keys = {}
        for page in pages:
            key = key_for_type.get(page.content_type_id)
            if key and key not in self._by_type:
                self._by_type[key] = page  # the newest of its type, e.g. this year's report
            self._by_translation_key[page.translation_key] = page
        if chosen_page_ids:
            self._chosen_keys = dict(
                Page.objects.filter(pk__in=chosen_page_ids).values_list("pk", "translation_key")
            )

    def page_for(self, key: str) -> Page | None:
        return self._by_type.get(key)

    def _page_link(self, page: Page, key: str = "", text: str = "") -> Link | None:
        href = page.get_url(self.request)
        if not href:
            return None
        lang = direction = ""
        source = page.alias_of
        if not text and source is not None and source.locale_id != page.locale_id:
            lang = source.locale.language_code
            direction = text_direction(lang)
        return Link(
            text=text or page.title,
            href=href,
            key=key,
            page_id=page.pk,
            tree_path=page.path,
            lang=lang,
            dir=direction,
        )

    def destination(self, key: str, text: str = "", *, short: bool = False) -> Link | None:
        """The link to a destination, or None when it has nowhere to lead (its page is not
        published, the Ombudsman's details are not entered yet)."""
        destination = DESTINATIONS.get(key)
        if destination is None:
            return None
        if destination.route:
            with translation.override(reader_language()):
                href = reverse(destination.route)
                label = text or str(destination.header_label if short else destination.label)
            if destination.query:
                href = f"{href}?{destination.query}"
            return Link(text=label, href=href, key=key)
        if destination.page_type:
            page = self._by_type.get(key)
            return self._page_link(page, key, text) if page is not None else None
        if destination.external == "ombudsman":
            scheme = self.ombudsman
            if not scheme or not getattr(scheme, "website", ""):
                return None
            return Link(text=text or scheme.name, href=scheme.website, key=key)
        return None

    def chosen_page(self, page_id: int, text: str = "") -> Link | None:
        """A page chosen in the admin, in the reader's language, while it is live."""
        translation_key = self._chosen_keys.get(page_id)
        page = self._by_translation_key.get(translation_key) if translation_key else None
        return self._page_link(page, text=text) if page is not None else None

    def resolve(self, item, *, short: bool = False) -> Link | None:
        """One link of a navigation list or a home page block: {"destination", "page", "text"}."""
        text = item.get("text") or ""
        if item.get("destination"):
            return self.destination(item["destination"], text, short=short)
        page = item.get("page")
        if page:
            return self.chosen_page(page if isinstance(page, int) else page.pk, text)
        return None


def _page_models():
    from wagtail.models import get_page_models

    return get_page_models()


def reader_language_variant() -> str:
    """The reader's language as a content language code (en-gb, cy, ur)."""
    return get_supported_content_language_variant(reader_language())
