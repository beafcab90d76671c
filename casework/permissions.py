"""Who may see and do what in casework, as predicates.

- Complaints officers see and work every case (`casework.work_any_case`).
- Investigators work the cases whose stage they handle (`casework.work_assigned_case`).
- Customer services log cases and read their status (`casework.log_case`).
- Comms editors and the governing body see no case.

Disclosed disabilities and vulnerabilities, and reasonable adjustments, are shown only to those
who handle one of the person's cases, or to complaints officers; every view is logged.
"""

from casework.choices import CaseStatus
from casework.models import Case, Person, Stage
from casework.selectors import stage1_participant_ids


def user_can_work_any_case(user) -> bool:
    return user.is_active and user.has_perm("casework.work_any_case")


def user_can_log_cases(user) -> bool:
    return user.is_active and (
        user.has_perm("casework.log_case")
        or user.has_perm("casework.work_any_case")
        or user.has_perm("casework.work_assigned_case")
    )


def user_handles_case(user, case: Case) -> bool:
    return Stage.objects.filter(case=case, handler=user).exists()


def user_can_view_case(user, case: Case) -> bool:
    if user_can_work_any_case(user):
        return True
    if user.has_perm("casework.work_assigned_case") and user_handles_case(user, case):
        return True
    return user.is_active and user.has_perm("casework.log_case")


def user_can_work_case(user, case: Case) -> bool:
    """Change the case: transitions, remedies, actions, notes."""
    if user_can_work_any_case(user):
        return True
    return user.has_perm("casework.work_assigned_case") and user_handles_case(user, case)


STAGE2_DECISIONS = frozenset({"respond_stage2", "extend"})


def user_can_take_stage_action(user, case: Case, action: str) -> bool:
    """Code 6.13: nobody who acted on stage 1 extends or decides stage 2, whatever their role."""
    if action not in STAGE2_DECISIONS or case.status != CaseStatus.STAGE2:
        return True
    return user.pk not in stage1_participant_ids(case)


def user_can_view_sensitive(user, person: Person) -> bool:
    """Adjustments and disclosures: complaints officers, and handlers of the person's cases."""
    if user_can_work_any_case(user):
        return True
    return Stage.objects.filter(handler=user, case__resident=person).exists() or (
        Stage.objects.filter(handler=user, case__representative=person).exists()
    )


def cases_visible_to(user):
    """The cases a user may see in lists."""
    if user_can_work_any_case(user) or (user.is_active and user.has_perm("casework.log_case")):
        return Case.objects.all()
    if user.has_perm("casework.work_assigned_case"):
        return Case.objects.filter(stages__handler=user).distinct()
    return Case.objects.none()
