"""Legal holds: a manager stops a case's personal data being removed at the end of its
retention period, with a reason; setting and lifting are written on the case's timeline."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.models import Case, LegalHold
from casework.services import timeline_record
from casework.services.record import refuse_if


def user_can_hold_cases(user) -> bool:
    """Complaints officers and the data protection role."""
    return user.is_active and (
        user.has_perm("casework.work_any_case") or user.has_perm("casework.handle_data_protection")
    )


def user_handles_data_protection(user) -> bool:
    return user.is_active and user.has_perm("casework.handle_data_protection")


@transaction.atomic
def legal_hold_set(*, case: Case, actor, kind: str, reason: str) -> LegalHold:
    problems = []
    if kind not in LegalHold.Kind.values:
        problems.append(_("Choose why the case is held."))
    if not reason.strip():
        problems.append(_("Say why the case must be kept."))
    if hasattr(case, "erasure"):
        problems.append(_("The personal data on this case has already been removed."))
    refuse_if(problems)
    hold = LegalHold.objects.create(case=case, kind=kind, reason=reason.strip(), set_by=actor)
    timeline_record(
        case=case,
        actor=actor,
        event="legal_hold_set",
        summary=_("Legal hold set (%(kind)s): %(reason)s")
        % {"kind": hold.get_kind_display(), "reason": hold.reason},
        data={"legal_hold": hold.pk, "kind": kind},
    )
    return hold


@transaction.atomic
def legal_hold_lift(*, hold: LegalHold, actor) -> LegalHold:
    refuse_if([_("This hold has already been lifted.")] if hold.lifted_at else [])
    hold.lifted_at = timezone.now()
    hold.lifted_by = actor
    hold.save(update_fields=["lifted_at", "lifted_by"])
    timeline_record(
        case=hold.case,
        actor=actor,
        event="legal_hold_lifted",
        summary=_("Legal hold lifted (%(kind)s).") % {"kind": hold.get_kind_display()},
        data={"legal_hold": hold.pk},
    )
    return hold
