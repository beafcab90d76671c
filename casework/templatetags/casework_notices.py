"""`{% notices_for_case case as notices %}`: the exceptional circumstances notices (Code 8.5)
that affect one open case, for the resident's case page."""

from django import template
from django.utils import timezone

from casework.models import ServiceNotice

register = template.Library()


@register.simple_tag
def notices_for_case(case) -> list[ServiceNotice]:
    return list(ServiceNotice.objects.for_case(case, timezone.localdate()))
