"""Wagtail announces publication with a signal (from the editor, a workflow approval or a
scheduled publish alike), so that is where the PDFs are queued. The work itself is a task."""

from django.db import transaction
from wagtail.signals import page_published

from cms_pages.tasks import page_pdf_render_task, policy_pdf_render_task


def queue_policy_pdf(sender, instance, revision, **kwargs):
    # Queued in the same transaction as the publication: both happen or neither does. If the
    # worker is behind, the PDF link renders it on first request instead.
    policy_pdf_render_task.enqueue(instance.pk, revision.pk)


def queue_page_pdfs(sender, instance, revision, **kwargs):
    # After the commit: a report's PDFs take a few seconds, and a download renders them anyway
    # if this is lost.
    def enqueue():
        for large_print in (False, True):
            page_pdf_render_task.enqueue(instance.pk, revision.pk, large_print)

    transaction.on_commit(enqueue)


def register():
    from cms_pages.models import AnnualReportPage, PolicyPage, SelfAssessmentPage

    page_published.connect(queue_policy_pdf, sender=PolicyPage, dispatch_uid="policy_pdf")
    for model in (SelfAssessmentPage, AnnualReportPage):
        page_published.connect(
            queue_page_pdfs, sender=model, dispatch_uid=f"page_pdf_{model.__name__}"
        )
