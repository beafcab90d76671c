"""Emails to staff (issue 5, Notifications): a new case for the team, an assignment, and each
handler's daily digest of what is due. Every one goes through the outbox, in the transaction of
the change that caused it, so none is lost when the mail server or the worker is down.

Staff emails are in English: they are about the casework, which the staff work in English.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from casework.choices import OPEN_STATUSES, ActionStatus, AdjustmentStatus
from casework.deadlines import WorkingDayCalendar, days_left
from casework.models import Case, EvidenceRequest, ReasonableAdjustment, Stage
from casework.outbox import email_queue
from casework.process import public_url
from casework.selectors import Clock, case_clocks, cases_with_clocks

# The team that takes new cases (cms_pages/migrations/0002 makes the group).
TEAM_GROUP = "Complaints officer"
# The digest looks this many working days ahead (issue 5).
DIGEST_DAYS_AHEAD = 2


def _admin_url(name: str, *args) -> str:
    return public_url(reverse(name, args=args))


def _name(user) -> str:
    return user.get_full_name() or user.get_username()


def team_members():
    return get_user_model().objects.filter(is_active=True, groups__name=TEAM_GROUP).distinct()


def team_addresses() -> list[str]:
    return sorted({email for email in team_members().values_list("email", flat=True) if email})


def new_case_notify(case: Case) -> None:
    """Tell the complaints team that a case has come in that nobody on the staff logged."""
    stage = next(iter(case.stages.all()), None)
    with override(settings.LANGUAGE_CODE):
        context = {"case": case, "stage": stage, "url": _admin_url("cases:detail", case.pk)}
        email_queue(
            to=team_addresses(),
            subject=_("New %(kind)s: %(reference)s")
            % {"kind": case.get_kind_display().lower(), "reference": case.reference},
            body_text=render_to_string("casework/email/new_case.txt", context),
            purpose="staff_new_case",
            case=case,
            dedupe_key=f"staff-new-case:{case.pk}",
        )


def assignment_notify(stage: Stage, *, by) -> None:
    """Tell a handler that a stage is now theirs (unless they assigned it to themselves)."""
    handler = stage.handler
    if handler is None or not handler.email or handler == by:
        return
    case = stage.case
    with override(settings.LANGUAGE_CODE):
        context = {
            "case": case,
            "stage": stage,
            "by": _name(by) if by else "",
            "url": _admin_url("cases:detail", case.pk),
        }
        email_queue(
            to=[handler.email],
            subject=_("Assigned to you: %(reference)s, stage %(n)d")
            % {"reference": case.reference, "n": stage.number},
            body_text=render_to_string("casework/email/assigned.txt", context),
            purpose="staff_assigned",
            case=case,
        )


def case_activity_notify(case: Case, summary: str) -> None:
    """Tell whoever handles the case (the team while nobody does) that the resident or their
    representative did something online (issue 4: every action notifies the handler)."""
    handler = _handler(case)
    to = [handler.email] if handler is not None and handler.email else team_addresses()
    with override(settings.LANGUAGE_CODE):
        context = {"case": case, "summary": summary, "url": _admin_url("cases:detail", case.pk)}
        email_queue(
            to=to,
            subject=_("Online update on %(reference)s") % {"reference": case.reference},
            body_text=render_to_string("casework/email/activity.txt", context),
            purpose="staff_case_activity",
            case=case,
        )


@dataclass
class DigestLine:
    case: Case
    clock: Clock

    @property
    def days_late(self) -> int:
        return max(0, -(self.clock.days_left or 0))


@dataclass
class Digest:
    """What one member of staff needs to act on, as it stands on `today`."""

    user: object
    today: dt.date
    overdue: list[DigestLine] = field(default_factory=list)
    due_soon: list[DigestLine] = field(default_factory=list)
    adjustment_reviews: list[ReasonableAdjustment] = field(default_factory=list)
    # For the complaints team, who liaise with the Ombudsman (Code 4.1), whatever the case's
    # status: a case usually reaches the Ombudsman after it has closed.
    ombudsman_evidence: list[DigestLine] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (
            self.overdue or self.due_soon or self.adjustment_reviews or self.ombudsman_evidence
        )


def _handler(case: Case):
    """Whoever handles the case's latest stage; None before anyone is assigned."""
    stages = sorted(case.stages.all(), key=lambda s: s.number)
    return stages[-1].handler if stages else None


def digests(*, today: dt.date, calendar: WorkingDayCalendar) -> list[Digest]:
    """Every handler's digest (issue 5): clocks overdue or due within two working days on the
    cases they handle (responses, acknowledgements, agreed updates (Code 5.9), Ombudsman
    evidence), outstanding actions they own on anyone's case, and reviews of reasonable
    adjustments (Code 5.10) for the residents of their cases; and, for every member of the
    complaints team, Ombudsman evidence requests not yet answered that are overdue or due within
    two working days of their deadline (15 working days from the request), on any case, open or
    closed. A fixed number of queries."""
    cases = cases_with_clocks(Case.objects.filter(status__in=OPEN_STATUSES)).prefetch_related(
        "actions__owner", "resident__adjustments"
    )
    by_user: dict[int, Digest] = {}

    def digest(user) -> Digest:
        if user.pk not in by_user:
            by_user[user.pk] = Digest(user=user, today=today)
        return by_user[user.pk]

    def add(user, case, clock) -> None:
        if user is None or not user.is_active or clock.days_left > DIGEST_DAYS_AHEAD:
            return
        line = DigestLine(case=case, clock=clock)
        (digest(user).overdue if clock.overdue else digest(user).due_soon).append(line)

    seen_reviews = defaultdict(set)
    for case in cases:
        handler = _handler(case)
        for clock in case_clocks(case, today=today, calendar=calendar):
            # Outstanding actions (Code 6.6) go to their owners, and Ombudsman evidence (the
            # one clock with no Code provision) to the complaints team, below.
            if (
                clock.done_on is None
                and clock.days_left is not None
                and clock.provision
                not in (
                    "6.6",
                    "",
                )
            ):
                add(handler, case, clock)
        for action in case.actions.all():
            if action.status == ActionStatus.OPEN and action.due_on:
                clock = Clock(
                    label=_("Action: %(what)s") % {"what": action.description[:60]},
                    provision="6.6",
                    due_on=action.due_on,
                    done_on=None,
                    days_left=days_left(action.due_on, today, calendar),
                )
                add(action.owner or handler, case, clock)
        if handler is None or not handler.is_active:
            continue
        for adjustment in case.resident.adjustments.all():
            due = adjustment.next_review_on
            is_due = adjustment.status == AdjustmentStatus.ACTIVE and due and due <= today
            if is_due and adjustment.pk not in seen_reviews[handler.pk]:
                seen_reviews[handler.pk].add(adjustment.pk)
                digest(handler).adjustment_reviews.append(adjustment)
    evidence_lines = []
    requests = EvidenceRequest.objects.filter(sent_on__isnull=True).select_related("referral__case")
    for request in requests:
        remaining = days_left(request.due_on, today, calendar)
        if remaining <= DIGEST_DAYS_AHEAD:
            clock = Clock(
                label=_("Evidence to the Ombudsman"),
                provision="",
                due_on=request.due_on,
                done_on=None,
                days_left=remaining,
            )
            evidence_lines.append(DigestLine(case=request.referral.case, clock=clock))
    if evidence_lines:
        evidence_lines.sort(key=lambda line: line.clock.due_on)
        for member in team_members():
            digest(member).ombudsman_evidence = evidence_lines
    for item in by_user.values():
        item.overdue.sort(key=lambda line: line.clock.due_on)
        item.due_soon.sort(key=lambda line: line.clock.due_on)
    return [item for item in by_user.values() if not item.is_empty]


def digests_send(*, today: dt.date, calendar: WorkingDayCalendar) -> dict[str, int]:
    """Queue each handler's digest for `today`, once: running it twice sends nothing more."""
    counts = {"queued": 0, "already_sent": 0, "no_address": 0}
    for item in digests(today=today, calendar=calendar):
        if not item.user.email:
            counts["no_address"] += 1
            continue
        with override(settings.LANGUAGE_CODE):
            context = {
                "digest": item,
                "name": _name(item.user),
                "cases_url": _admin_url("cases:index"),
                "days_ahead": DIGEST_DAYS_AHEAD,
            }
            queued = email_queue(
                to=[item.user.email],
                subject=_("Due and overdue on %(date)s") % {"date": f"{today:%-d %B %Y}"},
                body_text=render_to_string("casework/email/digest.txt", context),
                purpose="staff_digest",
                dedupe_key=f"staff-digest:{item.user.pk}:{today.isoformat()}",
            )
        counts["queued" if queued else "already_sent"] += 1
    return counts
