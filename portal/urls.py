from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms_pages.sitemaps import PagesInEveryLanguage
from cms_pages.views.search import search
from portal.robots import robots_txt

urlpatterns = [
    # For the load balancer (portal/health.py); outside the language prefixes and the admin.
    path("health/", include("portal.health")),
    path("admin/2fa/", include("portal.twofactor.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # Every published page in every language, with its alternates (cms_pages/sitemaps.py).
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PagesInEveryLanguage}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The mail this site has sent, for the developer; "not found" unless DEBUG (portal/dev_mail.py).
urlpatterns += [path("dev/mail/", include("portal.dev_mail"))]

# Public pages carry their language in the path: / for English, /cy/ for Welsh, and so on.
urlpatterns += i18n_patterns(
    path("complain/", include("portal.raise_case.urls")),
    path("follow/", include("portal.follow.urls")),
    path("another-format/", include("portal.formats.urls")),
    path("search/", search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# Styled error pages in the reader's language (portal/errors.py); the 404 page is Django's own
# view rendering templates/404.html. The 400 and 500 pages are static: they never query.
handler400 = "portal.errors.bad_request"
handler403 = "portal.errors.permission_denied"
handler500 = "portal.errors.server_error"
