"""sitemap.xml: every published, public page of the site in every language, each with its
versions in the other languages as `xhtml:link rel="alternate" hreflang` (and x-default).

Wagtail's own sitemap lists only the site's root page tree, which is one language; the Welsh
and Urdu trees are its siblings (wagtail-localize). This one lists every language's tree and
groups the pages by translation, using the same language versions as the switcher and the
hreflang links in each page's head (cms_pages/page_languages.py). An untranslated copy of a
page (a wagtail-localize alias in another language's tree) is left out: its content is the
original's, which is listed. Four queries, however many pages.
"""

from collections import defaultdict
from functools import cached_property

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms_pages.page_languages import language_versions, search_engine_alternates


class PagesInEveryLanguage(Sitemap):
    def items(self) -> list[dict]:
        """Each page's listed version (code, url, page), grouped by translation."""
        return [
            version
            for versions in self._translations.values()
            for version in versions
            if not version["untranslated"]
        ]

    @cached_property
    def _translations(self) -> dict[str, list[dict]]:
        """Every live, public page under the site's home page in each language, as language
        versions, grouped by translation (the English page first, in tree order)."""
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key, depth=root.depth)
        under_a_home = Q()
        for path in homes.values_list("path", flat=True):
            under_a_home |= Q(path__startswith=path)
        pages = (
            Page.objects.filter(under_a_home)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
        )
        groups = defaultdict(list)
        for page in pages:
            groups[page.translation_key].append(page)
        return {key: language_versions(group, self.request) for key, group in groups.items()}

    def _full(self, url: str) -> str:
        return self.request.build_absolute_uri(url) if self.request is not None else url

    def location(self, item: dict) -> str:
        return self._full(item["url"])

    def lastmod(self, item: dict):
        return super().lastmod(item["page"])

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            versions = self._translations[item["page"].translation_key]
            urls.append(
                {
                    "item": item["page"],
                    "location": self.location(item),
                    "lastmod": self.lastmod(item),
                    "alternates": [
                        {"lang_code": alternate["code"], "location": self._full(alternate["url"])}
                        for alternate in search_engine_alternates(versions)
                    ],
                }
            )
        last_mods = {url["lastmod"] for url in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
