"""Staff password guesses are limited by django-axes: at most `AXES_FAILURE_LIMIT` failures
for one account or from one address within `AXES_COOLOFF_TIME`, then that account or address
is refused until the cool-off has passed, with the time to try again on the admin login page.
Every failed and successful sign-in is logged (axes' log lines and its database records).
An administrator lists locks with `manage.py axes_list_attempts` and clears them with
`manage.py axes_reset_username <name>`, `axes_reset_ip <address>` or `axes_reset`.
"""

from django.conf import settings
from django.contrib import messages
from django.db.models import Max, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _


def client_ip(request) -> str | None:
    """The visitor's address, read from the same header as the public forms' rate limits
    (`RATELIMIT_IP_META_KEY` behind a reverse proxy), so a proxy's address is never counted."""
    key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    value = request.META.get(key, "") or ""
    return value.split(",")[0].strip() or None


def lock_ends(*, username: str | None, ip_address: str | None):
    """When the newest failure counted against this account or address stops counting."""
    from axes.models import AccessAttempt

    match = Q(pk__in=[])
    if username:
        match |= Q(username=username)
    if ip_address:
        match |= Q(ip_address=ip_address)
    latest = AccessAttempt.objects.filter(match).aggregate(latest=Max("attempt_time"))["latest"]
    return (latest or timezone.now()) + settings.AXES_COOLOFF_TIME


def lockout_response(request, original_response=None, credentials=None):
    """Back to the admin login page, which says when to try again."""
    from axes.helpers import get_client_username

    ends = timezone.localtime(
        lock_ends(username=get_client_username(request, credentials), ip_address=client_ip(request))
    )
    messages.error(
        request,
        _(
            "Too many failed sign-in attempts for this account or from this address. "
            "Try again at %(time)s."
        )
        % {"time": time_format(ends, "H:i")},
    )
    url = reverse("wagtailadmin_login")
    onward = request.POST.get("next") or request.GET.get("next") or ""
    if onward and url_has_allowed_host_and_scheme(onward, allowed_hosts={request.get_host()}):
        url = f"{url}?{urlencode({'next': onward})}"
    return redirect(url)
