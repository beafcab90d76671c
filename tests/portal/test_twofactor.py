"""Two-factor sign-in for the admin: nothing under /admin/ opens until the second factor."""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.twofactor.services import backup_codes_issue, totp_device_create

from .twofactor_helpers import login_verified, totp_code, totp_wrong_code

pytestmark = pytest.mark.django_db

WRONG_CODE = "The code is not right. Check your authenticator app and try again."
WRONG_BACKUP_CODE = "The backup code is not right, or it has been used already."
THROTTLED = re.compile(r"Too many wrong codes\. Wait (\d+) seconds? and try again\.")


def url(name: str, next_to: str | None = None) -> str:
    address = reverse(name)
    return f"{address}?{urlencode({'next': next_to})}" if next_to else address


@pytest.fixture
def officer(django_user_model):
    return django_user_model.objects.create_superuser(
        username="officer", email="officer@example.org", password="correct horse battery"
    )


@pytest.fixture
def app(officer):
    """The officer's authenticator app, already set up."""
    return totp_device_create(user=officer, confirmed=True)


@pytest.fixture
def signed_in(client, officer):
    """Password accepted, second factor not yet given."""
    client.force_login(officer)
    return client


def reaches_admin(client) -> bool:
    return client.get(reverse("wagtailadmin_home")).status_code == 200


# The middleware


def test_admin_page_before_verification_redirects_to_verify_with_next(signed_in, app):
    response = signed_in.get("/admin/pages/?ordering=title")
    assert response.status_code == 302
    assert response.url == url("twofactor:verify", "/admin/pages/?ordering=title")


def test_admin_page_without_a_device_redirects_to_enrolment(signed_in):
    response = signed_in.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url == url("twofactor:enrol", "/admin/pages/")


def test_editors_without_staff_status_need_it_too(client, django_user_model):
    editor = django_user_model.objects.create_user(username="editor", password="x")
    group = Group.objects.create(name="Complaint editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("twofactor:enrol"))


def test_anonymous_users_go_through_wagtails_login(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
    assert client.get(reverse("twofactor:verify")).url.startswith(reverse("wagtailadmin_login"))


def test_sign_in_pages_and_static_stay_reachable_before_verification(signed_in, app):
    for name in ["wagtailadmin_sprite", "wagtailadmin_javascript_catalog", "twofactor:verify"]:
        assert signed_in.get(reverse(name)).status_code == 200, name
    # Wagtail's login page sends a signed-in user on to the admin, which then asks for the code.
    response = signed_in.get(reverse("wagtailadmin_login"))
    assert response.url == reverse("wagtailadmin_home")
    # Static files are outside /admin/, so the middleware never stands in their way.
    response = signed_in.get("/static/wagtailadmin/css/core.css")
    assert not response.headers.get("Location", "").startswith("/admin/2fa/")
    # Signing out works without a code.
    response = signed_in.post(reverse("wagtailadmin_logout"))
    assert response.url == reverse("wagtailadmin_login")
    assert "_auth_user_id" not in signed_in.session


def test_password_sign_in_then_code_reaches_the_page_asked_for(client, officer, app):
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "officer", "password": "correct horse battery", "next": "/admin/pages/"},
    )
    assert response.url == "/admin/pages/"
    response = client.get(response.url)
    assert response.url == url("twofactor:verify", "/admin/pages/")

    response = client.post(
        reverse("twofactor:verify"), {"code": totp_code(app), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response.url == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


# Enrolment


def test_enrolment_shows_an_inline_svg_qr_code_and_the_setup_key(signed_in, officer):
    response = signed_in.get(reverse("twofactor:enrol"))
    assert response.status_code == 200
    html = response.content.decode()
    device = TOTPDevice.objects.get(user=officer)
    assert not device.confirmed
    assert re.search(r'<svg [^>]*role="img"[^>]*aria-label="QR code', html)
    assert "<path" in html and "<img" not in html
    key = response.context["setup_key"]
    assert re.fullmatch(r"[A-Z2-7]{4}( [A-Z2-7]{4})+", key)
    assert key in html
    assert "Setup key:" in html
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    assert '<html lang="en-gb"' in html
    assert "<h1>Set up two-factor sign-in</h1>" in html
    # Reloading keeps the same key, so the code already scanned still works.
    signed_in.get(reverse("twofactor:enrol"))
    assert TOTPDevice.objects.filter(user=officer).count() == 1


def test_enrolment_is_confirmed_only_by_a_valid_code(signed_in, officer):
    signed_in.get(reverse("twofactor:enrol"))
    device = TOTPDevice.objects.get(user=officer)

    response = signed_in.post(reverse("twofactor:enrol"), {"code": totp_wrong_code(device)})
    assert response.status_code == 200
    assert WRONG_CODE in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed
    assert not reaches_admin(signed_in)

    device.throttle_reset()
    response = signed_in.post(
        reverse("twofactor:enrol"), {"code": totp_code(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response.url == url("twofactor:backup_codes", "/admin/pages/")
    device.refresh_from_db()
    assert device.confirmed
    assert reaches_admin(signed_in)


def test_enrolment_shows_ten_backup_codes_once(signed_in, officer):
    signed_in.get(reverse("twofactor:enrol"))
    device = TOTPDevice.objects.get(user=officer)
    response = signed_in.post(reverse("twofactor:enrol"), {"code": totp_code(device)}, follow=True)
    codes = response.context["codes"]
    assert len(codes) == 10
    assert sorted(codes) == sorted(
        StaticToken.objects.filter(device__user=officer).values_list("token", flat=True)
    )
    html = response.content.decode()
    assert all(code in html for code in codes)
    assert "Your authenticator app is set up." in html
    assert "The backup codes you had before no longer work." not in html

    response = signed_in.get(reverse("twofactor:backup_codes"))
    assert response.url == reverse("twofactor:manage")


def test_password_alone_cannot_enrol_a_new_app_over_an_existing_one(signed_in, app):
    response = signed_in.get(reverse("twofactor:enrol"))
    assert response.url.startswith(reverse("twofactor:verify"))
    assert TOTPDevice.objects.filter(confirmed=False).count() == 0


def test_a_new_app_replaces_the_old_one(client, officer, app):
    login_verified(client, officer)
    response = client.get(reverse("twofactor:enrol"))
    assert "<h1>Set up a new authenticator app</h1>" in response.content.decode()
    new_app = TOTPDevice.objects.get(user=officer, confirmed=False)
    client.post(reverse("twofactor:enrol"), {"code": totp_code(new_app)})
    assert list(TOTPDevice.objects.filter(user=officer)) == [new_app]


# Verifying


def test_a_verified_session_reaches_the_admin(signed_in, app):
    # No backup codes yet, so no link offering one.
    assert "use a backup code" not in signed_in.get(reverse("twofactor:verify")).content.decode()
    response = signed_in.post(reverse("twofactor:verify"), {"code": totp_code(app)})
    assert response.url == reverse("wagtailadmin_home")
    assert reaches_admin(signed_in)


def test_a_wrong_code_shows_the_error_next_to_the_field_and_does_not_verify(signed_in, app):
    response = signed_in.post(reverse("twofactor:verify"), {"code": totp_wrong_code(app)})
    assert response.status_code == 200
    html = response.content.decode()
    field_error = re.search(
        r'<div class="w-field__errors" data-field-errors id="id_code-error">(.*?)</div>',
        html,
        re.DOTALL,
    )
    assert field_error and WRONG_CODE in field_error.group(1)
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_code-error' in html
    assert "<title>Error: Enter your sign-in code" in html
    assert not reaches_admin(signed_in)


def test_a_code_that_is_not_six_numbers_is_refused_without_counting(signed_in, app):
    response = signed_in.post(reverse("twofactor:verify"), {"code": "12ab56"})
    assert "Enter the code as 6 numbers" in response.content.decode()
    app.refresh_from_db()
    assert app.throttling_failure_count == 0


def test_a_code_can_be_typed_with_a_space(signed_in, app):
    code = totp_code(app)
    signed_in.post(reverse("twofactor:verify"), {"code": f"{code[:3]} {code[3:]}"})
    assert reaches_admin(signed_in)


def test_throttling_kicks_in_after_repeated_wrong_codes(signed_in, app):
    messages = []
    for _attempt in range(5):
        response = signed_in.post(reverse("twofactor:verify"), {"code": totp_wrong_code(app)})
        html = response.content.decode()
        messages.append("throttled" if THROTTLED.search(html) else "wrong")
        if THROTTLED.search(html):
            break
    assert messages[0] == "wrong"
    assert messages[-1] == "throttled"

    # While throttled, even the right code is not checked.
    response = signed_in.post(reverse("twofactor:verify"), {"code": totp_code(app)})
    assert THROTTLED.search(response.content.decode())
    assert not reaches_admin(signed_in)


def test_the_throttling_message_says_how_long_to_wait(signed_in, app):
    # django-otp doubles the wait with each wrong code: 1, 2, 4, 8, 16 seconds.
    app.throttling_failure_count = 5
    app.throttling_failure_timestamp = timezone.now()
    app.save()
    response = signed_in.post(reverse("twofactor:verify"), {"code": totp_code(app)})
    assert "Too many wrong codes. Wait 16 seconds and try again." in response.content.decode()


@pytest.mark.parametrize("next_to", ["https://evil.example/admin/", "//evil.example/", "ftp://x"])
def test_next_to_another_site_is_ignored(signed_in, app, next_to):
    response = signed_in.post(
        reverse("twofactor:verify"), {"code": totp_code(app), "next": next_to}
    )
    assert response.url == reverse("wagtailadmin_home")


# Backup codes


def test_a_backup_code_works_once(officer, app):
    code = backup_codes_issue(user=officer)[0]

    first = Client()
    first.force_login(officer)
    response = first.post(reverse("twofactor:verify_backup"), {"code": code.upper()})
    assert response.url == reverse("wagtailadmin_home")
    response = first.get("/admin/")
    assert response.status_code == 200
    assert "You have 9 backup codes left." in response.content.decode()

    second = Client()
    second.force_login(officer)
    response = second.post(reverse("twofactor:verify_backup"), {"code": code})
    assert response.status_code == 200
    assert WRONG_BACKUP_CODE in response.content.decode()
    assert not reaches_admin(second)


def test_signing_in_with_backup_codes_only(signed_in, officer):
    """The demo login has backup codes and no app: the verify page sends it to the backup form."""
    code = backup_codes_issue(user=officer)[0]
    response = signed_in.get("/admin/")
    assert response.url == url("twofactor:verify", "/admin/")
    response = signed_in.get(response.url)
    assert response.url == url("twofactor:verify_backup", "/admin/")
    signed_in.post(reverse("twofactor:verify_backup"), {"code": code, "next": "/admin/"})
    assert reaches_admin(signed_in)


def test_regenerating_backup_codes_invalidates_the_old_ones(client, officer):
    old_codes = backup_codes_issue(user=officer)
    login_verified(client, officer)

    response = client.post(reverse("twofactor:backup_codes_regenerate"), follow=True)
    new_codes = response.context["codes"]
    assert len(new_codes) == 10
    assert "The backup codes you had before no longer work." in response.content.decode()
    assert not set(new_codes) & set(old_codes)
    assert StaticToken.objects.filter(token__in=old_codes).count() == 0

    later = Client()
    later.force_login(officer)
    response = later.post(reverse("twofactor:verify_backup"), {"code": old_codes[0]})
    assert WRONG_BACKUP_CODE in response.content.decode()
    assert not reaches_admin(later)
    # The wrong code throttles the next try for a second; skip the wait.
    StaticDevice.objects.filter(user=officer).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    later.post(reverse("twofactor:verify_backup"), {"code": new_codes[0]})
    assert reaches_admin(later)


def test_backup_codes_issue_replaces_codes(officer):
    first = backup_codes_issue(user=officer)
    second = backup_codes_issue(user=officer, count=3)
    assert len(set(first)) == 10
    assert sorted(StaticToken.objects.values_list("token", flat=True)) == sorted(second)


# The user's own page, and the helper


def test_two_factor_page_is_linked_from_the_account_page(client, officer, app):
    login_verified(client, officer)
    assert (
        reverse("twofactor:manage") in client.get(reverse("wagtailadmin_account")).content.decode()
    )
    backup_codes_issue(user=officer, count=4)
    response = client.get(reverse("twofactor:manage"))
    assert response.status_code == 200
    assert "You have 4 backup codes left." in response.content.decode()


def test_two_factor_page_and_regenerating_need_a_verified_session(signed_in, app):
    response = signed_in.get(reverse("twofactor:manage"))
    assert response.url == url("twofactor:verify", reverse("twofactor:manage"))
    response = signed_in.post(reverse("twofactor:backup_codes_regenerate"))
    assert response.url.startswith(reverse("twofactor:verify"))
    assert not StaticToken.objects.exists()


def test_login_verified_helper_reaches_the_admin(client, officer):
    login_verified(client, officer)
    assert reaches_admin(client)
    assert client.get("/admin/pages/").status_code == 200
