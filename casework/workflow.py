"""The complaint's transitions, in one table, with a pure guard for each.

Guards take plain values and return the problems that stop the transition, as plain-English
messages that cite the Code. An empty list means the transition may go ahead. Services call
them; forms and views never re-implement them.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from casework.choices import CaseKind, CaseStatus, Decision
from casework.code import Timescales
from casework.deadlines import extension_problem

S = CaseStatus


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[str]
    target: str | None  # None: the status does not change (for example an extension)
    provisions: tuple[str, ...] = ()
    kinds: frozenset[str] = field(default_factory=lambda: frozenset({CaseKind.COMPLAINT}))


ALL_KINDS = frozenset(CaseKind.values)
STAGE1_OPEN = frozenset({S.LOGGED, S.STAGE1})
BEFORE_FINAL = frozenset(
    {S.LOGGED, S.STAGE1, S.STAGE1_RESPONDED, S.STAGE2_REQUESTED, S.STAGE2, S.OPEN}
)

TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "acknowledge", "Acknowledge stage 1", frozenset({S.LOGGED}), S.STAGE1, ("5.6", "6.2")
        ),
        Transition(
            "refuse", "Do not accept", frozenset({S.LOGGED}), S.NOT_ACCEPTED, ("2.1", "2.4", "2.5")
        ),
        Transition(
            "assign",
            "Assign a handler",
            STAGE1_OPEN | {S.STAGE2_REQUESTED, S.STAGE2},
            None,
            ("4.1", "6.13"),
        ),
        Transition("extend", "Extend", frozenset({S.STAGE1, S.STAGE2}), None, ("6.4", "6.15")),
        Transition(
            "agree_updates",
            "Agree update interval",
            frozenset({S.STAGE1, S.STAGE2}),
            None,
            ("5.9",),
        ),
        Transition(
            "respond",
            "Send stage 1 response",
            frozenset({S.STAGE1}),
            S.STAGE1_RESPONDED,
            ("6.6", "6.7", "6.9"),
        ),
        Transition(
            "request_escalation",
            "Escalate to stage 2",
            frozenset({S.STAGE1_RESPONDED}),
            S.STAGE2_REQUESTED,
            ("6.10", "6.12"),
        ),
        Transition(
            "refuse_escalation",
            "Refuse escalation",
            frozenset({S.STAGE2_REQUESTED}),
            S.ESCALATION_REFUSED,
            ("5.11", "2.4"),
        ),
        Transition(
            "acknowledge_stage2",
            "Acknowledge stage 2",
            frozenset({S.STAGE2_REQUESTED}),
            S.STAGE2,
            ("5.6", "6.11", "6.13"),
        ),
        Transition(
            "respond_stage2",
            "Send final response",
            frozenset({S.STAGE2}),
            S.STAGE2_RESPONDED,
            ("6.17", "6.18", "6.19"),
        ),
        Transition("withdraw", "Record withdrawal", BEFORE_FINAL, S.WITHDRAWN, (), ALL_KINDS),
        Transition(
            "close",
            "Close",
            frozenset(
                {
                    S.STAGE1_RESPONDED,
                    S.STAGE2_RESPONDED,
                    S.NOT_ACCEPTED,
                    S.ESCALATION_REFUSED,
                    S.OPEN,
                }
            ),
            S.CLOSED,
            ("6.6", "7.3"),
            ALL_KINDS,
        ),
        Transition(
            "raise_complaint",
            "Raise a complaint about this request",
            frozenset({S.OPEN}),
            None,
            ("1.5",),
            frozenset({CaseKind.SERVICE_REQUEST}),
        ),
    ]
}


def allowed_transitions(kind: str, status: str) -> list[Transition]:
    """The transitions a case of this kind and status can take, in table order."""
    return [t for t in TRANSITIONS.values() if kind in t.kinds and status in t.sources]


def status_problem(name: str, kind: str, status: str) -> str | None:
    transition = TRANSITIONS[name]
    if kind not in transition.kinds or status not in transition.sources:
        return _("“%(action)s” is not possible while the case is “%(status)s”.") % {
            "action": _(transition.label),
            "status": CaseStatus(status).label,
        }
    return None


# Guards. Each returns a list of problems; empty means go ahead.


def _blank(value) -> bool:
    return not (value or "").strip() if isinstance(value, str) or value is None else False


def check_acknowledge(*, definition: str, outcomes_sought: str) -> list[str]:
    problems = []
    if _blank(definition):
        problems.append(
            _(
                "Write the complaint definition: what we understand the complaint to be "
                "(Code 5.6). If it is unclear, ask the resident before acknowledging."
            )
        )
    if _blank(outcomes_sought):
        problems.append(_("Write down the outcomes the resident is looking for (Code 5.6)."))
    return problems


def check_refuse(*, exclusion_reason_id: int | None, explanation: str) -> list[str]:
    problems = []
    if not exclusion_reason_id:
        problems.append(
            _("Choose the exclusion reason from the complaints policy that applies (Code 2.2).")
        )
    if _blank(explanation):
        problems.append(
            _(
                "Explain why the reason applies to this case. Each refusal is decided on its own "
                "facts, never as a blanket rule (Code 2.1, 2.5)."
            )
        )
    return problems


def check_handler(
    *,
    handler_id: int | None,
    staff_complained_about_ids: Iterable[int],
    stage: int,
    stage1_handler_id: int | None = None,
    conflict_of_interest: str = "",
    stage1_participant_ids: Iterable[int] = (),
) -> list[str]:
    """Who may handle a stage: never the person complained about, never anyone who acted on
    stage 1 at stage 2 (Code 6.13), and always with a conflict-of-interest declaration."""
    problems = []
    if not handler_id:
        problems.append(_("Choose who will handle this stage."))
        return problems
    if handler_id in set(staff_complained_about_ids):
        problems.append(
            _(
                "This person is named in the complaint, so they cannot handle it at either "
                "stage. Choose someone else."
            )
        )
    if stage == 2 and stage1_handler_id and handler_id == stage1_handler_id:
        problems.append(
            _(
                "The stage 2 handler must be someone other than the stage 1 handler (Code 6.13). "
                "Choose someone else."
            )
        )
    elif stage == 2 and handler_id in set(stage1_participant_ids):
        problems.append(
            _(
                "This person acted on stage 1 of this complaint (they acknowledged, extended, "
                "answered or wrote about it), so they cannot handle stage 2: it must be reviewed "
                "by someone who did not deal with stage 1 (Code 6.13). Choose someone else."
            )
        )
    if _blank(conflict_of_interest):
        problems.append(
            _(
                "Record the handler's conflict-of-interest declaration; write “None” if they "
                "have none."
            )
        )
    return problems


def told_on_problem(
    *, told_on: dt.date | None, received_on: dt.date | None, today: dt.date, provision: str
) -> str | None:
    """A "resident told on" date that cannot be true: in the future, or before the complaint
    was made (Code 5.12: the record must be accurate)."""
    if told_on is None:
        return None
    if told_on > today:
        return _("The date the resident was told cannot be in the future (Code %(provision)s).") % {
            "provision": provision
        }
    if received_on and told_on < received_on:
        return _(
            "The date the resident was told cannot be before the complaint was made, on "
            "%(received)s (Code %(provision)s)."
        ) % {"received": f"{received_on:%-d %B %Y}", "provision": provision}
    return None


def check_stage2_actor(*, actor_id: int | None, stage1_participant_ids: Iterable[int]) -> list[str]:
    """Code 6.13: nobody who acted on stage 1 handles or decides stage 2."""
    if actor_id and actor_id in set(stage1_participant_ids):
        return [
            _(
                "You acted on stage 1 of this complaint, so you cannot extend or decide stage 2: "
                "it is reviewed by someone who did not deal with stage 1 (Code 6.13). Ask the "
                "stage 2 handler or another complaints officer."
            )
        ]
    return []


def check_extend(
    *,
    stage: int,
    working_days: int | None,
    timescales: Timescales,
    reason: str,
    good_reason: str,
    resident_told: bool,
    ombudsman_details_given: bool,
    already_extended: int = 0,
    due_on: dt.date | None = None,
    today: dt.date | None = None,
    resident_told_on: dt.date | None = None,
    received_on: dt.date | None = None,
) -> list[str]:
    """Whether a stage's response date may be moved on.

    Code 6.4 / 6.15: the limit is on the stage's extensions together (`already_extended` is
    what earlier ones added), and an extension is agreed before the date it moves. Whether it
    was is judged on `today`, the day it is recorded, never on a date typed into the form: once
    `due_on` has passed the stage is late, and the officer records why when answering.
    """
    provision = "6.4" if stage == 1 else "6.15"
    notice = "6.5" if stage == 1 else "6.16"
    problems = []
    if due_on is not None and today is not None and today > due_on:
        problems.append(
            _(
                "The response date, %(due)s, has passed, so this stage is already late and can "
                "no longer be extended: an extension is agreed before the date it moves (Code "
                "%(provision)s). Answer as soon as you can, and record why the answer is late."
            )
            % {"due": f"{due_on:%-d %B %Y}", "provision": provision}
        )
        return problems
    length_problem = extension_problem(
        stage, working_days or 0, timescales, good_reason or "", already_extended
    )
    if length_problem:
        problems.append(length_problem)
    if _blank(reason):
        problems.append(_("Give the reason for the extension, as it is explained to the resident."))
    if not resident_told:
        problems.append(
            _("Tell the resident about the extension and the new date (Code %(provision)s).")
            % {"provision": provision}
        )
    elif today is not None:
        told_problem = told_on_problem(
            told_on=resident_told_on, received_on=received_on, today=today, provision=provision
        )
        if told_problem:
            problems.append(told_problem)
    if not ombudsman_details_given:
        problems.append(
            _(
                "The extension notice must include the Ombudsman's contact details "
                "(Code %(provision)s)."
            )
            % {"provision": notice}
        )
    return problems


def check_agree_updates(*, interval_days: int | None) -> list[str]:
    if not interval_days or interval_days < 1:
        return [_("Enter how often, in working days, the resident will be updated (Code 5.9).")]
    return []


def check_respond(
    *,
    stage: int,
    decision: str,
    reasons: str,
    remedy_count: int,
    no_remedy_reason: str,
    actions_recorded: bool,
    late_due_on: dt.date | None = None,
    late_reason: str = "",
) -> list[str]:
    """What the stage's answer must have (Code 6.7, 6.9, 6.18, 6.19, 7.1). `late_due_on` is the
    response date when it has passed: a late answer records why it is late (Code 6.3, 6.14),
    which the figures and the self-assessment report."""
    provision = "6.9" if stage == 1 else "6.19"
    problems = []
    if late_due_on is not None and _blank(late_reason):
        problems.append(
            _("This answer is late: it was due by %(due)s (Code %(p)s). Record why it is late.")
            % {"due": f"{late_due_on:%-d %B %Y}", "p": "6.3" if stage == 1 else "6.14"}
        )
    if decision not in Decision.values:
        problems.append(
            _("Choose the decision: upheld, partly upheld or not upheld (Code %(p)s).")
            % {"p": provision}
        )
    if _blank(reasons):
        problems.append(
            _(
                "Give the reasons for the decision on each point of the complaint definition "
                "(Code %(p)s)."
            )
            % {"p": "6.7" if stage == 1 else "6.18"}
        )
    upheld = decision in (Decision.UPHELD, Decision.PARTLY_UPHELD)
    if upheld and remedy_count == 0:
        problems.append(
            _(
                "The complaint is upheld in whole or part, so record what will be done to put "
                "things right (Code 7.1)."
            )
        )
    elif remedy_count == 0 and _blank(no_remedy_reason):
        problems.append(
            _("Record how things will be put right, or say why no remedy is due (Code %(p)s, 7.1).")
            % {"p": provision}
        )
    if not actions_recorded:
        problems.append(
            _("Confirm the outstanding actions: add them, or confirm there are none (Code %(p)s).")
            % {"p": provision}
        )
    return problems


def check_refuse_escalation(*, exclusion_reason_id: int | None, explanation: str) -> list[str]:
    problems = []
    if not exclusion_reason_id:
        problems.append(
            _(
                "An escalation can only be refused for a reason set out in the complaints "
                "policy (Code 5.11). Choose it."
            )
        )
    if _blank(explanation):
        problems.append(
            _("Explain why the reason applies to this request to escalate (Code 2.4, 2.5).")
        )
    return problems


def check_remedy_dates(
    *,
    received_on: dt.date,
    today: dt.date,
    due_on: dt.date | None = None,
    completed_on: dt.date | None = None,
    thing: str = "remedy",
) -> dict[str, list[str]]:
    """Dates on a remedy or an outstanding action that cannot be true, by field: due before the
    complaint was made, or done on a day still to come or before the complaint (Code 7.3: what
    and by when, followed through; 5.12: an accurate record)."""
    received = f"{received_on:%-d %B %Y}"
    problems: dict[str, list[str]] = {}
    if due_on is not None and due_on < received_on:
        problems["due_on"] = [
            (
                _("A remedy cannot be due before the complaint was made, on %(d)s (Code 7.3).")
                if thing == "remedy"
                else _(
                    "An action cannot be due before the complaint was made, on %(d)s (Code 6.6)."
                )
            )
            % {"d": received}
        ]
    if completed_on is not None:
        if completed_on > today:
            problems["completed_on"] = [
                _(
                    "The date it was done cannot be in the future. Record it once it is done "
                    "(Code 5.12)."
                )
            ]
        elif completed_on < received_on:
            problems["completed_on"] = [
                _("It cannot have been done before the complaint was made, on %(d)s (Code 5.12).")
                % {"d": received}
            ]
    return problems


def check_close(*, open_actions: int, open_remedies: int) -> list[str]:
    problems = []
    if open_remedies:
        problems.append(
            ngettext(
                "%(n)d remedy is still to be completed (Code 7.3).",
                "%(n)d remedies are still to be completed (Code 7.3).",
                open_remedies,
            )
            % {"n": open_remedies}
        )
    if open_actions:
        problems.append(
            ngettext(
                "%(n)d outstanding action is still open (Code 6.6).",
                "%(n)d outstanding actions are still open (Code 6.6).",
                open_actions,
            )
            % {"n": open_actions}
        )
    return problems


GUARDS: dict[str, Callable[..., list[str]]] = {
    "acknowledge": check_acknowledge,
    "refuse": check_refuse,
    "extend": check_extend,
    "agree_updates": check_agree_updates,
    "respond": check_respond,
    "refuse_escalation": check_refuse_escalation,
    "acknowledge_stage2": check_acknowledge,
    "respond_stage2": check_respond,
    "close": check_close,
}
