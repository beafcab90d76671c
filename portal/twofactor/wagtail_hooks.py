from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def account_two_factor_item(request):
    """A link from the user's Wagtail account page ("More actions") to their 2FA page."""
    return {
        "url": reverse("twofactor:manage"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Set up a new authenticator app, or make new backup codes."),
    }
