"""Give the casework groups their casework permissions (the groups come from cms_pages 0002)."""

from django.db import migrations

from casework.group_permissions import grant_to_groups

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


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0002_casework_record"),
        ("cms_pages", "0002_groups_and_workflow"),
    ]

    operations = [grant_to_groups("casework", GROUP_PERMISSIONS)]
