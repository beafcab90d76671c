"""What each letter must contain, from the Complaint Handling Code 2024, as plain data and pure
functions.

A letter is a set of *elements* (the complaint definition, the decision, the Ombudsman's
details...). Each letter type requires some of them; `letter_problems` names every one that is
missing, and the issuing service refuses a letter while any is (issue 5). The same table says
which placeholders a letter template must keep (`template_problems`), so nobody can edit a
required element out of a template.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework.letters.placeholders import placeholders_in


class LetterType(models.TextChoices):
    STAGE1_ACKNOWLEDGEMENT = "stage1_acknowledgement", gettext_lazy("Stage 1 acknowledgement")
    STAGE2_ACKNOWLEDGEMENT = "stage2_acknowledgement", gettext_lazy("Stage 2 acknowledgement")
    EXTENSION = "extension", gettext_lazy("Extension notice")
    STAGE1_RESPONSE = "stage1_response", gettext_lazy("Stage 1 response")
    STAGE2_RESPONSE = "stage2_response", gettext_lazy("Stage 2 final response")
    REFUSAL_TO_ACCEPT = "refusal_to_accept", gettext_lazy("Complaint not accepted")
    REFUSAL_TO_ESCALATE = "refusal_to_escalate", gettext_lazy("Escalation refused")
    UPDATE = "update", gettext_lazy("Update at the agreed interval")
    CLARIFICATION = "clarification", gettext_lazy("Request to clarify the complaint")


class ElementKind(models.TextChoices):
    TEXT = "text", "Paragraphs"  # blank lines separate paragraphs
    LIST = "list", "One item a line"  # shown as a bulleted list
    LINES = "lines", "Lines"  # an address or contact details: line breaks kept


@dataclass(frozen=True)
class Element:
    """One part of a letter, filled from the case and editable by the drafter."""

    key: str
    name: str  # what it is, in words for staff, lower case: "the decision"
    hint: str  # what to write
    kind: str = ElementKind.TEXT
    plural: bool = False  # "the reasons ... are missing"


@dataclass(frozen=True)
class Requirement:
    """An element a letter type must contain, and the Code provision that says so."""

    key: str
    provision: str
    hint: str = ""  # overrides the element's hint where the type needs something particular


# Everything a letter can contain. Placeholders in templates use these keys: {{ decision }}.
ELEMENTS: dict[str, Element] = {
    e.key: e
    for e in [
        Element(
            "stage",
            gettext_lazy("the stage"),
            gettext_lazy("say which stage of the complaints process this letter is about"),
        ),
        Element(
            "complaint_definition",
            gettext_lazy("the complaint definition"),
            gettext_lazy(
                "say what we understand the complaint to be and the outcomes the resident wants"
            ),
        ),
        Element(
            "responsibility",
            gettext_lazy("what we are and are not responsible for"),
            gettext_lazy("say which parts of the complaint are for us and which are not"),
        ),
        Element(
            "decision",
            gettext_lazy("the decision"),
            gettext_lazy("say whether the complaint is upheld, partly upheld or not upheld"),
        ),
        Element(
            "reasons",
            gettext_lazy("the reasons for the decision"),
            gettext_lazy("answer each point of the complaint and say why we decided as we did"),
            plural=True,
        ),
        Element(
            "remedies",
            gettext_lazy("the remedy"),
            gettext_lazy(
                "say what we will do to put things right and by when, or why no remedy is due"
            ),
            ElementKind.LIST,
        ),
        Element(
            "outstanding_actions",
            gettext_lazy("the outstanding actions"),
            gettext_lazy("list what is still to be done and by when, or say that nothing is"),
            ElementKind.LIST,
            plural=True,
        ),
        Element(
            "escalation",
            gettext_lazy("how to escalate"),
            gettext_lazy("say how to take the complaint further"),
        ),
        Element(
            "ombudsman",
            gettext_lazy("the Ombudsman's contact details"),
            gettext_lazy("give the Ombudsman's name, address, phone number and website"),
            ElementKind.LINES,
            plural=True,
        ),
        Element(
            "response_date",
            gettext_lazy("the response date"),
            gettext_lazy("give the date by which we will respond"),
        ),
        Element(
            "policy_link",
            gettext_lazy("the link to our complaints policy"),
            gettext_lazy("give the web address of the complaints policy"),
        ),
        Element(
            "extension_reason",
            gettext_lazy("the reason for the extension"),
            gettext_lazy("explain why we need more time"),
        ),
        Element(
            "new_response_date",
            gettext_lazy("the new response date"),
            gettext_lazy("give the new date by which we will respond"),
        ),
        Element(
            "refusal_reason",
            gettext_lazy("the reason in our policy"),
            gettext_lazy("give the reason in the complaints policy and what it means"),
        ),
        Element(
            "refusal_explanation",
            gettext_lazy("why the reason applies to this complaint"),
            gettext_lazy("explain, for this case, why the reason applies"),
        ),
        Element(
            "ombudsman_review",
            gettext_lazy("the right to ask the Ombudsman to review our decision"),
            gettext_lazy("say that the resident can ask the Ombudsman to look at our decision"),
        ),
        Element(
            "progress",
            gettext_lazy("the update"),
            gettext_lazy("say what we have done since we last wrote and what happens next"),
        ),
        Element(
            "next_update_date",
            gettext_lazy("the date of the next update"),
            gettext_lazy("give the date by which we will next be in touch"),
        ),
        Element(
            "clarification_questions",
            gettext_lazy("what we need to know"),
            gettext_lazy("ask the questions that would make the complaint clear"),
        ),
        Element(
            "reply_by",
            gettext_lazy("the date to reply by"),
            gettext_lazy("give the date by which we would like a reply"),
        ),
    ]
}

# Filled in from the case for every letter; templates may use them, drafters do not edit them.
FURNITURE = ("reference", "resident_name", "landlord_name", "letter_date", "phone", "email")


@dataclass(frozen=True)
class LetterSpec:
    label: str
    stage: int | None  # the stage the letter is about; None: whichever is open
    required: tuple[Requirement, ...]
    optional: tuple[str, ...] = ()

    @property
    def element_keys(self) -> list[str]:
        return [r.key for r in self.required] + list(self.optional)


def _acknowledgement(stage: int, provision: str) -> tuple[Requirement, ...]:
    # Code 6.2 / 6.11: acknowledge, define (5.6) and log; the response date follows from 6.3 /
    # 6.14. The policy (3.4) and the Ombudsman (3.7) are how the resident knows their rights.
    return (
        Requirement("stage", provision),
        Requirement("complaint_definition", "5.6"),
        Requirement("response_date", "6.3" if stage == 1 else "6.14"),
        Requirement("policy_link", "3.4"),
        Requirement("ombudsman", "3.7"),
    )


def _response(stage: int) -> tuple[Requirement, ...]:
    # Code 6.9 (stage 1) and 6.19 (stage 2): the seven things every stage response states.
    p = "6.9" if stage == 1 else "6.19"
    requirements = [
        Requirement("stage", f"{p}a"),
        Requirement("complaint_definition", f"{p}b"),
        Requirement("decision", f"{p}c"),
        Requirement("reasons", f"{p}d"),
        Requirement("remedies", f"{p}e"),
        Requirement("outstanding_actions", f"{p}f"),
    ]
    if stage == 1:
        requirements.append(
            Requirement(
                "escalation",
                "6.9g",
                gettext_lazy("say how to ask for stage 2, and that no reason is needed"),
            )
        )
    else:
        requirements += [
            Requirement(
                "escalation",
                "6.19g",
                gettext_lazy("say that this is our final response and how to go to the Ombudsman"),
            ),
            Requirement("ombudsman", "6.19"),
        ]
    return tuple(requirements)


def _refusal(provision: str) -> tuple[Requirement, ...]:
    # Code 2.4: say why, with the right to take it to the Ombudsman; 2.5: decided on the case.
    return (
        Requirement("refusal_reason", provision),
        Requirement("refusal_explanation", "2.5"),
        Requirement("ombudsman_review", "2.4"),
        Requirement("ombudsman", "2.4"),
    )


LETTER_SPECS: dict[str, LetterSpec] = {
    LetterType.STAGE1_ACKNOWLEDGEMENT: LetterSpec(
        LetterType.STAGE1_ACKNOWLEDGEMENT.label, 1, _acknowledgement(1, "6.2"), ("responsibility",)
    ),
    LetterType.STAGE2_ACKNOWLEDGEMENT: LetterSpec(
        LetterType.STAGE2_ACKNOWLEDGEMENT.label,
        2,
        _acknowledgement(2, "6.11"),
        ("responsibility",),
    ),
    # Code 6.4-6.5 (stage 1), 6.15-6.16 (stage 2): the reason, the new date, the Ombudsman.
    LetterType.EXTENSION: LetterSpec(
        LetterType.EXTENSION.label,
        None,
        (
            Requirement("extension_reason", "6.4"),
            Requirement("new_response_date", "6.4"),
            Requirement("ombudsman", "6.5"),
        ),
        ("stage",),
    ),
    LetterType.STAGE1_RESPONSE: LetterSpec(LetterType.STAGE1_RESPONSE.label, 1, _response(1)),
    LetterType.STAGE2_RESPONSE: LetterSpec(LetterType.STAGE2_RESPONSE.label, 2, _response(2)),
    LetterType.REFUSAL_TO_ACCEPT: LetterSpec(
        LetterType.REFUSAL_TO_ACCEPT.label, 1, _refusal("2.2")
    ),
    # Code 5.11: escalation is refused only for a reason set out in the policy.
    LetterType.REFUSAL_TO_ESCALATE: LetterSpec(
        LetterType.REFUSAL_TO_ESCALATE.label, 2, _refusal("5.11")
    ),
    # Code 5.9: updates at the interval agreed while the answer is late.
    LetterType.UPDATE: LetterSpec(
        LetterType.UPDATE.label,
        None,
        (
            Requirement("progress", "5.9"),
            Requirement("response_date", "5.9"),
            Requirement("next_update_date", "5.9"),
        ),
        ("stage",),
    ),
    # Code 5.6: when the complaint is unclear, ask the resident to clarify it.
    LetterType.CLARIFICATION: LetterSpec(
        LetterType.CLARIFICATION.label,
        None,
        (
            Requirement("complaint_definition", "5.6"),
            Requirement("clarification_questions", "5.6"),
            Requirement("reply_by", "5.6"),
        ),
        ("stage",),
    ),
}


def _blank(value) -> bool:
    return not str(value or "").strip()


def _capitalised(text) -> str:
    text = str(text)
    return text[:1].upper() + text[1:]


def letter_spec(letter_type: str) -> LetterSpec:
    return LETTER_SPECS[LetterType(letter_type)]


def letter_problems(letter_type: str, elements: dict) -> list[str]:
    """Every required element the letter is missing, in plain English, citing the Code.
    An empty list means the letter has everything the Code asks of it."""
    if letter_type not in LetterType.values:
        return [_("Choose which letter to write.")]
    problems = []
    for requirement in letter_spec(letter_type).required:
        if _blank(elements.get(requirement.key)):
            element = ELEMENTS[requirement.key]
            message = (
                _("%(name)s are missing: %(hint)s (Code %(provision)s).")
                if element.plural
                else _("%(name)s is missing: %(hint)s (Code %(provision)s).")
            )
            problems.append(
                message
                % {
                    "name": _capitalised(element.name),
                    "hint": requirement.hint or element.hint,
                    "provision": requirement.provision,
                }
            )
    return problems


def allowed_placeholders(letter_type: str) -> list[str]:
    return [*FURNITURE, *letter_spec(letter_type).element_keys]


def template_problems(letter_type: str, subject: str, body: str) -> dict[str, list[str]]:
    """What stops a letter template being saved, by field: a required element's placeholder
    removed from the body, or a placeholder that nothing would fill."""
    if letter_type not in LetterType.values:
        return {"letter_type": [_("Choose which letter this template is for.")]}
    allowed = set(allowed_placeholders(letter_type))
    problems: dict[str, list[str]] = {}
    in_body = set(placeholders_in(body or ""))
    for requirement in letter_spec(letter_type).required:
        if requirement.key not in in_body:
            problems.setdefault("body", []).append(
                _(
                    "Put {{ %(key)s }} back in the letter. It fills in %(name)s, which this "
                    "letter must contain (Code %(provision)s)."
                )
                % {
                    "key": requirement.key,
                    "name": ELEMENTS[requirement.key].name,
                    "provision": requirement.provision,
                }
            )
    for field, text in (("subject", subject), ("body", body)):
        for name in dict.fromkeys(placeholders_in(text or "")):
            if name not in allowed:
                problems.setdefault(field, []).append(
                    _(
                        "{{ %(name)s }} is not something this letter can fill in. You can use: "
                        "%(allowed)s."
                    )
                    % {
                        "name": name,
                        "allowed": ", ".join(
                            "{{ %s }}" % key  # noqa: UP031 - braces are the text itself
                            for key in allowed_placeholders(letter_type)
                        ),
                    }
                )
    return problems
