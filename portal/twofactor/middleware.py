"""No admin page opens until the session has passed the second factor."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from portal.twofactor import services

# Reachable before the second factor: signing in and out, and what the sign-in pages load
# (the icon sprite and the JavaScript translations). Everything else under /admin/ waits.
EXEMPT_URL_NAMES = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
    }
)
EXEMPT_NAMESPACE = "twofactor"


class SecondFactorRequiredMiddleware:
    """Sends a signed-in admin user whose session is not OTP-verified to the verify page, or to
    set up an authenticator app if they have no second factor yet. `next` keeps the page they
    asked for.

    Goes after django_otp's OTPMiddleware, which provides `request.user.is_verified()`. Anonymous
    users pass through to Wagtail, which sends them to its login page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        match = request.resolver_match
        if match is not None and (
            EXEMPT_NAMESPACE in match.namespaces or match.url_name in EXEMPT_URL_NAMES
        ):
            return None
        user = request.user
        if not services.user_needs_second_factor(user) or user.is_verified():
            return None
        onward = (
            "twofactor:verify" if services.user_has_confirmed_device(user) else "twofactor:enrol"
        )
        return redirect(f"{reverse(onward)}?{urlencode({'next': request.get_full_path()})}")
