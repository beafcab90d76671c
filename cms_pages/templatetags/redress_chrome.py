"""Template tags for the page chrome in base.html: the language switcher, the hreflang links
and the home link."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, Site

from cms_pages.page_languages import (
    canonical_original,
    language_order,
    language_versions,
    search_engine_alternates,
)
from cms_pages.reader_language import (
    content_in,
    localized_for_reader,
    reader_language,
    text_direction,
)

register = template.Library()


def _page_languages(page: Page, request) -> list[dict]:
    """Every live translation of the page, the page itself included."""
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return language_versions(translations, request, current_pk=page.pk)


def _view_languages(request) -> list[dict]:
    """For views that are not Wagtail pages: the same path in each language the site has a
    locale for, when the path has a version in that language."""
    if request is None:
        return []
    current_code = translation.get_language()
    locales = set(Locale.objects.values_list("language_code", flat=True))
    languages = []
    for code, name in settings.LANGUAGES:
        if code not in locales:
            continue
        current = code == current_code
        url = translate_url(request.get_full_path(), code)
        # translate_url gives the path back unchanged when it cannot translate it.
        if not current and url == request.get_full_path():
            continue
        languages.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "dir": text_direction(code),
                "current": current,
                "untranslated": False,
            }
        )
    return languages


def _languages(context) -> list[dict]:
    """The versions of what is being read in each language, in the site's order of languages:
    worked out once per request (one query), for the language switcher and the hreflang links
    alike."""
    request = context.get("request")
    page = context.get("page")
    key = page.pk if isinstance(page, Page) and page.pk else None
    cache = getattr(request, "_redress_languages", None) if request is not None else None
    if cache is not None and key in cache:
        return cache[key]
    if key is not None:
        languages = _page_languages(page, request)
    else:
        languages = _view_languages(request)
        languages.sort(key=lambda item: language_order(item["code"]))
    if request is not None:
        if cache is None:
            cache = request._redress_languages = {}
        cache[key] = languages
    return languages


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, inverse=False):
    """Links to the current page in each language it is published in; nothing at all when
    there is only one."""
    languages = _languages(context)
    return {"languages": languages if len(languages) > 1 else [], "inverse": inverse}


@register.simple_tag(takes_context=True)
def hreflang_links(context) -> str:
    """`<link rel="alternate" hreflang>` in the head for each language what is being read is
    published in, and x-default; for an untranslated copy, `<link rel="canonical">` to the page
    it copies (cms_pages/page_languages.py). The same versions as the language switcher's."""
    request = context.get("request")
    if request is None:
        return ""
    languages = _languages(context)
    links = [
        format_html(
            '<link rel="alternate" hreflang="{}" href="{}">',
            alternate["code"],
            request.build_absolute_uri(alternate["url"]),
        )
        for alternate in search_engine_alternates(languages)
    ]
    original = canonical_original(languages)
    if original is not None:
        links.insert(
            0,
            format_html(
                '<link rel="canonical" href="{}">', request.build_absolute_uri(original["url"])
            ),
        )
    return mark_safe("\n  ".join(links))  # noqa: S308 - each link escaped by format_html


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    """The site's home page in the reader's language (falling back to the default language's)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return "/"
    try:
        home = site.root_page.localized
    except Locale.DoesNotExist:
        home = site.root_page
    return home.get_url(request) or "/"


@register.simple_tag(takes_context=True)
def content_fallback(context) -> dict | None:
    """When the page is not translated into the reader's language yet (a wagtail-localize alias
    of a page in another language), the language its content is really in, so that the page
    can say so and mark the content up in that language; None otherwise."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.alias_of_id:
        return None
    source = Page.objects.filter(pk=page.alias_of_id).values("locale_id", "locale__language_code")
    source = source.first()
    if source is None or source["locale_id"] == page.locale_id:
        return None
    code = source["locale__language_code"]
    name = dict(settings.LANGUAGES).get(code, code)
    return {"code": code, "dir": text_direction(code), "name": name}


class ContentLanguageNode(template.Node):
    def __init__(self, language, nodelist):
        self.language = language
        self.nodelist = nodelist

    def render(self, context):
        with content_in(self.language.resolve(context)):
            return self.nodelist.render(context)


@register.tag
def content_language(parser, token):
    """`{% content_language code %}...{% endcontent_language %}`: render in `code`, the
    language the content is really in, while the site's links inside stay in the reader's
    (cms_pages/reader_language.py)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("content_language takes one language code")
    nodelist = parser.parse(("endcontent_language",))
    parser.delete_first_token()
    return ContentLanguageNode(parser.compile_filter(bits[1]), nodelist)


@register.simple_tag
def reader_url(view_name: str, *args, **kwargs) -> str:
    """`{% url %}` in the reader's language, also inside `{% content_language %}`."""
    with translation.override(reader_language()):
        return reverse(view_name, args=args, kwargs=kwargs)


@register.simple_tag(takes_context=True)
def reader_pageurl(context, page) -> str:
    """`{% pageurl page.localized %}` in the reader's language, also inside
    `{% content_language %}`."""
    return localized_for_reader(page).get_url(context.get("request")) or ""


@register.filter
def bdi(value):
    """A reference, phone number or other left-to-right run, isolated so that right-to-left
    text around it cannot reorder it (CMP-2026-00042 stays CMP-2026-00042 in Urdu)."""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


def _is_current(link, request, page) -> bool:
    """The link leads to the page being shown or to the section it is in."""
    if link.tree_path:
        return isinstance(page, Page) and bool(page.path) and page.path.startswith(link.tree_path)
    if request is None or isinstance(page, Page):
        return False
    path = link.href.split("?", 1)[0]
    return request.path.startswith(path)


@register.inclusion_tag("components/service_navigation.html", takes_context=True)
def service_navigation(context):
    """GOV.UK service navigation: the main sections chosen under Settings > Navigation."""
    request, page = context.get("request"), context.get("page")
    links = context.get("header_links") or []
    items = [{"link": link, "current": _is_current(link, request, page)} for link in links]
    # Only the most specific match is current (a report inside "How to complain" is not both).
    current = [item for item in items if item["current"]]
    if len(current) > 1:
        deepest = max(current, key=lambda item: len(item["link"].tree_path))
        for item in current:
            item["current"] = item is deepest
    page_id = page.pk if isinstance(page, Page) else None
    for item in items:
        # "page" for the page itself, "true" for a page in its section (GOV.UK service navigation).
        item["aria_current"] = "page" if page_id and item["link"].page_id == page_id else "true"
    return {"items": items}


@register.inclusion_tag("components/privacy_notice_link.html", takes_context=True)
def privacy_notice_link(context):
    """Under a form that collects personal data: where the privacy notice says how it is used
    (UK GDPR article 13); nothing while no privacy notice is published."""
    from cms_pages.context_processors import request_links

    link = request_links(context.get("request")).destination("privacy")
    return {"href": link.href if link else ""}


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def page_breadcrumbs(context):
    """GOV.UK breadcrumbs from the home page down to the page's parent, in the page's own tree
    (so in the reader's language): one query, whatever the depth."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page) or not page.pk:
        return {"items": []}
    ancestors = page.get_ancestors().filter(depth__gt=1).select_related("locale")
    items = [{"text": ancestor.title, "href": ancestor.get_url(request)} for ancestor in ancestors]
    return {"items": items}
