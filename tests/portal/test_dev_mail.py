"""The developer sees the mail the site has sent (issue 5): only while DEBUG with the file
backend, never otherwise."""

import os

import pytest
from django.core.mail import EmailMessage, send_mail

from tests.factories import UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db

INDEX = "/dev/mail/"


@pytest.fixture
def mail_folder(settings, tmp_path):
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    return tmp_path


@pytest.fixture
def dev_mail(mail_folder, client):
    """The folder, with `client` signed in as verified staff, the only people who may read it."""
    login_verified(client, UserFactory(is_superuser=True, is_staff=True))
    return mail_folder


def test_a_visitor_who_is_not_signed_in_is_sent_to_sign_in(client, mail_folder):
    """The mail holds live sign-in links: a stranger who reaches a demo must not read them."""
    send_mail("Sign in", "https://example.test/follow/sign-in/abc/", None, ["r@example.net"])
    name = only_file(mail_folder)
    for url in (INDEX, f"/dev/mail/{name}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
        assert b"sign-in" not in response.content


def test_staff_without_the_second_factor_are_sent_to_verify(client, mail_folder):
    user = UserFactory(is_superuser=True, is_staff=True)
    login_verified(client, user)
    client.logout()
    client.force_login(user)  # signed in, second factor not passed
    response = client.get(INDEX)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/verify/")


def test_a_signed_in_user_who_is_not_staff_gets_not_found(client, mail_folder):
    client.force_login(UserFactory(is_staff=False))
    assert client.get(INDEX).status_code == 404


def only_file(folder, before=()):
    [name] = set(os.listdir(folder)) - set(before)
    return name


def test_sent_mail_is_listed_newest_first_and_each_is_readable(client, dev_mail):
    send_mail(
        "Sign in to follow your case",
        "Use this link: https://example.test/follow/sign-in/abc123/",
        "complaints@example-homes.test",
        ["resident@example.net"],
    )
    # The file backend names its file by the second and the connection's id, and appends when
    # both repeat (they can: the id of a freed connection is reused), so the first message is
    # moved aside to make the second one's file its own.
    first = "20231114-221320-1.log"
    os.rename(dev_mail / only_file(dev_mail), dev_mail / first)
    os.utime(dev_mail / first, (1_700_000_000, 1_700_000_000))
    message = EmailMessage(
        "Your stage 1 response", "The letter is attached.", to=["other@example.net"]
    )
    message.attach("CMP-2026-00001 response.pdf", b"%PDF-1.7", "application/pdf")
    message.send()
    second = only_file(dev_mail, before=[first])

    page = client.get(INDEX).content.decode()
    assert page.index("Your stage 1 response") < page.index("Sign in to follow your case")
    assert "resident@example.net" in page
    assert f'href="/dev/mail/{second}/"' in page

    response = client.get(f"/dev/mail/{first}/")
    assert response.status_code == 200
    text = response.content.decode()
    assert '<a href="https://example.test/follow/sign-in/abc123/"' in text, (
        "the sign-in link is clickable"
    )
    assert "CMP-2026-00001 response.pdf" in client.get(f"/dev/mail/{second}/").content.decode()


def test_an_empty_folder_says_so(client, dev_mail):
    assert "No mail has been sent yet." in client.get(INDEX).content.decode()


def test_only_files_in_the_folder_can_be_read(client, dev_mail, tmp_path_factory):
    secret = tmp_path_factory.mktemp("elsewhere") / "secret.log"
    secret.write_text("Subject: private\n\nnot for you\n")
    assert client.get("/dev/mail/secret.log/").status_code == 404
    assert client.get("/dev/mail/..%2Felsewhere0%2Fsecret.log/").status_code == 404


def test_not_found_without_debug_or_without_the_file_backend(client, settings, dev_mail):
    """Production has DEBUG off and SMTP (tests/portal/test_settings_modules.py): 404."""
    send_mail("Hello", "Body", "a@example.test", ["b@example.test"])
    name = only_file(dev_mail)
    settings.DEBUG = False
    assert client.get(INDEX).status_code == 404
    assert client.get(f"/dev/mail/{name}/").status_code == 404
    settings.DEBUG = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert client.get(INDEX).status_code == 404
    assert client.get(f"/dev/mail/{name}/").status_code == 404


def test_every_message_in_a_file_is_shown(client, dev_mail):
    """One connection sending two messages writes both to one file: both are listed and read."""
    from django.core import mail

    with mail.get_connection() as connection:
        EmailMessage("First of two", "One", to=["a@example.test"], connection=connection).send()
        EmailMessage("Second of two", "Two", to=["b@example.test"], connection=connection).send()
    name = only_file(dev_mail)
    for url in (INDEX, f"/dev/mail/{name}/"):
        page = client.get(url).content.decode()
        assert "First of two" in page and "Second of two" in page
