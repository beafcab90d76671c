"""Editorial workflow: a Comms editor's change to the complaints policy does not go live until a
Comms approver signs it off."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms_pages.models import PolicyPage
from tests.factories import UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db


def member_of(group_name: str):
    user = UserFactory(is_staff=False)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def policy_form(page: PolicyPage, *, heading: str, action: str) -> dict:
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "version": "4.1",
            "policy_owner": page.policy_owner,
            "approved_on": "2026-11-20",
            "next_review_on": "2027-11-20",
            "sections": streamfield(
                [
                    (
                        "section",
                        {
                            "heading": heading,
                            "body": streamfield([("paragraph", rich_text("<p>New words.</p>"))]),
                        },
                    )
                ]
            ),
            action: "1",
        }
    )


def live_heading(client, page) -> bool:
    return client.get(page.url).content.decode()


def test_editor_change_waits_for_approval_then_goes_live(client, demo_site):
    page = PolicyPage.objects.get()
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    visitor = client.__class__()

    editor = member_of("Comms editor")
    login_verified(client, editor)
    assert client.get(edit_url).status_code == 200
    response = client.post(
        edit_url, policy_form(page, heading="Our promise", action="action-submit")
    )
    assert response.status_code == 302, response.content.decode()[:2000]

    page.refresh_from_db()
    assert page.version == "4.0"
    assert "Our promise" not in live_heading(visitor, page)
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Comms sign-off"

    # Publishing directly is not open to an editor.
    client.post(edit_url, policy_form(page, heading="Sneaked in", action="action-publish"))
    page.refresh_from_db()
    assert page.version == "4.0"
    assert "Sneaked in" not in live_heading(visitor, page)

    approver = member_of("Comms approver")
    client.logout()
    login_verified(client, approver)
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    response = client.post(approve_url, {"comment": "Checked against the Code."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.version == "4.1"
    assert "1. Our promise" in live_heading(visitor, page)


def test_editor_cannot_publish_but_approver_can(demo_site):
    page = PolicyPage.objects.get()
    editor = member_of("Comms editor")
    approver = member_of("Comms approver")
    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(approver).can_publish()


def test_comms_groups_see_no_casework_settings(demo_site):
    editor = member_of("Comms editor")
    officer = member_of("Complaints officer")
    assert not editor.has_perm("casework.change_complaintprocesssettings")
    assert officer.has_perm("casework.change_complaintprocesssettings")
    assert editor.has_perm("cms_pages.change_brandingsettings")
