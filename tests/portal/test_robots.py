"""robots.txt (portal/robots.py) keeps the admin and the resident's own pages out of search
engines, in every language, and names the sitemap; the published pages stay open."""

import pytest

pytestmark = pytest.mark.django_db


def rules(client) -> tuple[list[str], list[str]]:
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = [line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow")]
    sitemaps = [line.removeprefix("Sitemap: ") for line in lines if line.startswith("Sitemap")]
    return disallowed, sitemaps


def test_robots_keeps_the_admin_and_the_residents_own_pages_out(client):
    disallowed, sitemaps = rules(client)
    for prefix in ("", "/cy", "/ur"):
        for path in ("/complain/", "/follow/", "/another-format/", "/search/"):
            assert prefix + path in disallowed
    assert "/admin/" in disallowed
    assert "/dev/" in disallowed
    assert sitemaps == ["http://testserver/sitemap.xml"]


def test_robots_leaves_the_published_pages_open(client):
    disallowed, _sitemaps = rules(client)
    for published in ("/", "/cy/", "/make-a-complaint/", "/complaints-policy/", "/sitemap.xml"):
        assert not any(published.startswith(path) for path in disallowed), published
