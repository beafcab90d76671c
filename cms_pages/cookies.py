"""Every cookie the public site sets, from the settings that name them: the one list the cookies
page shows and the test of the public pages checks against. They are all strictly necessary
for the service a resident asks for, so the site asks no consent for them and has no banner
(Privacy and Electronic Communications Regulations 2003, regulation 6(4)); it sets no
analytics or advertising cookies."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: str
    expires: str


def lifetime_text(seconds: int | None) -> str:
    """How long a cookie lasts, in words: "When you close your browser" or "2 weeks"."""
    if not seconds:
        # Translators: to residents, on the cookies page: when a cookie expires.
        return str(_("When you close your browser"))
    length = timedelta(seconds=seconds)
    if length.days >= 365 and length.days % 365 == 0:
        years = length.days // 365
        # Translators: to residents, on the cookies page: how long a cookie lasts.
        return ngettext("%(count)d year", "%(count)d years", years) % {"count": years}
    if length.days >= 7 and length.days % 7 == 0:
        weeks = length.days // 7
        # Translators: to residents, on the cookies page: how long a cookie lasts.
        return ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks}
    if length.days >= 1:
        # Translators: to residents, on the cookies page: how long a cookie lasts.
        return ngettext("%(count)d day", "%(count)d days", length.days) % {"count": length.days}
    hours = max(1, round(seconds / 3600))
    # Translators: to residents, on the cookies page: how long a cookie lasts.
    return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}


def _messages_use_cookies() -> bool:
    storage = getattr(
        settings, "MESSAGE_STORAGE", "django.contrib.messages.storage.fallback.FallbackStorage"
    )
    return not storage.endswith("session.SessionStorage")


def site_cookies() -> list[Cookie]:
    """The cookies the public site can set, in the order a resident meets them."""
    session_age = None if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE else settings.SESSION_COOKIE_AGE
    cookies = [
        Cookie(
            settings.SESSION_COOKIE_NAME,
            # Translators: to residents, on the cookies page: what the session cookie is for.
            str(
                _(
                    "Remembers your answers while you fill in a form, and that you have signed "
                    "in to follow your complaint."
                )
            ),
            lifetime_text(session_age),
        ),
    ]
    if not settings.CSRF_USE_SESSIONS:
        cookies.append(
            Cookie(
                settings.CSRF_COOKIE_NAME,
                # Translators: to residents, on the cookies page: what the CSRF cookie is for.
                str(_("Stops other websites sending forms to us in your name.")),
                lifetime_text(settings.CSRF_COOKIE_AGE),
            )
        )
    if _messages_use_cookies():
        cookies.append(
            Cookie(
                "messages",
                # Translators: to residents, on the cookies page: what the messages cookie is for.
                str(_("Shows a message once, for example that you have signed out.")),
                # Translators: to residents, on the cookies page: when a cookie expires.
                str(_("When the message has been shown")),
            )
        )
    cookies.append(
        Cookie(
            settings.LANGUAGE_COOKIE_NAME,
            # Translators: to residents, on the cookies page: what the language cookie is for.
            str(
                _(
                    "Remembers the language you read this site in, if it is not English, so "
                    "that the home page opens in it next time."
                )
            ),
            lifetime_text(settings.LANGUAGE_COOKIE_AGE),
        )
    )
    return cookies


def cookie_names() -> set[str]:
    return {cookie.name for cookie in site_cookies()}
