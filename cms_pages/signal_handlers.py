"""Wagtail announces publication with a signal (from the editor, a workflow approval or a
scheduled publish alike), so that is where the PDFs of the policy and the reports are queued.
The work itself is a task."""

from django.db import transaction
from wagtail.signals import page_published

from cms_pages.tasks import page_pdf_render_task


def queue_page_pdfs(sender, instance, revision, **kwargs):
    # After the commit: a report's PDFs take a few seconds, and a download renders them anyway
    # if this is lost.
    def enqueue():
        for large_print in (False, True):
            page_pdf_render_task.enqueue(instance.pk, revision.pk, large_print)

    transaction.on_commit(enqueue)


def register():
    from cms_pages.models import AnnualReportPage, PolicyPage, SelfAssessmentPage

    for model in (PolicyPage, SelfAssessmentPage, AnnualReportPage):
        page_published.connect(
            queue_page_pdfs, sender=model, dispatch_uid=f"page_pdf_{model.__name__}"
        )
