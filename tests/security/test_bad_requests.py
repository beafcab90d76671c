"""A body Django cannot read answers 400 through Django's handler400 (the site's 400.html),
never a 500, whatever a visitor sends to a public form."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PUBLIC_FORMS = ["/follow/", "/complain/", "/another-format/", "/i18n/setlang/"]


@pytest.fixture
def browser():
    """A client that checks CSRF as a real browser is checked, holding a valid token, and
    returns the error page rather than raising what the view raised."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get("/follow/")
    return client, client.cookies["csrftoken"].value


@pytest.mark.parametrize("url", PUBLIC_FORMS)
def test_a_form_in_utf16_is_a_bad_request(browser, url):
    client, token = browser
    # The label is what Django refuses; the test client would re-encode a UTF-16 body.
    body = f"csrfmiddlewaretoken={token}&email=someone%40example.net"
    response = client.post(
        url,
        data=body,
        content_type="application/x-www-form-urlencoded; charset=utf-16",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 400


def test_too_many_fields_is_a_bad_request(browser, settings):
    client, token = browser
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    body = "&".join(f"f{n}=x" for n in range(10)) + f"&csrfmiddlewaretoken={token}"
    response = client.post(
        "/follow/",
        data=body,
        content_type="application/x-www-form-urlencoded",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 400


def test_a_body_too_large_is_a_bad_request(browser, settings):
    client, token = browser
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    body = f"csrfmiddlewaretoken={token}&email=" + "a" * 500
    response = client.post(
        "/follow/",
        data=body,
        content_type="application/x-www-form-urlencoded",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 400


def test_a_broken_multipart_body_is_no_server_error(browser):
    client, token = browser
    response = client.post(
        "/follow/",
        data=b"--xyz\r\nContent-Disposition: form-data; name=\r\n\r\nnot closed",
        content_type="multipart/form-data; boundary=xyz",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code < 500


def test_the_400_is_the_sites_own_page(browser):
    """The answer comes from the URLconf's handler400, so it is the site's styled 400 page
    (templates/400.html), in the language of the address."""
    client, token = browser
    response = client.post(
        "/follow/",
        data="email=x",
        content_type="application/x-www-form-urlencoded; charset=utf-16",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 400
    assert "Sorry, we could not read what your browser sent" in response.content.decode()
