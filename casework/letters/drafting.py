"""Drafting a letter from the case record: which letters a case can have now, in which language,
and each element prefilled from what the record says (issue 5: the drafter edits, never retypes).
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import dateformat, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Locale

from casework.choices import ActionStatus, CaseKind, CaseStatus, Decision, OmbudsmanSchemeKind
from casework.letters.branding import LetterBranding
from casework.letters.rules import LetterType, letter_spec
from casework.models import Case, LetterTemplate, OmbudsmanScheme, Stage
from casework.process import process_settings, working_calendar

S = CaseStatus
OPEN_STAGE = {S.LOGGED: 1, S.STAGE1: 1, S.STAGE2_REQUESTED: 2, S.STAGE2: 2}
# Days we suggest for a reply to a request for clarification; the drafter can change it.
CLARIFICATION_REPLY_WORKING_DAYS = 5


@dataclass(frozen=True)
class StageFacts:
    acknowledged: bool = False
    responded: bool = False
    refused: bool = False
    extended: bool = False


def stage_facts(stage: Stage | None) -> StageFacts:
    if stage is None:
        return StageFacts()
    return StageFacts(
        acknowledged=stage.acknowledged_at is not None,
        responded=stage.responded_at is not None,
        refused=stage.refused_at is not None,
        extended=any(True for _ in stage.extensions.all()),
    )


def letter_type_problem(
    letter_type: str, *, kind: str, status: str, stage1: StageFacts, stage2: StageFacts
) -> str | None:
    """Why the case cannot have this letter yet, or None. A letter reports what the record
    already says: the decision, the refusal, the extension is recorded first, by its own
    transition and its own rules (casework.workflow), and the letter follows from it."""
    if kind != CaseKind.COMPLAINT:
        return _("Letters from this list are for complaints.")
    t = LetterType(letter_type)
    open_stage = {1: stage1, 2: stage2}.get(OPEN_STAGE.get(status, 0))
    if t == LetterType.STAGE1_ACKNOWLEDGEMENT and not stage1.acknowledged:
        return _(
            "Acknowledge stage 1 first, with the complaint definition (Code 5.6, 6.2). The "
            "letter is filled in from it."
        )
    if t == LetterType.STAGE2_ACKNOWLEDGEMENT and not stage2.acknowledged:
        return _("Acknowledge stage 2 first, with the complaint definition (Code 5.6, 6.11).")
    if t == LetterType.STAGE1_RESPONSE and not stage1.responded:
        return _(
            "Record the stage 1 decision first, with “Send stage 1 response” (Code 6.9). The "
            "letter is filled in from it."
        )
    if t == LetterType.STAGE2_RESPONSE and not stage2.responded:
        return _("Record the stage 2 decision first, with “Send final response” (Code 6.19).")
    if t == LetterType.REFUSAL_TO_ACCEPT and not stage1.refused:
        return _("Record the decision not to accept the complaint first (Code 2.1, 2.4).")
    if t == LetterType.REFUSAL_TO_ESCALATE and not stage2.refused:
        return _("Record the decision to refuse stage 2 first (Code 5.11).")
    if t == LetterType.EXTENSION and not (
        status in (S.STAGE1, S.STAGE2) and open_stage and open_stage.extended
    ):
        return _("Record the extension first, on a stage we are still answering (Code 6.4, 6.15).")
    if t == LetterType.UPDATE and status not in (S.STAGE1, S.STAGE2):
        return _("Updates are for a stage we are still answering (Code 5.9).")
    if t == LetterType.CLARIFICATION and status not in OPEN_STAGE:
        return _("Ask for clarification while a stage is still open (Code 5.6).")
    return None


def case_letter_problem(letter_type: str, case: Case) -> str | None:
    return letter_type_problem(
        letter_type,
        kind=case.kind,
        status=case.status,
        stage1=stage_facts(case.stage(1)),
        stage2=stage_facts(case.stage(2)),
    )


def letter_stage(letter_type: str, case: Case) -> Stage | None:
    number = letter_spec(letter_type).stage or OPEN_STAGE.get(case.status)
    return case.stage(number) if number else case.current_stage


def letter_language(preferred: str, letter_type: str) -> str:
    """The resident's language where a template for this letter exists in it, else English
    (the site's language)."""
    available = set(
        LetterTemplate.objects.filter(letter_type=letter_type).values_list("language", flat=True)
    )
    preferred = (preferred or "").lower()
    candidates = [preferred, preferred.split("-")[0]] if preferred else []
    for code in candidates:
        if code in available:
            return code
        match = next((lang for lang in sorted(available) if lang.split("-")[0] == code), None)
        if match:
            return match
    return settings.LANGUAGE_CODE


def template_for(letter_type: str, language: str) -> LetterTemplate | None:
    templates = LetterTemplate.objects.filter(letter_type=letter_type)
    return (
        templates.filter(language=language).first()
        or templates.filter(language=settings.LANGUAGE_CODE).first()
    )


def long_date(value: dt.date | None) -> str:
    """'3 March 2026', with the month in the active language."""
    return dateformat.format(value, "j F Y") if value else ""


def ombudsman_for(case: Case, language: str) -> OmbudsmanScheme | None:
    kind = case.category.ombudsman_scheme if case.category else OmbudsmanSchemeKind.HOUSING
    locale = Locale.objects.filter(language_code=language).first()
    return (
        OmbudsmanScheme.for_kind(kind, locale=locale) if locale else OmbudsmanScheme.for_kind(kind)
    )


def ombudsman_details(scheme: OmbudsmanScheme | None) -> str:
    if scheme is None:
        return ""
    lines = [scheme.name, *scheme.postal_address_lines()]
    lines.append(_("Phone: %(phone)s") % {"phone": scheme.phone})
    if scheme.email:
        lines.append(_("Email: %(email)s") % {"email": scheme.email})
    lines.append(_("Website: %(website)s") % {"website": scheme.website})
    return "\n".join(lines)


DECISION_WORDS = {
    Decision.UPHELD: gettext_noop(
        "We have upheld your complaint. This means we agree that we got things wrong."
    ),
    Decision.PARTLY_UPHELD: gettext_noop(
        "We have partly upheld your complaint. This means we agree that we got some things "
        "wrong, but not all of them."
    ),
    Decision.NOT_UPHELD: gettext_noop(
        "We have not upheld your complaint. This means we do not think we got things wrong."
    ),
}


def _remedy_line(remedy) -> str:
    line = f"{remedy.get_kind_display()}: {remedy.description.strip()}"
    if remedy.amount is not None:
        line += " " + _("(£%(amount)s)") % {"amount": remedy.amount}
    if remedy.due_on:
        line += " " + _("By %(date)s.") % {"date": long_date(remedy.due_on)}
    return line


def _remedies(case: Case, stage: Stage) -> str:
    remedies = [r for r in case.remedies.all() if r.stage_id in (None, stage.pk)]
    if stage.number == 2:
        # The final response sets out everything we will do, whichever stage offered it.
        remedies = list(case.remedies.all())
    if remedies:
        return "\n".join(_remedy_line(remedy) for remedy in remedies)
    if stage.no_remedy_reason:
        return _("We are not offering a remedy. %(reason)s") % {
            "reason": stage.no_remedy_reason.strip()
        }
    return ""


def _outstanding_actions(case: Case) -> str:
    actions = [a for a in case.actions.all() if a.status == ActionStatus.OPEN]
    if not actions:
        return _("There is nothing else for us to do on your complaint.")
    return "\n".join(
        _("%(action)s By %(date)s.")
        % {"action": a.description.strip(), "date": long_date(a.due_on)}
        for a in actions
    )


def _definition(stage: Stage) -> str:
    text = stage.definition.strip()
    if stage.outcomes_sought.strip():
        text += "\n\n" + _("You told us you would like: %(outcomes)s") % {
            "outcomes": stage.outcomes_sought.strip()
        }
    return text


def _stage_words(number: int) -> str:
    if number == 1:
        return _("Your complaint is at stage 1 of our complaints process.")
    return _("Your complaint is at stage 2. This is the final stage of our complaints process.")


def prefill_elements(
    case: Case, letter_type: str, *, branding: LetterBranding, language: str, today=None
) -> dict[str, str]:
    """Every element of the letter type, filled from the record in `language`."""
    today = today or timezone.localdate()
    stage = letter_stage(letter_type, case)
    with translation.override(language):
        scheme = ombudsman_for(case, language)
        scheme_name = scheme.name if scheme else _("the Housing Ombudsman")
        calendar = working_calendar(process_settings())
        values: dict[str, str] = {
            "ombudsman": ombudsman_details(scheme),
            "policy_link": branding.policy_url,
        }
        if stage is not None:
            extension = stage.extensions.order_by("-created_at", "-pk").first()
            refusal = stage.refusal_reason
            next_update = (
                calendar.add_working_days(today, stage.update_interval_days)
                if stage.update_interval_days
                else None
            )
            values.update(
                stage=_stage_words(stage.number),
                complaint_definition=_definition(stage),
                responsibility=stage.responsibility.strip(),
                decision=_(DECISION_WORDS[stage.decision]) if stage.decision else "",
                reasons=stage.reasons.strip(),
                remedies=_remedies(case, stage),
                outstanding_actions=_outstanding_actions(case),
                response_date=long_date(stage.response_due_on),
                extension_reason=extension.reason if extension else "",
                new_response_date=long_date(extension.new_due_on) if extension else "",
                refusal_reason=(
                    f"{refusal.title}\n\n{refusal.explanation.strip()}" if refusal else ""
                ),
                refusal_explanation=stage.refusal_explanation.strip(),
                next_update_date=long_date(next_update),
                reply_by=long_date(
                    calendar.add_working_days(today, CLARIFICATION_REPLY_WORKING_DAYS)
                ),
                progress="",
                clarification_questions="",
            )
            if stage.number == 1:
                values["escalation"] = _(
                    "You can ask us to look at your complaint again. This is stage 2 of our "
                    "complaints process. A different person will review it. You do not have to "
                    "tell us why. Just reply to this letter, call us or use the link in our email."
                )
            else:
                values["escalation"] = _(
                    "This is our final answer. If you are still not happy, you can ask "
                    "%(scheme)s to look at your complaint. It is free and independent. Their "
                    "details are below."
                ) % {"scheme": scheme_name}
            if letter_type == LetterType.REFUSAL_TO_ESCALATE:
                values["ombudsman_review"] = _(
                    "If you think we are wrong not to take your complaint to stage 2, you can ask "
                    "%(scheme)s to look at our decision. It is free and independent."
                ) % {"scheme": scheme_name}
            else:
                values["ombudsman_review"] = _(
                    "If you think we are wrong not to accept your complaint, you can ask "
                    "%(scheme)s to look at our decision. It is free and independent."
                ) % {"scheme": scheme_name}
    keys = letter_spec(letter_type).element_keys
    return {key: values.get(key, "") for key in keys}
