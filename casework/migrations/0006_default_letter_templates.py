"""The English letter templates every landlord starts with (casework/letters/defaults.py), and
the complaints officer's permission to edit them (issue 5: templates editable without code)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from casework.letters.defaults import DEFAULT_LETTER_TEMPLATES

GROUP_PERMISSIONS = {
    "Complaints officer": [
        "add_lettertemplate",
        "change_lettertemplate",
        "delete_lettertemplate",
        "view_lettertemplate",
    ],
}


def create_templates(apps, schema_editor):
    LetterTemplate = apps.get_model("casework", "LetterTemplate")
    for letter_type, (subject, body) in DEFAULT_LETTER_TEMPLATES.items():
        LetterTemplate.objects.get_or_create(
            letter_type=letter_type, language="en-gb", defaults={"subject": subject, "body": body}
        )


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


def forwards(apps, schema_editor):
    create_templates(apps, schema_editor)
    grant(apps, schema_editor)


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
        ("casework", "0005_letters"),
        ("cms_pages", "0002_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(forwards, revoke)]
