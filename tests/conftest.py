"""Fixtures shared by the whole suite."""

import functools

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


@functools.cache
def data_migrations() -> list:
    """The code of every RunPython operation in our apps' migrations (staff groups and their
    permissions, the sign-off workflow, the default letter templates in English and Welsh), in
    the order the migrations ran."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.operations import RunPython

    graph = MigrationLoader(connection).graph
    plan = {}
    for leaf in sorted(graph.leaf_nodes()):
        plan.update(dict.fromkeys(graph.forwards_plan(leaf)))
    return [
        operation.code
        for key in plan
        if key[0] in ("casework", "cms_pages")
        for operation in graph.nodes[key].operations
        if isinstance(operation, RunPython)
    ]


def restore_migration_data():
    """Put back what migrations create (locale, root page and collection, Wagtail Localize's
    permission, and whatever our data migrations made) after a transactional test has flushed
    the database."""
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
    for code in data_migrations():
        code(apps, None)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Every test starts with no requests counted against the public forms' limits.
    caches["ratelimit"].clear()
