"""Who may open the case screens, in the terms Wagtail's generic views ask about.

The decisions themselves are the predicates in `casework.permissions`; this module only adapts
them: a permission policy for the listing, 404 for a case the user may not see, 403 for working
a case they may only read, or for opening the list without any casework permission.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.http import Http404
from wagtail.permission_policies import BasePermissionPolicy

from casework import permissions
from casework.models import Case

WORK_PERMISSIONS = ("work_any_case", "work_assigned_case")


class CaseListPolicy(BasePermissionPolicy):
    """Anyone who logs or works cases may open the list ("view"); nobody adds, edits or deletes
    cases through it: cases change only through the services, from the case page."""

    def user_has_permission(self, user, action):
        return action == "view" and permissions.user_can_log_cases(user)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return _users_with(("log_case", *WORK_PERMISSIONS))


def _users_with(codenames):
    granted = Permission.objects.filter(content_type__app_label="casework", codename__in=codenames)
    users = get_user_model().objects.filter(
        Q(is_superuser=True) | Q(user_permissions__in=granted) | Q(groups__permissions__in=granted)
    )
    return get_user_model().objects.filter(is_active=True, pk__in=users.values("pk"))


def case_workers():
    """Active staff who can work cases: the people a stage or an action can be given to. The
    rules about who may handle which stage (Code 6.13) stay with the services."""
    return _users_with(WORK_PERMISSIONS).order_by("first_name", "last_name", "username")


def case_for(user, pk, queryset=None) -> Case:
    """The case, if the user may see it; otherwise 404, so its existence is not given away."""
    queryset = Case.objects.all() if queryset is None else queryset
    case = queryset.filter(pk=pk).first()
    if case is None or not permissions.user_can_view_case(user, case):
        raise Http404
    return case
