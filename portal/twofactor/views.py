"""Screens for two-factor sign-in: verify, set up, backup codes, and the user's own 2FA page.

The middleware sends admin users here; these views are exempt from it, so each one checks for
itself who may see it.
"""

from base64 import b32encode
from urllib.parse import quote, urlencode

import django_otp
import qrcode
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from qrcode.image.svg import SvgPathFillImage
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.twofactor import services
from portal.twofactor.forms import AuthenticatorCodeForm, BackupCodeForm

# Backup codes wait here between the POST that makes them and the page that shows them once.
NEW_BACKUP_CODES_SESSION_KEY = "twofactor_new_backup_codes"


def next_url(request) -> str:
    """Where to go after this step: the `next` the user came with, if it is on this site."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def url_with_next(url_name: str, next_to: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_to})}"


def sign_in_complete(request, device) -> None:
    """Mark the session as verified by `device`. A new session key, as at sign-in, so that a
    session id known before the second factor is worth nothing after it."""
    django_otp.login(request, device)
    request.session.cycle_key()


def totp_provisioning_uri(device) -> str:
    """The otpauth:// address an authenticator app reads from the QR code
    (https://github.com/google/google-authenticator/wiki/Key-Uri-Format). Built here rather
    than with `device.config_url` so the app lists the account under the site's name."""
    issuer = settings.WAGTAIL_SITE_NAME.replace(":", "")
    label = f"{issuer}:{device.user.get_username()}"
    query = urlencode(
        {
            "secret": totp_secret(device),
            "algorithm": "SHA1",
            "digits": device.digits,
            "period": device.step,
            "issuer": issuer,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{quote(label)}?{query}"


def totp_secret(device) -> str:
    return b32encode(device.bin_key).decode("ascii").rstrip("=")


def totp_secret_grouped(device) -> str:
    """The setup key in groups of four, easier to copy by hand (apps ignore the spaces)."""
    secret = totp_secret(device)
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_qr_svg(device) -> str:
    """The QR code as inline SVG: no image request, no outside service, no JavaScript.
    SvgPathFillImage is SvgPathImage on a white background, so it scans in the dark theme."""
    qr = qrcode.QRCode(box_size=10, border=4)
    qr.add_data(totp_provisioning_uri(device))
    image = qr.make_image(
        image_factory=SvgPathFillImage,
        role="img",
        **{"aria-label": _("QR code to scan with your authenticator app"), "class": "twofactor-qr"},
    )
    return image.to_string(encoding="unicode")


class AdminUserRequiredMixin:
    """Signed-in admin users only. Anyone else goes through Wagtail's own login."""

    heading = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if not services.user_needs_second_factor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("heading", self.heading)
        kwargs.setdefault("next", next_url(self.request))
        return super().get_context_data(**kwargs)


class VerifiedRequiredMixin(AdminUserRequiredMixin):
    """Pages that change the second factor need a session that has already passed it."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_verified():
            return redirect(url_with_next("twofactor:verify", request.get_full_path()))
        return super().dispatch(request, *args, **kwargs)


class CodeFormView(AdminUserRequiredMixin, FormView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "device": self.device}


class VerifyView(CodeFormView):
    """Step two of sign-in: a code from the authenticator app."""

    template_name = "twofactor/verify.html"
    heading = gettext_lazy("Enter your sign-in code")
    form_class = AuthenticatorCodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if request.user.is_verified():
                return redirect(next_url(request))
            self.device = services.totp_device_for_user(request.user)
            if self.device is None:
                # Signed in with backup codes only (the demo login), or with nothing set up.
                onward = (
                    "twofactor:verify_backup"
                    if services.user_has_confirmed_device(request.user)
                    else "twofactor:enrol"
                )
                return redirect(url_with_next(onward, next_url(request)))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        has_backup_codes = services.backup_device_for_user(self.request.user) is not None
        return super().get_context_data(has_backup_codes=has_backup_codes, **kwargs)

    def form_valid(self, form):
        sign_in_complete(self.request, form.verified_device)
        return redirect(next_url(self.request))


class VerifyBackupView(CodeFormView):
    """Step two of sign-in for someone without their phone: a single-use backup code."""

    template_name = "twofactor/verify_backup.html"
    heading = gettext_lazy("Enter a backup code")
    form_class = BackupCodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            if request.user.is_verified():
                return redirect(next_url(request))
            self.device = services.backup_device_for_user(request.user)
            if self.device is None:
                return redirect(url_with_next("twofactor:verify", next_url(request)))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        has_app = services.totp_device_for_user(self.request.user) is not None
        return super().get_context_data(has_app=has_app, **kwargs)

    def form_valid(self, form):
        sign_in_complete(self.request, form.verified_device)
        remaining = services.backup_codes_remaining(self.request.user)
        messages.warning(
            self.request,
            ngettext(
                "You used a backup code. It will not work again. "
                "You have %(count)d backup code left.",
                "You used a backup code. It will not work again. "
                "You have %(count)d backup codes left.",
                remaining,
            )
            % {"count": remaining},
        )
        return redirect(next_url(self.request))


class EnrolView(CodeFormView):
    """Set up an authenticator app. Open to a user with no second factor yet (their first sign-in)
    and to a verified user replacing their app; never to someone who has only the password of an
    account that already has a second factor."""

    template_name = "twofactor/enrol.html"
    heading = gettext_lazy("Set up two-factor sign-in")
    form_class = AuthenticatorCodeForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and services.user_needs_second_factor(request.user):
            if not request.user.is_verified() and services.user_has_confirmed_device(request.user):
                return redirect(url_with_next("twofactor:verify", next_url(request)))
            self.device = services.totp_device_pending(request.user) or services.totp_device_create(
                user=request.user
            )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        replacing = self.request.user.is_verified()
        return super().get_context_data(
            heading=_("Set up a new authenticator app") if replacing else self.heading,
            qr_svg=totp_qr_svg(self.device),
            setup_key=totp_secret_grouped(self.device),
            replacing=replacing,
            **kwargs,
        )

    def form_valid(self, form):
        user = self.request.user
        had_codes = services.backup_codes_remaining(user) > 0
        device = services.totp_device_confirm(device=form.verified_device)
        codes = services.backup_codes_issue(user=user)
        sign_in_complete(self.request, device)
        self.request.session[NEW_BACKUP_CODES_SESSION_KEY] = {
            "codes": codes,
            "replaced": had_codes,
        }
        messages.success(self.request, _("Your authenticator app is set up."))
        return redirect(url_with_next("twofactor:backup_codes", next_url(self.request)))


class BackupCodesView(VerifiedRequiredMixin, TemplateView):
    """New backup codes, shown once: the session forgets them as soon as they are shown."""

    template_name = "twofactor/backup_codes.html"
    heading = gettext_lazy("Save your backup codes")

    def get(self, request, *args, **kwargs):
        new = request.session.pop(NEW_BACKUP_CODES_SESSION_KEY, None)
        if not new:
            return redirect("twofactor:manage")
        return self.render_to_response(self.get_context_data(**new))


class BackupCodesRegenerateView(VerifiedRequiredMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        request.session[NEW_BACKUP_CODES_SESSION_KEY] = {
            "codes": services.backup_codes_issue(user=request.user),
            "replaced": True,
        }
        return redirect(url_with_next("twofactor:backup_codes", reverse("twofactor:manage")))


class ManageView(VerifiedRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """The user's own two-factor page, linked from their Wagtail account page."""

    template_name = "twofactor/manage.html"
    page_title = gettext_lazy("Two-factor sign-in")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("wagtailadmin_account"), "label": gettext_lazy("Account")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            app_device=services.totp_device_for_user(user),
            backup_codes_remaining=services.backup_codes_remaining(user),
            **kwargs,
        )


class SignOutEverywhereView(VerifiedRequiredMixin, View):
    """Ends every session of the signed-in user, this one included, then back to sign in."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        from portal.twofactor.sessions import user_sessions_end

        user = request.user
        user_sessions_end(user)
        logout(request)
        messages.success(request, _("You have been signed out everywhere, here too."))
        return redirect("wagtailadmin_login")
