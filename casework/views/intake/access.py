"""Who may open the intake screens.

The decisions are the predicates in `casework.permissions`; this module adapts them to pages:
404 for a person the user may not see (so their existence is not given away). The 403 page for
a screen the user has no part in is `casework.views.common.forbidden`.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import Http404

from casework import permissions
from casework.models import Person


def user_can_view_person(user, person: Person) -> bool:
    """Those who log cases or work every case see anyone; investigators without the logging
    permission see only the people on the cases they handle."""
    if not permissions.user_can_log_cases(user):
        return False
    if permissions.user_can_work_any_case(user) or user.has_perm("casework.log_case"):
        return True
    return permissions.user_can_view_sensitive(user, person)


def person_for(user, pk) -> Person:
    person = Person.objects.filter(pk=pk).first()
    if person is None or not user_can_view_person(user, person):
        raise Http404
    return person


def staff_users():
    """Members of staff who can sign in to the admin: those a complaint can name."""
    staff = Q(is_staff=True) | Q(is_superuser=True) | Q(groups__isnull=False)
    users = get_user_model().objects.filter(staff, is_active=True)
    return (
        get_user_model()
        .objects.filter(pk__in=users.values("pk"))
        .order_by("first_name", "last_name", "username")
    )
