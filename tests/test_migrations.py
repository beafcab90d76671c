"""What migrating a new database leaves behind."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission

pytestmark = pytest.mark.django_db


def test_every_model_has_its_content_type_and_permissions():
    """Django makes these after the last migration; a migration that upsets the app registry
    (as one of ours once did) leaves later models without them, and their admin without
    permissions to grant."""
    missing = [
        f"{model._meta.label}: add_{model._meta.model_name}"
        for model in apps.get_models()
        if not model._meta.abstract
        and not model._meta.proxy
        and "add" in model._meta.default_permissions
        and not Permission.objects.filter(
            content_type__app_label=model._meta.app_label,
            codename=f"add_{model._meta.model_name}",
        ).exists()
    ]
    assert missing == []


def migrated_data() -> dict:
    from django.contrib.auth.models import Group
    from wagtail.models import Workflow

    from casework.models import LetterTemplate

    return {
        "groups": {
            group.name: sorted(
                f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
            )
            for group in Group.objects.prefetch_related("permissions__content_type")
        },
        "workflows": sorted(Workflow.objects.values_list("name", flat=True)),
        "letters": sorted(LetterTemplate.objects.values_list("letter_type", "language")),
    }


def test_a_flushed_database_gets_back_what_the_migrations_made():
    """Browser and concurrency tests flush the database and call restore_migration_data(),
    which replays our data migrations: afterwards the staff groups, their permissions, the
    workflow and the letter templates are exactly as migrating made them. (Flushed inside this
    test's transaction, which is rolled back after it.)"""
    from django.core.management import call_command

    from tests.conftest import restore_migration_data

    migrated = migrated_data()
    assert migrated["groups"]["Governing body"], "the groups have their permissions"
    call_command("flush", "--no-input", verbosity=0)
    assert migrated_data()["groups"] == {}
    restore_migration_data()
    assert migrated_data() == migrated
