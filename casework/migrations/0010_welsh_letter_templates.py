"""The Welsh letter templates every landlord starts with (casework/letters/defaults_cy.py), so a
resident whose preferred language is Welsh gets their letters in Welsh (issue 7). Templates a
landlord has already written in Welsh are kept."""

from django.db import migrations

from casework.letters.defaults_cy import WELSH, WELSH_LETTER_TEMPLATES


def create_templates(apps, schema_editor):
    LetterTemplate = apps.get_model("casework", "LetterTemplate")
    for letter_type, (subject, body) in WELSH_LETTER_TEMPLATES.items():
        LetterTemplate.objects.get_or_create(
            letter_type=letter_type, language=WELSH, defaults={"subject": subject, "body": body}
        )


def remove_templates(apps, schema_editor):
    LetterTemplate = apps.get_model("casework", "LetterTemplate")
    for letter_type, (subject, body) in WELSH_LETTER_TEMPLATES.items():
        # Only the defaults as we wrote them: a landlord's own Welsh wording stays.
        LetterTemplate.objects.filter(
            letter_type=letter_type, language=WELSH, subject=subject, body=body
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("casework", "0009_performance_permission")]

    operations = [migrations.RunPython(create_templates, remove_templates)]
