"""Putting things right (Code 7.1-7.3) and tracking what is still to do (6.6, 6.17)."""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from casework.choices import ActionStatus, RemedyKind, RemedyStatus, Visibility
from casework.models import Case, OutstandingAction, Remedy
from casework.services.record import TransitionRefused, refuse_if, timeline_record
from casework.workflow import check_remedy_dates


def _dates(case: Case, thing: str, **dates) -> dict[str, list[str]]:
    return check_remedy_dates(
        received_on=timezone.localdate(case.received_at),
        today=timezone.localdate(),
        thing=thing,
        **dates,
    )


def _current_stage(case: Case):
    return case.stages.order_by("-number").first()


@transaction.atomic
def remedy_add(
    *,
    case: Case,
    actor,
    kind: str,
    description: str,
    due_on: dt.date | None,
    amount: Decimal | None = None,
    quantifiable_loss: Decimal | None = None,
    time_and_trouble: Decimal | None = None,
    distress_and_inconvenience: Decimal | None = None,
) -> Remedy:
    """Remedy is possible at any stage, without escalation (Code 5.13)."""
    refuse_if([], _dates(case, "remedy", due_on=due_on))
    remedy = Remedy(
        case=case,
        stage=_current_stage(case),
        kind=kind,
        description=description.strip(),
        due_on=due_on,
        amount=amount,
        quantifiable_loss=quantifiable_loss,
        time_and_trouble=time_and_trouble,
        distress_and_inconvenience=distress_and_inconvenience,
    )
    try:
        remedy.full_clean(exclude=["case", "stage"])
    except ValidationError as error:
        raise TransitionRefused(error.messages) from error
    remedy.save()
    timeline_record(
        case=case,
        actor=actor,
        event="remedy_added",
        summary=_("Putting things right: %(kind)s. %(what)s")
        % {"kind": RemedyKind(kind).label, "what": remedy.description},
        visibility=Visibility.RESIDENT,
        data={"remedy": remedy.pk},
    )
    return remedy


@transaction.atomic
def remedy_complete(*, remedy: Remedy, actor, completed_on: dt.date | None = None) -> Remedy:
    refuse_if(
        [] if remedy.status == RemedyStatus.OFFERED else [_("This remedy is already settled.")],
        _dates(remedy.case, "remedy", completed_on=completed_on),
    )
    remedy.status = RemedyStatus.DONE
    remedy.completed_on = completed_on or timezone.localdate()
    if remedy.kind == RemedyKind.FINANCIAL and not remedy.paid_on:
        remedy.paid_on = remedy.completed_on
    remedy.save()
    timeline_record(
        case=remedy.case,
        actor=actor,
        event="remedy_done",
        summary=_("Done: %(what)s") % {"what": remedy.description},
        visibility=Visibility.RESIDENT,
        data={"remedy": remedy.pk},
    )
    return remedy


@transaction.atomic
def action_add(
    *, case: Case, actor, description: str, owner, due_on: dt.date | None
) -> OutstandingAction:
    problems = []
    if not description.strip():
        problems.append(_("Describe the action."))
    if not due_on:
        problems.append(_("Give the action a due date."))
    if owner is None:
        problems.append(_("Choose who owns the action."))
    refuse_if(problems, _dates(case, "action", due_on=due_on))
    action = OutstandingAction.objects.create(
        case=case,
        stage=_current_stage(case),
        description=description.strip(),
        owner=owner,
        due_on=due_on,
    )
    timeline_record(
        case=case,
        actor=actor,
        event="action_added",
        summary=_("To do by %(due)s: %(what)s")
        % {"due": f"{due_on:%d %B %Y}", "what": action.description},
        visibility=Visibility.RESIDENT,
        data={"action": action.pk},
    )
    return action


@transaction.atomic
def action_complete(
    *, action: OutstandingAction, actor, completed_on: dt.date | None = None
) -> OutstandingAction:
    refuse_if(
        [] if action.status == ActionStatus.OPEN else [_("This action is already closed.")],
        _dates(action.case, "action", completed_on=completed_on),
    )
    action.status = ActionStatus.DONE
    action.completed_on = completed_on or timezone.localdate()
    action.save(update_fields=["status", "completed_on"])
    timeline_record(
        case=action.case,
        actor=actor,
        event="action_done",
        summary=_("Done: %(what)s") % {"what": action.description},
        visibility=Visibility.RESIDENT,
        data={"action": action.pk},
    )
    return action
