"""HTML to tagged PDF with WeasyPrint, for policies, reports and letters.

PDFs are PDF/UA-1 (tagged, with the document language from `<html lang>`), so screen readers
can read them. Resources are read from the site's own static files and media storage, never
from the network: a PDF renders the same on a machine with no internet.
"""

import mimetypes
from urllib.parse import unquote, urlsplit

import weasyprint
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative URLs in rendered HTML ("/static/...", "/media/...") resolve against this base.
PDF_BASE_URL = "https://pdf.redress.invalid/"


class LocalFetcher(URLFetcher):
    """Serves /static/ from the staticfiles finders and /media/ from default storage."""

    def __init__(self):
        super().__init__(allowed_protocols={"https", "data"}, fail_on_errors=False)

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if parts.netloc != urlsplit(PDF_BASE_URL).netloc:
            raise ValueError(f"PDFs load nothing from outside the site: {url}")
        path = unquote(parts.path)
        mime_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            if not found:
                raise FileNotFoundError(path)
            with open(found, "rb") as handle:
                body = handle.read()
        elif path.startswith(settings.MEDIA_URL):
            with default_storage.open(path.removeprefix(settings.MEDIA_URL)) as handle:
                body = handle.read()
        else:
            raise FileNotFoundError(path)
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


def html_to_pdf(html: str) -> bytes:
    """Render a complete HTML document (with `<html lang>` and `<title>`) to PDF/UA-1 bytes."""
    document = weasyprint.HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=LocalFetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")
