"""Fixtures shared by the whole suite."""

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Files written by a test (PDFs, uploads) go to a folder of its own.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.REDRESS_PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def demo_site(db):
    """The demo landlord, loaded as `make run` loads it."""
    from io import StringIO

    from django.core.management import call_command
    from wagtail.models import Site

    call_command("load_demo", stdout=StringIO())
    return Site.objects.get(is_default_site=True)
