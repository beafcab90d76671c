"""Two-factor devices and backup codes: who needs them, and the only code that writes them.

django-otp does the cryptography and the throttling; this module decides which devices a user
has and keeps each change in one transaction.
"""

import math

import django_otp
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES_DEVICE_NAME = "Backup codes"
BACKUP_CODES_COUNT = 10


class CodeRefused(Exception):
    """A code was not accepted; the subclass says why."""


class CodeWrong(CodeRefused):
    """The code does not match the device (or a backup code has been used already)."""


class CodeThrottled(CodeRefused):
    """django-otp's throttling refuses to check any code until `wait_seconds` have passed."""

    def __init__(self, wait_seconds: int):
        super().__init__(wait_seconds)
        self.wait_seconds = wait_seconds


# Reads


def user_needs_second_factor(user) -> bool:
    """Anyone who can open the Wagtail admin, not only superusers and staff: editors reach it
    through the `wagtailadmin.access_admin` permission."""
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_staff or user.has_perm("wagtailadmin.access_admin"))
    )


def user_has_confirmed_device(user) -> bool:
    return django_otp.user_has_device(user, confirmed=True)


def totp_device_for_user(user) -> TOTPDevice | None:
    """The user's authenticator app; enrolment keeps only one confirmed at a time."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("-pk").first()


def totp_device_pending(user) -> TOTPDevice | None:
    """An authenticator app being set up, so that reloading the page keeps the same QR code."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("-pk").first()


def backup_device_for_user(user) -> StaticDevice | None:
    return StaticDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def backup_codes_remaining(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# Writes


@transaction.atomic
def totp_device_create(
    *, user: AbstractBaseUser, name: str = "Authenticator app", confirmed: bool = False
) -> TOTPDevice:
    """A new authenticator app with a fresh random key. Unconfirmed until a code from it has
    been checked (`totp_device_confirm`)."""
    return TOTPDevice.objects.create(user=user, name=name, confirmed=confirmed)


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice) -> TOTPDevice:
    """Mark the app as set up and retire any app the user set up before, so a lost phone stops
    working as soon as its replacement is confirmed."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
    return device


@transaction.atomic
def backup_codes_issue(*, user: AbstractBaseUser, count: int = BACKUP_CODES_COUNT) -> list[str]:
    """Replace the user's backup codes with `count` new single-use ones and return them.

    They are shown to the user once; every earlier code stops working.
    """
    devices = list(StaticDevice.objects.filter(user=user).order_by("pk"))
    if devices:
        device, *extra = devices
        StaticDevice.objects.filter(pk__in=[d.pk for d in extra]).delete()
        device.token_set.all().delete()
        if not device.confirmed:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
    else:
        device = StaticDevice.objects.create(
            user=user, name=BACKUP_CODES_DEVICE_NAME, confirmed=True
        )
    codes: list[str] = []
    while len(codes) < count:
        code = StaticToken.random_token()
        if code not in codes:
            codes.append(code)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def device_verify_code(*, user: AbstractBaseUser, device: Device, code: str) -> Device:
    """Check `code` against `device` and return the device that accepted it.

    Raises `CodeThrottled` while django-otp's throttling is in force (the wait doubles with each
    wrong code) and `CodeWrong` otherwise. `django_otp.verify_token` locks the device row, so
    two requests cannot both spend the same code.
    """
    allowed, details = device.verify_is_allowed()
    if not allowed:
        raise CodeThrottled(_wait_seconds(details))
    verified = django_otp.verify_token(user, device.persistent_id, code)
    if verified is None:
        raise CodeWrong
    return verified


def _wait_seconds(details: dict | None) -> int:
    locked_until = (details or {}).get("locked_until")
    if locked_until is None:
        return 1
    return max(1, math.ceil((locked_until - timezone.now()).total_seconds()))
