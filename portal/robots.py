"""robots.txt: which addresses search engines should leave alone, and where the sitemap is.

Kept out: the staff admin, the developer's mail, and the resident's own pages, whose addresses
mean nothing to anyone else or carry their answers (the complaint journey, following a case,
asking for another format), in every language; and the site's own search results, which are
endless and copy the pages they list. The published pages, the start page for complaints
included, stay open to search engines.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

# The resident's own pages and the search results, in each language (by URL name, so that a
# renamed path is still kept out).
PER_LANGUAGE = ("raise_case:start", "follow:start", "formats:request", "search")
# The same in every language.
EVERYWHERE = ("/admin/", "/dev/")


def disallowed_paths() -> list[str]:
    paths = list(EVERYWHERE)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.extend(reverse(name) for name in PER_LANGUAGE)
    return list(dict.fromkeys(paths))


@require_GET
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in disallowed_paths()]
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
