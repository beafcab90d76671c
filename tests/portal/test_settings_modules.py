"""Production settings refuse to start without their secrets; the defaults are English time."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "complaints.example.org",
    "DATABASE_URL": "postgres://redress@db.example.org:5432/redress",
    "WAGTAILADMIN_BASE_URL": "https://complaints.example.org",
}


def load_production(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import portal.settings.production as s; "
            "print(s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'], s.DEBUG)",
        ],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_starts_with_every_required_variable():
    result = load_production(REQUIRED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "['complaints.example.org'] django.db.backends.postgresql False"
    )


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_production_refuses_to_start_without(missing):
    result = load_production({k: v for k, v in REQUIRED.items() if k != missing})
    assert result.returncode != 0
    assert f"KeyError: '{missing}'" in result.stderr


def test_language_and_time_zone(settings):
    assert settings.LANGUAGE_CODE == "en-gb"
    assert settings.TIME_ZONE == "Europe/London"
    assert settings.DATABASES["default"]["ENGINE"] in (
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    )
