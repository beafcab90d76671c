"""The performance view's permission (Code 9.4-9.7).

The Member Responsible for Complaints and the governing body read the figures, trends and
Ombudsman outcomes; complaints officers prepare them. Neither sees a case through it.
"""

from django.conf import settings
from django.db import migrations

from casework.group_permissions import grant_to_groups

GROUP_PERMISSIONS = {
    "Governing body": ["view_performance"],
    "Complaints officer": ["view_performance"],
}


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
        grant_to_groups("casework", GROUP_PERMISSIONS),
    ]
