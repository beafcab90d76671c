"""What writes outside the page editor on the published-pages side."""

from django.db import transaction
from wagtail.log_actions import log

from cms_pages.models import AnnualReportPage, GoverningBodyResponse


def governing_body_response_save(
    *, page: AnnualReportPage, values: dict, user
) -> GoverningBodyResponse:
    """Write the response for every language version of the report, and log who did."""
    with transaction.atomic():
        response, created = GoverningBodyResponse.objects.select_for_update().get_or_create(
            translation_key=page.translation_key,
            defaults={**values, "updated_by": user},
        )
        if not created:
            for field, value in values.items():
                setattr(response, field, value)
            response.updated_by = user
            response.save()
        log(instance=response, action="wagtail.create" if created else "wagtail.edit", user=user)
        log(
            instance=page,
            action="wagtail.edit",
            user=user,
            title=page.title,
            data={"governing_body_response": True},
        )
    return response
