"""The English letter templates every landlord starts with (casework/letters/defaults.py), and
the complaints officer's permission to edit them (issue 5: templates editable without code)."""

from django.db import migrations

from casework.group_permissions import grant_to_groups
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


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0005_letters"),
        ("cms_pages", "0002_groups_and_workflow"),
    ]

    operations = [
        migrations.RunPython(create_templates, migrations.RunPython.noop),
        grant_to_groups("casework", GROUP_PERMISSIONS),
    ]
