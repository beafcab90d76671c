"""Staff sessions end after the configured idle time, and staff can sign out everywhere."""

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client

from tests.factories import UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db


def reaches_admin(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_a_staff_session_ends_after_the_idle_time(client, settings):
    settings.REDRESS_STAFF_IDLE_MINUTES = 30
    with time_machine.travel("2026-03-02 09:00 +0000", tick=False) as clock:
        login_verified(client, UserFactory(is_superuser=True))
        assert reaches_admin(client)
        clock.shift(29 * 60)
        assert reaches_admin(client), "29 minutes quiet: still signed in"
        clock.shift(29 * 60)
        assert reaches_admin(client), "each request starts the idle time again"
        clock.shift(31 * 60)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
        assert "_auth_user_id" not in client.session


def test_sign_out_everywhere_ends_every_session_of_that_user_only(settings):
    officer = UserFactory(is_superuser=True)
    laptop, phone, colleague = Client(), Client(), Client()
    login_verified(laptop, officer)
    login_verified(phone, officer)
    login_verified(colleague, UserFactory(is_superuser=True))
    assert reaches_admin(laptop) and reaches_admin(phone)

    page = laptop.get("/admin/2fa/").content.decode()
    assert "Sign out everywhere" in page
    response = laptop.post("/admin/2fa/sign-out-everywhere/")
    assert response.status_code == 302
    assert not reaches_admin(phone)
    assert not reaches_admin(laptop)
    assert reaches_admin(colleague)
    assert Session.objects.count() >= 1
