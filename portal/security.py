"""Response headers that Django and django-csp do not set themselves."""

import re

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Permissions-Policy from settings.PERMISSIONS_POLICY: each feature with the origins that
    may use it (an empty list turns it off for every page and frame)."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "PERMISSIONS_POLICY", {})
        self.header = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in policy.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class FrameAncestorsMiddleware:
    """The CSP's frame-ancestors follows X-Frame-Options: 'none' everywhere, except the
    responses a view marks SAMEORIGIN (Wagtail's page previews, framed by its own editor), which
    this site itself may frame. Browsers obey frame-ancestors over X-Frame-Options, so the two
    must agree. Sits between CSPMiddleware and XFrameOptionsMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            replace = dict(getattr(response, "_csp_replace", None) or {})
            replace["frame-ancestors"] = ["'self'"]
            response._csp_replace = replace
            # A Wagtail preview renders the page through the whole middleware chain first, so
            # its response already carries the page's policy (and its nonce): amend that one.
            if policy := response.get("Content-Security-Policy"):
                response["Content-Security-Policy"] = FRAME_ANCESTORS.sub(
                    "frame-ancestors 'self'", policy
                )
        return response


FRAME_ANCESTORS = re.compile(r"frame-ancestors [^;]*")
