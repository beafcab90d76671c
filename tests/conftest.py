"""Fixtures shared by the whole suite."""

import pytest


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    # Files written by a test (PDFs, uploads) go to a folder of its own.
    settings.MEDIA_ROOT = tmp_path / "media"
