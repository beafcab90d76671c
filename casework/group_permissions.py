"""Giving the staff groups their permissions from a data migration.

A migration that adds a model or a permission grants it to the groups that need it (the groups
come from cms_pages 0002). Permissions are made by Django's post_migrate, which runs after every
migration, so they are made here first; Django skips an app without a `models_module`, which the
historical app registry does not set, so one is put there for the call and taken away after:
leaving it unset made post_migrate skip every app (tests/test_migrations.py guards that).

Imported by migrations: what this module does must never change in a way that changes what an
old migration did.
"""

from functools import partial

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def make_permissions(apps, app_label: str) -> None:
    app_config = global_apps.get_app_config(app_label)
    models_module = app_config.models_module
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = models_module


def grant(apps, schema_editor, *, app_label: str, group_permissions: dict[str, list[str]]):
    """Give each named group (made if missing) the app's permissions with these codenames."""
    make_permissions(apps, app_label)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in group_permissions.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def revoke(apps, schema_editor, *, app_label: str, group_permissions: dict[str, list[str]]):
    """Take them away again, from the groups that exist."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in group_permissions.items():
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


def grant_to_groups(app_label: str, group_permissions: dict[str, list[str]]):
    """A migration operation granting `group_permissions` (group name: codenames), reversible.
    Partials of module functions, so squashmigrations can write it out."""
    arguments = {"app_label": app_label, "group_permissions": group_permissions}
    return migrations.RunPython(partial(grant, **arguments), partial(revoke, **arguments))
