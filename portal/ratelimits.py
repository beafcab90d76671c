"""Rate limits on the public forms, counted by django-ratelimit.

The rates live in the `REDRESS_RATE_LIMITS` setting, one per scope. A view asks `limited()` and,
when it answers True, shows the person a clear message on the same page with what they typed kept.
"""

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from portal.staff_signin import client_ip

# Files waiting for a complaint that is not sent yet, per address per day: without it one
# address could fill the disk with journeys it never finishes.
DEFAULT_PENDING_UPLOAD_BYTES_PER_DAY = 100 * 1024 * 1024


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


def pending_upload_quota(request):
    """A function that takes `size` bytes from this address's daily allowance of files waiting
    for a complaint, answering False (and taking nothing) when they would not fit. Counted in
    the rate-limit cache, whose increments are atomic (portal/ratelimit_cache.py, or Redis)."""
    allowance = getattr(
        settings, "REDRESS_PENDING_UPLOAD_BYTES_PER_DAY", DEFAULT_PENDING_UPLOAD_BYTES_PER_DAY
    )
    cache = caches[settings.RATELIMIT_USE_CACHE]
    key = f"redress:pending-bytes:{client_ip(request)}:{timezone.localdate():%Y%m%d}"

    def take(size: int) -> bool:
        cache.add(key, 0, 24 * 60 * 60 + 60)
        try:
            total = cache.incr(key, size)
        except ValueError:  # expired between the two calls: a new day's allowance
            cache.add(key, size, 24 * 60 * 60 + 60)
            total = size
        if total > allowance:
            cache.decr(key, size)
            return False
        return True

    return take


def quota_message() -> str:
    return _(
        "You have added as many files as we can take from you today. Send your complaint "
        "without more files, or try again tomorrow."
    )
