"""Fixtures shared by the whole suite."""

import pytest
from django.core.cache import caches


def pytest_sessionstart(session):
    """Tests read the compiled catalogues (issue 7): compile any that are missing or older than
    their .po, as `make messages` would. Once, before pytest-xdist starts its test processes
    (which have `workerinput`), so that none reads a catalogue while another writes it."""
    if hasattr(session.config, "workerinput"):
        return
    from portal.catalogues import compile_stale

    compile_stale()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language, whatever the test before it in the same
    process activated (a request through LocaleMiddleware leaves its language active)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


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

    # Without the Welsh and Urdu pages, which take longer to make than the rest: tests that
    # read them ask for translated_demo_site.
    call_command("load_demo", "--no-translations", stdout=StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def translated_demo_site(db):
    """The demo landlord with its Welsh and Urdu pages, exactly as `make run` loads it."""
    from io import StringIO

    from django.core.management import call_command
    from wagtail.models import Site

    call_command("load_demo", stdout=StringIO())
    return Site.objects.get(is_default_site=True)


def restore_migration_data():
    """Put back what migrations create (locale, root page and collection, staff groups, the
    sign-off workflow, the default letter templates in English and Welsh, notice, learning and
    performance permissions, the governing body's permission to respond to the annual report)
    after a transactional test has flushed the database."""
    import importlib

    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page, Site

    # The flush also emptied the content types; their cache still holds the old ids.
    ContentType.objects.clear_cache()
    locale, _ = Locale.objects.get_or_create(language_code="en-gb")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(title="Root", slug="root", locale=locale)
    if not Site.objects.exists():
        Site.objects.create(
            hostname="localhost", root_page=Page.objects.get(depth=1), is_default_site=True
        )
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")
    localize = importlib.import_module(
        "wagtail_localize.migrations.0006_create_submit_translation_permission"
    )
    localize.create_submit_translation_permission(apps, None)
    groups = importlib.import_module("cms_pages.migrations.0002_groups_and_workflow")
    groups.create_groups_and_workflow(apps, None)
    casework_groups = importlib.import_module("casework.migrations.0003_casework_group_permissions")
    casework_groups.grant(apps, None)
    letters = importlib.import_module("casework.migrations.0006_default_letter_templates")
    letters.forwards(apps, None)
    notices = importlib.import_module("casework.migrations.0007_service_notices")
    notices.grant(apps, None)
    learning = importlib.import_module("casework.migrations.0008_learning")
    learning.grant(apps, None)
    performance = importlib.import_module("casework.migrations.0009_performance_permission")
    performance.grant(apps, None)
    welsh_letters = importlib.import_module("casework.migrations.0010_welsh_letter_templates")
    welsh_letters.create_templates(apps, None)
    annual_report = importlib.import_module("cms_pages.migrations.0005_annual_report")
    annual_report.grant(apps, None)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Every test starts with no requests counted against the public forms' limits.
    caches["ratelimit"].clear()
