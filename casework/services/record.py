"""Writing to the full record (Code 5.12). Every other service calls `timeline_record` inside
its own transaction, so a change and its timeline entry are saved together or not at all."""

from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from casework.choices import Channel, Direction, Visibility
from casework.models import Case, Correspondence, TimelineEntry
from casework.resident_emails import resident_notify


class TransitionRefused(Exception):
    """A rule stopped the change. `problems` says why, in words for the member of staff;
    `fields` says which of them are about one value (by its keyword), so a form can show each
    next to its field."""

    def __init__(self, problems: list[str], fields: dict[str, list[str]] | None = None):
        self.fields = {name: list(messages) for name, messages in (fields or {}).items()}
        self.problems = list(problems) + [
            message for messages in self.fields.values() for message in messages
        ]
        super().__init__(" ".join(self.problems))


def refuse_if(problems: list[str], fields: dict[str, list[str]] | None = None) -> None:
    fields = {name: messages for name, messages in (fields or {}).items() if messages}
    if problems or fields:
        raise TransitionRefused(problems, fields)


def timeline_record(
    *,
    case: Case,
    event: str,
    summary: str,
    actor=None,
    actor_label: str = "",
    visibility: str = Visibility.INTERNAL,
    channel: str = "",
    data: dict | None = None,
) -> TimelineEntry:
    return TimelineEntry.objects.create(
        case=case,
        event=event,
        summary=summary,
        actor=actor,
        actor_label=actor_label,
        visibility=visibility,
        channel=channel,
        data=data or {},
    )


@transaction.atomic
def note_add(*, case: Case, actor, text: str) -> TimelineEntry:
    refuse_if([] if text.strip() else [_("Write the note.")])
    return timeline_record(case=case, actor=actor, event="note", summary=text.strip())


@transaction.atomic
def correspondence_record(
    *,
    case: Case,
    actor,
    direction: str,
    channel: str,
    correspondent: str,
    body: str,
    subject: str = "",
    occurred_at=None,
) -> Correspondence:
    problems = []
    if direction not in Direction.values:
        problems.append(_("Say whether it was received or sent."))
    if channel not in Channel.values:
        problems.append(_("Say how it was received or sent."))
    if not body.strip():
        problems.append(_("Record what was said or written."))
    refuse_if(problems)
    item = Correspondence(
        case=case,
        direction=direction,
        channel=channel,
        correspondent=correspondent,
        subject=subject,
        body=body,
        recorded_by=actor,
    )
    if occurred_at:
        item.occurred_at = occurred_at
    item.save()
    verb = "Received" if direction == Direction.INCOMING else "Sent"
    timeline_record(
        case=case,
        actor=actor,
        event=f"correspondence_{direction}",
        summary=f"{verb} by {Channel(channel).label.lower()}: {subject or body[:80]}",
        channel=channel,
        data={"correspondence_id": item.pk},
    )
    return item


def comments_awaited(case: Case) -> TimelineEntry | None:
    """The request for the resident's comments still waiting for them, if any."""
    latest = (
        case.timeline.filter(event__in=["comments_requested", "comments_given"])
        .order_by("-occurred_at", "-pk")
        .first()
    )
    return latest if latest is not None and latest.event == "comments_requested" else None


@transaction.atomic
def comments_request(*, case: Case, actor, findings: str, respond_by) -> TimelineEntry:
    """Ask the resident to comment on findings that go against them before a decision is made
    (issue 4, Follow; fairness in investigation, Code 6 and 7)."""
    from django.utils import timezone

    problems = []
    if not findings.strip():
        problems.append(_("Describe what the resident is asked to comment on."))
    if respond_by is None:
        problems.append(_("Give the date by which to reply."))
    elif respond_by < timezone.localdate():
        problems.append(_("The reply date cannot be in the past."))
    refuse_if(problems)
    entry = timeline_record(
        case=case,
        actor=actor,
        event="comments_requested",
        summary=_(
            "We would like your comments on what we have found before we decide. "
            "Please reply by %(date)s.\n%(findings)s"
        )
        % {"date": f"{respond_by:%-d %B %Y}", "findings": findings.strip()},
        visibility=Visibility.RESIDENT,
        data={"respond_by": respond_by.isoformat()},
    )
    resident_notify(
        case=case,
        change="comments_requested",
        key=str(entry.pk),
        subject=lambda: (
            _("We would like your comments: %(reference)s") % {"reference": case.reference}
        ),
        message=lambda: (
            _(
                "Before we decide, we would like your comments on what we have found:\n%(findings)s"
                "\n\nPlease reply by %(date)s. You can reply online or contact us."
            )
            % {"findings": findings.strip(), "date": date_format(respond_by, "j F Y")}
        ),
    )
    return entry


@transaction.atomic
def comments_give(*, case: Case, text: str, actor_label: str) -> TimelineEntry:
    """The resident's comments on the findings we asked them about."""
    problems = []
    if comments_awaited(case) is None:
        problems.append(_("We have not asked for comments on this case."))
    if not text.strip():
        problems.append(_("Enter your comments."))
    refuse_if(problems)
    return timeline_record(
        case=case,
        actor_label=actor_label,
        event="comments_given",
        summary=text.strip(),
        visibility=Visibility.RESIDENT,
        channel=Channel.ONLINE,
    )
