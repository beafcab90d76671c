"""The performance view's permission (Code 9.4-9.7).

The Member Responsible for Complaints and the governing body read the figures, trends and
Ombudsman outcomes; complaints officers prepare them. Neither sees a case through it.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_PERMISSIONS = {
    "Governing body": ["view_performance"],
    "Complaints officer": ["view_performance"],
}


def grant(apps, schema_editor):
    app_config = global_apps.get_app_config("casework")
    # As in 0003: Django's post_migrate handlers skip apps without a models_module.
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
        ("casework", "0008_learning"),
        ("cms_pages", "0002_groups_and_workflow"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="case",
            options={
                "ordering": ["-received_at"],
                "permissions": [
                    ("work_any_case", "Can see and work every case"),
                    ("work_assigned_case", "Can work cases assigned to them"),
                    ("log_case", "Can log cases and read their status"),
                    ("view_performance", "Can see complaint handling performance"),
                ],
                "verbose_name": "case",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
