"""Wagtail announces publication with a signal (from the editor, a workflow approval or a
scheduled publish alike), so that is where the policy PDF is queued. The work itself is a task."""

from wagtail.signals import page_published

from cms_pages.tasks import policy_pdf_render_task


def queue_policy_pdf(sender, instance, revision, **kwargs):
    # Queued in the same transaction as the publication: both happen or neither does. If the
    # worker is behind, the PDF link renders it on first request instead.
    policy_pdf_render_task.enqueue(instance.pk, revision.pk)


def register():
    from cms_pages.models import PolicyPage

    page_published.connect(queue_policy_pdf, sender=PolicyPage, dispatch_uid="policy_pdf")
