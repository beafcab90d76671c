"""Staff groups and the moderation workflow.

Comms editors draft pages but cannot publish; a Comms approver signs every change off through
the "Comms sign-off" workflow attached to the root page, so an edit to the complaints policy
never goes live unapproved. The casework groups get their casework permissions in casework's
own migrations.
"""

from django.apps import apps as global_apps
from django.db import migrations

from casework.group_permissions import make_permissions

GROUPS = [
    "Comms editor",
    "Comms approver",
    "Complaints officer",
    "Investigator",
    "Customer services",
    "Governing body",
]

# group -> (app_label, codename) model permissions
MODEL_PERMISSIONS = {
    "Comms editor": [
        ("wagtailadmin", "access_admin"),
        ("casework", "change_ombudsmanscheme"),
        ("cms_pages", "change_brandingsettings"),
        ("wagtail_localize", "submit_translation"),
    ],
    "Comms approver": [
        ("wagtailadmin", "access_admin"),
        ("casework", "add_ombudsmanscheme"),
        ("casework", "change_ombudsmanscheme"),
        ("casework", "delete_ombudsmanscheme"),
        ("cms_pages", "change_brandingsettings"),
        ("wagtail_localize", "submit_translation"),
    ],
    "Complaints officer": [
        ("wagtailadmin", "access_admin"),
        ("casework", "change_complaintprocesssettings"),
    ],
    "Investigator": [("wagtailadmin", "access_admin")],
    "Customer services": [("wagtailadmin", "access_admin")],
    "Governing body": [("wagtailadmin", "access_admin")],
}

PAGE_PERMISSIONS = {
    "Comms editor": ["add_page", "change_page"],
    "Comms approver": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}

COLLECTION_PERMISSIONS = {
    "Comms editor": [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
    ],
    "Comms approver": [
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "delete_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "delete_document"),
        ("wagtaildocs", "choose_document"),
    ],
}

WORKFLOW_NAME = "Comms sign-off"
TASK_NAME = "Comms approver sign-off"


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def create_groups_and_workflow(apps, schema_editor):
    # Permissions are normally created after all migrations have run; we need them now.
    for app_config in global_apps.get_app_configs():
        make_permissions(apps, app_config.label)

    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUPS}
    for name, permissions in MODEL_PERMISSIONS.items():
        groups[name].permissions.add(*(_permission(apps, *p) for p in permissions))

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page=root_page,
                permission=_permission(apps, "wagtailcore", codename),
            )
    for name, permissions in COLLECTION_PERMISSIONS.items():
        for permission in permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=groups[name],
                collection=root_collection,
                permission=_permission(apps, *permission),
            )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=TASK_NAME, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups["Comms approver"]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})

    # Wagtail's starter groups and workflow would let an editor publish around our sign-off.
    Group.objects.filter(name__in=["Moderators", "Editors"], user__isnull=True).delete()
    Workflow.objects.filter(name="Moderators approval", workflow_pages__isnull=True).delete()


def remove_groups_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms_pages", "0001_initial"),
        ("casework", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow)]
