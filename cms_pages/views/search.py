"""The site search page (/search/, /cy/search/, ...): a GET form, so it works without
JavaScript; paginated; in the reader's language (cms_pages/search.py)."""

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from cms_pages.search import MAX_QUERY_LENGTH, pages_search, result_summaries


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    context = {"search_query": query, "searched": "q" in request.GET, "page_obj": None}
    if query:
        page_obj = pages_search(query=query, request=request, page_number=request.GET.get("page"))
        context.update(
            page_obj=page_obj,
            results=result_summaries(page_obj.object_list, request),
            pagination_query=urlencode({"q": query}) + "&",
            page_range=page_obj.paginator.get_elided_page_range(
                page_obj.number, on_each_side=1, on_ends=1
            ),
        )
    return TemplateResponse(request, "cms_pages/search.html", context)
