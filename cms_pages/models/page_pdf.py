"""Downloadable formats of a published report page: a tagged PDF, a large-print PDF and a
large-print view to read or print (issue 6, issue 7; Code 3.4: an accessible format for all).

`DownloadableFormatsMixin` gives a page type the routes `pdf/`, `pdf/large-print/` and `print/`.
Each PDF is rendered from the live revision once, when the page is published (a task), and kept
with that revision, so a download is always exactly what was published; if the worker has not
made it yet, the first request makes it.
"""

from django.db import models
from django.http import FileResponse
from django.shortcuts import render
from django.utils.text import slugify
from wagtail.contrib.routable_page.models import RoutablePageMixin, path


class DownloadableFormatsMixin(RoutablePageMixin):
    """For Page subclasses. `pdf_template` renders the page as a document for WeasyPrint."""

    pdf_template: str = ""
    # The large-print view; by default the page's own template, told it is the print view.
    print_template: str = ""

    def pdf_filename(self, *, large_print: bool = False) -> str:
        stem = slugify(self.title) or "document"
        return f"{stem}-large-print.pdf" if large_print else f"{stem}.pdf"

    def pdf_context(self) -> dict:
        """What the PDF template needs beyond the page itself."""
        return {}

    def _pdf_response(self, *, large_print: bool):
        # Imported here: the renderer imports the page models.
        from cms_pages.page_pdf import page_pdf_for_live_revision

        # An untranslated copy in another language's tree (a wagtail-localize alias) shares the
        # original's revisions and shows its content: its PDF is the original's, in its language.
        source = self.alias_of.specific if self.alias_of_id else self
        page_pdf = page_pdf_for_live_revision(source, large_print=large_print)
        response = FileResponse(
            page_pdf.file.open("rb"),
            content_type="application/pdf",
            filename=source.pdf_filename(large_print=large_print),
        )
        response["Content-Language"] = source.locale.language_code
        return response

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        return self._pdf_response(large_print=False)

    @path("pdf/large-print/", name="pdf_large_print")
    def large_print_pdf_view(self, request):
        return self._pdf_response(large_print=True)

    @path("print/", name="print")
    def print_view(self, request):
        context = self.get_context(request)
        context["print_view"] = True
        return render(request, self.print_template or self.get_template(request), context)


class PagePdf(models.Model):
    """The PDF of one published revision of a report page, rendered once and kept."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    large_print = models.BooleanField(default=False)
    file = models.FileField(upload_to="page-pdfs/")
    rendered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "revision", "large_print"], name="one_page_pdf_per_revision"
            )
        ]

    def __str__(self):
        return f"{self.page} (revision {self.revision_id})"
