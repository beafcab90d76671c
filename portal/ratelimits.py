"""Rate limits on the public forms (issue 4, Safety), counted by django-ratelimit.

The rates live in the `REDRESS_RATE_LIMITS` setting, one per scope. A view asks `limited()` and,
when it answers True, shows the person a clear message on the same page with what they typed kept.
"""

from django.conf import settings
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited


def limited(request, scope: str, *, key: str = "ip", increment: bool = True) -> bool:
    """Whether this request goes over the scope's rate (counting it, unless `increment` is
    False). `key` is what is counted: "ip" by default, or e.g. "post:email"."""
    return is_ratelimited(
        request,
        group=f"redress:{scope}",
        key=key,
        rate=settings.REDRESS_RATE_LIMITS[scope],
        method=is_ratelimited.ALL,
        increment=increment,
    )


def wait_message() -> str:
    return _(
        "You have done this too many times in a short time. Wait a few minutes and try again. "
        "Nothing you have entered has been lost."
    )
