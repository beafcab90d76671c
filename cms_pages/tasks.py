"""Background work for published pages."""

from django_tasks import task


@task()
def page_pdf_render_task(page_id: int, revision_id: int, large_print: bool) -> int:
    from cms_pages.page_pdf import page_pdf_store

    return page_pdf_store(page_id=page_id, revision_id=revision_id, large_print=large_print).pk
