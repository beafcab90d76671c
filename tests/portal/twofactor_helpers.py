"""Helpers for tests of admin pages, which sit behind two-factor sign-in."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.twofactor.services import totp_device_create, totp_device_for_user


def login_verified(client, user) -> TOTPDevice:
    """Sign `user` in on the test `client` with a session that has passed the second factor, as
    `django_otp.login` leaves it, so admin pages open. Returns the authenticator app used."""
    client.force_login(user)
    device = totp_device_for_user(user) or totp_device_create(user=user, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def totp_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code the user's authenticator app shows now (or `steps_ahead` 30-second steps on; the
    device accepts one step either side, and never the same step twice)."""
    token = totp(
        device.bin_key,
        step=device.step,
        t0=device.t0,
        digits=device.digits,
        drift=device.drift + steps_ahead,
    )
    return f"{token:0{device.digits}d}"


def totp_wrong_code(device: TOTPDevice) -> str:
    """A well-formed code that none of the steps the device accepts would show."""
    accepted = {totp_code(device, steps_ahead=step) for step in (-1, 0, 1)}
    return next(
        code
        for code in (f"{n:0{device.digits}d}" for n in range(10**device.digits))
        if code not in accepted
    )
