"""A file on the case, at /admin/cases/<pk>/documents/<document>/: downloaded, never shown in
the browser, and only to those who may see the case."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views import View

from casework.views.cases.access import case_for


class CaseDocumentView(View):
    def get(self, request, pk, document):
        # 404 for a case the user may not see, as for the case page itself.
        case = case_for(request.user, pk)
        # A file removed at the end of its retention period is gone (file name blank).
        document = get_object_or_404(case.documents.exclude(file=""), pk=document)
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type or "application/octet-stream",
        )
        # A file that claims to be a PDF but holds HTML must never run as a page of the admin.
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
