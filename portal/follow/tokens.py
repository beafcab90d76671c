"""Single-use sign-in links: 256 random bits, kept only as a hash, used once,
valid for `REDRESS_SIGN_IN_LINK_MINUTES` (30 by default)."""

import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.utils import timezone

from portal.follow.models import SignInToken

TOKEN_BYTES = 32


def link_minutes() -> int:
    return getattr(settings, "REDRESS_SIGN_IN_LINK_MINUTES", 30)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_issue(email: str, *, now=None) -> str:
    """A new link's token for `email`; only its hash is stored."""
    now = now or timezone.now()
    token = secrets.token_urlsafe(TOKEN_BYTES)
    SignInToken.objects.create(
        email=email.strip().lower(),
        token_hash=token_hash(token),
        expires_at=now + dt.timedelta(minutes=link_minutes()),
    )
    return token


def token_is_usable(token: str, *, now=None) -> bool:
    now = now or timezone.now()
    return SignInToken.objects.filter(
        token_hash=token_hash(token), used_at__isnull=True, expires_at__gt=now
    ).exists()


def token_consume(token: str, *, now=None) -> str | None:
    """The email a token signs in, marking it used; None when it is unknown, used or expired.
    One UPDATE decides, so two clicks at once cannot both use it."""
    now = now or timezone.now()
    found = SignInToken.objects.filter(
        token_hash=token_hash(token), used_at__isnull=True, expires_at__gt=now
    )
    email = found.values_list("email", flat=True).first()
    if email is None or found.update(used_at=now) != 1:
        return None
    return email
