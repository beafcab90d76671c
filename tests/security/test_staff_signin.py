"""Staff password guesses are limited per account and per address (django-axes), failed and
successful sign-ins are logged, and an administrator can clear a lock."""

import datetime as dt
import logging

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
RIGHT = "correct horse battery"


def sign_in(client, username, password, address="203.0.113.9"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def officer():
    return UserFactory(username="officer", is_superuser=True)


def test_ten_wrong_guesses_lock_the_account_and_say_when_to_try_again(client, officer):
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC), tick=False):
        for _ in range(9):
            assert sign_in(client, "officer", "wrong").status_code == 200
        response = sign_in(client, "officer", "wrong")
        assert response.status_code == 302
        response = sign_in(client, "officer", RIGHT)
        assert not signed_in(client), "the right password is refused while locked"
        page = client.get(response["Location"]).content.decode()
        # 10:00 UTC is 10:00 in London in March; the lock lasts five minutes.
        assert "Try again at 10:05." in page
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, 6, tzinfo=dt.UTC), tick=False):
        sign_in(client, "officer", RIGHT)
        assert signed_in(client), "five minutes later the right password works"


def test_guesses_from_one_address_lock_that_address_for_every_account(client, officer):
    for n in range(10):
        sign_in(client, f"someone{n}", "wrong")
    sign_in(client, "officer", RIGHT)
    assert not signed_in(client)
    sign_in(client, "officer", RIGHT, address="198.51.100.7")
    assert signed_in(client), "the officer at another address is not locked"


def test_failed_and_successful_sign_ins_are_logged(client, officer, caplog):
    with caplog.at_level(logging.INFO, logger="axes"):
        sign_in(client, "officer", "wrong")
        sign_in(client, "officer", RIGHT)
    assert AccessFailureLog.objects.filter(username="officer", ip_address="203.0.113.9").exists()
    assert AccessLog.objects.filter(username="officer", ip_address="203.0.113.9").exists()
    text = caplog.text
    assert "login failure" in text and "officer" in text
    assert "Successful login" in text
    assert RIGHT not in text, "passwords are never logged"


def test_an_administrator_lists_and_clears_a_lock(client, officer, capsys):
    for _ in range(10):
        sign_in(client, "officer", "wrong")
    call_command("axes_list_attempts")
    assert "officer" in capsys.readouterr().out
    call_command("axes_reset_username", "officer")
    call_command("axes_reset_ip", "203.0.113.9")
    assert not AccessAttempt.objects.exists()
    sign_in(client, "officer", RIGHT)
    assert signed_in(client)


def test_a_right_password_still_leads_to_the_second_factor(client, officer):
    response = sign_in(client, "officer", RIGHT)
    assert response.status_code == 302
    follow = client.get("/admin/")
    assert follow.status_code == 302
    assert follow["Location"].startswith("/admin/2fa/")
