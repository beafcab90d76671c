"""The two stages of a complaint: acknowledge, refuse, assign, extend, answer, escalate."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from casework.choices import ActionStatus, CaseStatus, Channel, Decision, Visibility
from casework.deadlines import (
    extended_due,
    stage1_response_due,
    stage2_acknowledgement_due,
    stage2_response_due,
)
from casework.models import Case, ExclusionReason, Extension, Stage
from casework.notifications import assignment_notify
from casework.process import process_settings, working_calendar
from casework.resident_emails import resident_notify
from casework.selectors import stage1_participant_ids
from casework.services.record import TransitionRefused, refuse_if, timeline_record
from casework.workflow import (
    check_acknowledge,
    check_agree_updates,
    check_extend,
    check_handler,
    check_refuse,
    check_refuse_escalation,
    check_respond,
    check_stage2_actor,
    status_problem,
)

STAGE_FOR_STATUS = {
    CaseStatus.LOGGED: 1,
    CaseStatus.STAGE1: 1,
    CaseStatus.STAGE2_REQUESTED: 2,
    CaseStatus.STAGE2: 2,
}


def _require_status(name: str, case: Case) -> None:
    problem = status_problem(name, case.kind, case.status)
    if problem:
        raise TransitionRefused([problem])


def _open_stage(case: Case) -> Stage:
    return case.stages.get(number=STAGE_FOR_STATUS[CaseStatus(case.status)])


def _handler_problems(case: Case, stage: Stage, handler, conflict_of_interest: str) -> list[str]:
    stage1 = case.stages.filter(number=1).first()
    return check_handler(
        handler_id=handler.pk if handler else None,
        staff_complained_about_ids=case.staff_complained_about.values_list("pk", flat=True),
        stage=stage.number,
        stage1_handler_id=stage1.handler_id if stage1 and stage.number == 2 else None,
        conflict_of_interest=conflict_of_interest,
        stage1_participant_ids=stage1_participant_ids(case) if stage.number == 2 else (),
    )


def _stage2_actor_problems(case: Case, stage: Stage, actor) -> list[str]:
    """Code 6.13: at stage 2, the member of staff must not have acted on stage 1."""
    if stage.number != 2 or actor is None:
        return []
    return check_stage2_actor(
        actor_id=actor.pk, stage1_participant_ids=stage1_participant_ids(case)
    )


@transaction.atomic
def complaint_acknowledge(
    *,
    case: Case,
    actor,
    definition: str,
    outcomes_sought: str,
    handler,
    conflict_of_interest: str,
    responsibility: str = "",
    acknowledged_at: dt.datetime | None = None,
) -> Stage:
    """Acknowledge the open stage (Code 6.2 or 6.11) with its complaint definition (5.6) and a
    handler who may handle it (6.13); start the response clock (6.3 or 6.14)."""
    name = "acknowledge" if case.status == CaseStatus.LOGGED else "acknowledge_stage2"
    _require_status(name, case)
    stage = _open_stage(case)
    refuse_if(
        check_acknowledge(definition=definition, outcomes_sought=outcomes_sought)
        + _handler_problems(case, stage, handler, conflict_of_interest)
    )
    settings = process_settings()
    acknowledged_at = acknowledged_at or timezone.now()
    due = (stage1_response_due if stage.number == 1 else stage2_response_due)(
        acknowledged_at, settings.timescales(), working_calendar(settings)
    )
    stage.acknowledged_at = acknowledged_at
    stage.definition = definition.strip()
    stage.outcomes_sought = outcomes_sought.strip()
    stage.responsibility = responsibility.strip()
    stage.handler = handler
    stage.conflict_of_interest = conflict_of_interest.strip()
    stage.response_due_on = due
    stage.original_response_due_on = due
    stage.save()
    case.status = CaseStatus.STAGE1 if stage.number == 1 else CaseStatus.STAGE2
    case.save(update_fields=["status"])
    timeline_record(
        case=case,
        actor=actor,
        event=f"stage{stage.number}_acknowledged",
        summary=_("Stage %(n)d acknowledged. We will respond by %(due)s.")
        % {"n": stage.number, "due": f"{due:%d %B %Y}"},
        visibility=Visibility.RESIDENT,
        data={"response_due_on": due.isoformat(), "handler": handler.pk},
    )
    # Code 6.2, 6.11: the resident hears that we have logged it and when to expect the answer.
    resident_notify(
        case=case,
        change=f"stage{stage.number}_acknowledged",
        key=str(stage.pk),
        subject=lambda: (
            _("We have logged your complaint: %(reference)s") % {"reference": case.reference}
        ),
        message=lambda: (
            _(
                "We have logged stage %(n)d of your complaint. This is what we understand it to "
                "be about:\n%(definition)s\n\nWe will send you our answer by %(due)s."
            )
            % {"n": stage.number, "definition": stage.definition, "due": date_format(due, "j F Y")}
        ),
    )
    return stage


def _stage_refuse(
    *,
    case: Case,
    actor,
    stage_number: int,
    transition: str,
    check,
    exclusion_reason,
    explanation: str,
    status: str,
    event: str,
    summary: str,
) -> Stage:
    """Record a refusal at a stage: the policy reason and why it applies to this case."""
    _require_status(transition, case)
    refuse_if(
        check(
            exclusion_reason_id=exclusion_reason.pk if exclusion_reason else None,
            explanation=explanation,
        )
    )
    stage = case.stages.get(number=stage_number)
    stage.refusal_reason = exclusion_reason
    stage.refusal_explanation = explanation.strip()
    stage.refused_at = timezone.now()
    stage.save()
    case.status = status
    case.save(update_fields=["status"])
    timeline_record(
        case=case,
        actor=actor,
        event=event,
        summary=summary % {"reason": exclusion_reason.title, "explanation": explanation.strip()},
        visibility=Visibility.RESIDENT,
        data={"exclusion_reason": exclusion_reason.pk},
    )
    return stage


@transaction.atomic
def complaint_refuse(
    *, case: Case, actor, exclusion_reason: ExclusionReason | None, explanation: str
) -> Stage:
    """Do not accept a complaint, for a policy reason explained for this case (Code 2.1-2.5)."""
    return _stage_refuse(
        case=case,
        actor=actor,
        stage_number=1,
        transition="refuse",
        check=check_refuse,
        exclusion_reason=exclusion_reason,
        explanation=explanation,
        status=CaseStatus.NOT_ACCEPTED,
        event="not_accepted",
        summary=_("Not accepted: %(reason)s. %(explanation)s"),
    )


@transaction.atomic
def stage_assign(*, case: Case, actor, handler, conflict_of_interest: str) -> Stage:
    _require_status("assign", case)
    stage = _open_stage(case)
    refuse_if(_handler_problems(case, stage, handler, conflict_of_interest))
    stage.handler = handler
    stage.conflict_of_interest = conflict_of_interest.strip()
    stage.save(update_fields=["handler", "conflict_of_interest"])
    timeline_record(
        case=case,
        actor=actor,
        event="assigned",
        summary=_("Stage %(n)d assigned to %(handler)s. Conflict of interest: %(coi)s")
        % {
            "n": stage.number,
            "handler": handler.get_full_name() or handler.get_username(),
            "coi": stage.conflict_of_interest,
        },
        data={"handler": handler.pk},
    )
    assignment_notify(stage, by=actor)
    return stage


@transaction.atomic
def stage_extend(
    *,
    case: Case,
    actor,
    working_days: int,
    reason: str,
    resident_told_on: dt.date | None,
    ombudsman_details_given: bool,
    good_reason: str = "",
) -> Extension:
    """More time to answer (Code 6.4-6.5 at stage 1, 6.15-6.16 at stage 2)."""
    _require_status("extend", case)
    stage = _open_stage(case)
    settings = process_settings()
    timescales = settings.timescales()
    # Code 6.4, 6.15: the limit is on the stage's extensions together.
    already = sum(stage.extensions.values_list("working_days", flat=True))
    refuse_if(
        _stage2_actor_problems(case, stage, actor)
        + check_extend(
            stage=stage.number,
            working_days=working_days,
            timescales=timescales,
            reason=reason,
            good_reason=good_reason,
            resident_told=resident_told_on is not None,
            ombudsman_details_given=ombudsman_details_given,
            already_extended=already,
            due_on=stage.response_due_on,
            today=timezone.localdate(),
            resident_told_on=resident_told_on,
            received_on=timezone.localdate(case.received_at),
        )
    )
    limit = timescales.stage1_extension if stage.number == 1 else timescales.stage2_extension
    previous = stage.response_due_on
    new_due = extended_due(previous, working_days, working_calendar(settings))
    extension = Extension.objects.create(
        stage=stage,
        working_days=working_days,
        reason=reason.strip(),
        good_reason=good_reason.strip(),
        exceeds_limit=already + working_days > limit,
        resident_told_on=resident_told_on,
        previous_due_on=previous,
        new_due_on=new_due,
        created_by=actor,
    )
    stage.response_due_on = new_due
    stage.save(update_fields=["response_due_on"])
    timeline_record(
        case=case,
        actor=actor,
        event="extended",
        summary=_("Response date moved from %(old)s to %(new)s: %(reason)s")
        % {"old": f"{previous:%d %B %Y}", "new": f"{new_due:%d %B %Y}", "reason": reason.strip()},
        visibility=Visibility.RESIDENT,
        data={"extension": extension.pk, "new_due_on": new_due.isoformat()},
    )
    # Code 6.5, 6.16: the reason, the new date and the Ombudsman's details.
    resident_notify(
        case=case,
        change="extended",
        key=str(extension.pk),
        subject=lambda: (
            _("We need more time to answer your complaint: %(reference)s")
            % {"reference": case.reference}
        ),
        message=lambda: (
            _(
                "We need more time to answer stage %(n)d of your complaint, because:\n%(reason)s"
                "\n\nWe will now send you our answer by %(due)s."
            )
            % {"n": stage.number, "reason": extension.reason, "due": date_format(new_due, "j F Y")}
        ),
        ombudsman=True,
    )
    return extension


@transaction.atomic
def stage_agree_updates(*, case: Case, actor, interval_days: int) -> Stage:
    """Agree how often the resident hears from us while the answer is late (Code 5.9)."""
    _require_status("agree_updates", case)
    refuse_if(check_agree_updates(interval_days=interval_days))
    stage = _open_stage(case)
    stage.update_interval_days = interval_days
    stage.next_update_due_on = working_calendar(process_settings()).add_working_days(
        timezone.localdate(), interval_days
    )
    stage.save(update_fields=["update_interval_days", "next_update_due_on"])
    timeline_record(
        case=case,
        actor=actor,
        event="updates_agreed",
        summary=_("We agreed to update you every %(n)d working days.") % {"n": interval_days},
        visibility=Visibility.RESIDENT,
    )
    return stage


@transaction.atomic
def stage_update_sent(*, case: Case, actor, summary: str) -> Stage:
    """Record an update to the resident; the next one falls due an interval later."""
    _require_status("agree_updates", case)
    refuse_if([] if summary.strip() else [_("Say what the update told the resident.")])
    stage = _open_stage(case)
    if stage.update_interval_days:
        stage.next_update_due_on = working_calendar(process_settings()).add_working_days(
            timezone.localdate(), stage.update_interval_days
        )
        stage.save(update_fields=["next_update_due_on"])
    timeline_record(
        case=case,
        actor=actor,
        event="update_sent",
        summary=summary.strip(),
        visibility=Visibility.RESIDENT,
    )
    return stage


@transaction.atomic
def stage_respond(
    *,
    case: Case,
    actor,
    decision: str,
    reasons: str,
    no_remedy_reason: str = "",
    actions_confirmed: bool,
    late_reason: str = "",
) -> Stage:
    """Send the stage's answer (Code 6.6-6.9 at stage 1, 6.17-6.19 at stage 2).

    The answer goes when it is known, not when the actions are done (6.6): open outstanding
    actions are tracked afterwards.
    """
    name = "respond" if case.status == CaseStatus.STAGE1 else "respond_stage2"
    _require_status(name, case)
    stage = case.stages.get(number=1 if name == "respond" else 2)
    # Late is judged on the day the answer is recorded (Code 6.3, 6.14).
    late = stage.response_due_on and timezone.localdate() > stage.response_due_on
    refuse_if(
        _stage2_actor_problems(case, stage, actor)
        + check_respond(
            stage=stage.number,
            decision=decision,
            reasons=reasons,
            remedy_count=case.remedies.count(),
            no_remedy_reason=no_remedy_reason,
            actions_recorded=actions_confirmed,
            late_due_on=stage.response_due_on if late else None,
            late_reason=late_reason,
        )
    )
    stage.decision = decision
    stage.reasons = reasons.strip()
    stage.late_reason = late_reason.strip() if late else ""
    stage.no_remedy_reason = no_remedy_reason.strip()
    stage.responded_at = timezone.now()
    stage.next_update_due_on = None
    stage.save()
    case.status = CaseStatus.STAGE1_RESPONDED if stage.number == 1 else CaseStatus.STAGE2_RESPONDED
    case.save(update_fields=["status"])
    open_actions = case.actions.filter(status=ActionStatus.OPEN).count()
    timeline_record(
        case=case,
        actor=actor,
        event=f"stage{stage.number}_responded",
        summary=_("Stage %(n)d answer sent: %(decision)s.")
        % {"n": stage.number, "decision": Decision(decision).label.lower()},
        visibility=Visibility.RESIDENT,
        data={"decision": decision, "open_actions": open_actions},
    )
    return stage


@transaction.atomic
def escalation_request(
    *,
    case: Case,
    detail: str = "",
    requested_at: dt.datetime | None = None,
    actor=None,
    actor_label: str = "",
    channel: str = "",
) -> Stage:
    """Move to stage 2. Nobody has to give a reason (Code 6.12); `detail` is optional."""
    _require_status("request_escalation", case)
    requested_at = requested_at or timezone.now()
    settings = process_settings()
    stage = Stage.objects.create(
        case=case,
        number=2,
        requested_at=requested_at,
        escalation_detail=detail.strip(),
        acknowledgement_due_on=stage2_acknowledgement_due(
            requested_at, settings.timescales(), working_calendar(settings)
        ),
    )
    case.status = CaseStatus.STAGE2_REQUESTED
    case.save(update_fields=["status"])
    timeline_record(
        case=case,
        actor=actor,
        actor_label=actor_label,
        event="escalation_requested",
        summary=_("Stage 2 requested. We will acknowledge it by %(due)s.")
        % {"due": f"{stage.acknowledgement_due_on:%d %B %Y}"},
        visibility=Visibility.RESIDENT,
        channel=channel,
    )
    if channel != Channel.ONLINE:  # the follow pages confirm a request made online
        due = stage.acknowledgement_due_on
        resident_notify(
            case=case,
            change="escalation_received",
            key=str(stage.pk),
            subject=lambda: (
                _("We have your request for stage 2: %(reference)s") % {"reference": case.reference}
            ),
            message=lambda: (
                _(
                    "We have your request to take your complaint to stage 2. We will acknowledge "
                    "it by %(due)s. You do not need to give us a reason."
                )
                % {"due": date_format(due, "j F Y")}
            ),
        )
    return stage


@transaction.atomic
def escalation_refuse(
    *, case: Case, actor, exclusion_reason: ExclusionReason | None, explanation: str
) -> Stage:
    """Refuse to escalate, only for a reason in the policy, explained (Code 5.11, 2.4)."""
    return _stage_refuse(
        case=case,
        actor=actor,
        stage_number=2,
        transition="refuse_escalation",
        check=check_refuse_escalation,
        exclusion_reason=exclusion_reason,
        explanation=explanation,
        status=CaseStatus.ESCALATION_REFUSED,
        event="escalation_refused",
        summary=_("Stage 2 refused: %(reason)s. %(explanation)s"),
    )
