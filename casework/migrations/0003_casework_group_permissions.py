"""Give the casework groups their casework permissions (the groups come from cms_pages 0002)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_PERMISSIONS = {
    "Complaints officer": [
        "work_any_case",
        "log_case",
        "add_complaintcategory",
        "change_complaintcategory",
        "delete_complaintcategory",
    ],
    "Investigator": ["work_assigned_case", "log_case"],
    "Customer services": ["log_case"],
}


def grant(apps, schema_editor):
    app_config = global_apps.get_app_config("casework")
    # Put back the app's models_module afterwards: Django's post_migrate handlers skip apps
    # without one.
    models_module = app_config.models_module
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0)
    finally:
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="casework", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GROUP_PERMISSIONS.items():
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="casework", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0002_casework_record"),
        ("cms_pages", "0002_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
