"""Every numbered provision of the Housing Ombudsman's Complaint Handling Code (2024), as data.

Used by the public "the Code explained" page and, later, by the self-assessment (one row per
provision). Numbers are the 2024 Code's; the wording is our own plain-English summary written from
shared/CODE-2024.md, not the Code's text. Timescales are kept exactly as the Code sets them.

These strings are content, not interface text: the comms team edits them in the CMS, so they are
plain `str`, not gettext.

Obligation follows the source table, with two mixed rows reduced to one word: 1.6 ("must/should")
is "must", because feedback requests must say how to complain; 4.3 ("must (expected)") is "must".
8.4 is "may" because it is something the Ombudsman may do, not a landlord duty.

CODE-2024.md marks 1.1, 3.4-3.7, 5.7, 5.8, 5.11, 5.14, 6.15, 6.20, 8.3, 8.4 and 9.6 as
"(unverified)": we did not see their 2024 wording, only corroboration elsewhere (6.20 and 8.4 from
memory). Check those against the published Code before the self-assessment relies on them.
"""

import datetime
from dataclasses import dataclass

CODE_URL = (
    "https://www.housing-ombudsman.org.uk/landlords-info/complaint-handling-code/the-code-2024/"
)
EDITION = "2024"
IN_FORCE_FROM = datetime.date(2024, 4, 1)

OBLIGATIONS = ("must", "should", "may", "context")


@dataclass(frozen=True)
class Provision:
    number: str  # "6.9"
    summary: str  # plain English, reading age about 12, "the landlord"
    obligation: str  # one of OBLIGATIONS


@dataclass(frozen=True)
class Section:
    number: int  # 1..9
    title: str
    introduction: str
    provisions: tuple[Provision, ...]


SECTIONS: tuple[Section, ...] = (
    Section(
        number=1,
        title="Definition of a complaint",
        introduction=(
            "What counts as a complaint, and how a complaint differs from a request for a "
            "service or a comment in a survey."
        ),
        provisions=(
            Provision(
                "1.1",
                "Handling complaints well means residents feel listened to. It starts with the "
                "landlord and residents having the same idea of what a complaint is and what a "
                "request for a service is.",
                "context",
            ),
            Provision(
                "1.2",
                "The landlord uses the Code's meaning of a complaint: someone saying, in any way, "
                "that they are unhappy with the standard of a service, or with something the "
                "landlord, its staff or anyone acting for it did or did not do, affecting one "
                "resident or more.",
                "must",
            ),
            Provision(
                "1.3",
                'A resident does not have to use the word "complaint". Whenever someone says '
                "they are unhappy, the landlord offers them the chance to complain, and complaints "
                "made for a resident by someone else follow the same policy.",
                "must",
            ),
            Provision(
                "1.4",
                "The landlord's policy explains how a request for a service, such as reporting a "
                "repair, differs from a complaint. A service request is not a complaint, but the "
                "landlord still records it, keeps track of it and reviews it.",
                "must",
            ),
            Provision(
                "1.5",
                "If a resident is unhappy with how a service request is being dealt with, that is "
                "a complaint, even while the request is still open. The landlord keeps working on "
                "the request at the same time.",
                "must",
            ),
            Provision(
                "1.6",
                "Saying you are unhappy in a satisfaction survey is not a complaint in itself, but "
                "the landlord should tell people how to complain. Whenever it asks for feedback, "
                "it explains how to make a complaint.",
                "must",
            ),
        ),
    ),
    Section(
        number=2,
        title="Exclusions",
        introduction=(
            "When the landlord can decide not to accept a complaint, and how it explains that "
            "decision."
        ),
        provisions=(
            Provision(
                "2.1",
                "The landlord accepts a complaint unless it has a valid reason not to. It judges "
                "each complaint on its own facts and keeps evidence for any decision not to "
                "accept one.",
                "must",
            ),
            Provision(
                "2.2",
                "The policy lists the fair reasons for not accepting or escalating a complaint, "
                "for example the issue is more than 12 months old, a court claim about it has "
                "already been made, or it has already been looked at as a complaint.",
                "must",
            ),
            Provision(
                "2.3",
                "The landlord accepts complaints made within 12 months of the issue happening, or "
                "within 12 months of the resident finding out about it. It thinks about whether "
                "to accept an older complaint where that would be fair.",
                "must",
            ),
            Provision(
                "2.4",
                "When the landlord will not accept a complaint, it explains why in detail and "
                "tells the resident they can take the decision to the Housing Ombudsman.",
                "must",
            ),
            Provision(
                "2.5",
                "The landlord does not rule out whole types of complaint in advance. It looks at "
                "each resident's own circumstances before deciding.",
                "must",
            ),
        ),
    ),
    Section(
        number=3,
        title="Accessibility and awareness",
        introduction=(
            "How the landlord makes it easy for every resident to complain and to know their "
            "rights."
        ),
        provisions=(
            Provision(
                "3.1",
                "Residents can complain in more than one way. The landlord thinks about its duties "
                "under the Equality Act 2010 and plans ahead for reasonable adjustments people "
                "may need.",
                "must",
            ),
            Provision(
                "3.2",
                "A resident can complain in any way they choose, to any member of staff. Every "
                "member of staff knows how to pass a complaint on to the right place.",
                "must",
            ),
            Provision(
                "3.3",
                "A high number of complaints is not seen as a bad thing in itself. A low number "
                "can be a sign that something is making it hard for residents to complain.",
                "must",
            ),
            Provision(
                "3.4",
                "The complaints policy is easy for every resident to get and understand. It "
                "explains the two stages, what happens at each one and how long each takes, and "
                "it is on the landlord's website.",
                "must",
            ),
            Provision(
                "3.5",
                "The policy says how the landlord lets residents know about it, including telling "
                "them about the Housing Ombudsman and this Code.",
                "must",
            ),
            Provision(
                "3.6",
                "Residents can ask someone else, such as a relative or an adviser, to act for "
                "them, and can bring someone with them to any meeting about their complaint.",
                "must",
            ),
            Provision(
                "3.7",
                "The landlord tells residents they have the right to go to the Housing Ombudsman "
                "and explains how to get in touch with the Ombudsman.",
                "must",
            ),
        ),
    ),
    Section(
        number=4,
        title="Complaint handling staff",
        introduction=(
            "Who at the landlord is responsible for complaints, and what they need to do the job "
            "well."
        ),
        provisions=(
            Provision(
                "4.1",
                'The landlord names a person or team (the "complaints officer") in charge of '
                "handling complaints, dealing with the Housing Ombudsman and reporting to the "
                "governing body. This can be part of a wider job.",
                "must",
            ),
            Provision(
                "4.2",
                "The complaints officer can reach staff at every level of the organisation and "
                "has the power to sort out complaints quickly and fairly.",
                "must",
            ),
            Provision(
                "4.3",
                "The landlord treats complaints, and learning from them, as a priority and a core "
                "service. It trains the staff who need it and gives complaint handling enough "
                "people and time.",
                "must",
            ),
        ),
    ),
    Section(
        number=5,
        title="The complaint handling process",
        introduction=("The rules that apply to every complaint, whatever stage it has reached."),
        provisions=(
            Provision(
                "5.1",
                "The landlord has one complaints policy for every complaint the Code covers. "
                "Nobody is treated worse because they have complained.",
                "must",
            ),
            Provision(
                "5.2",
                "The landlord tries to sort problems out early, but it does not add extra stages, "
                'such as a "stage 0" or an "informal" stage, before the two stages.',
                "must",
            ),
            Provision(
                "5.3",
                "The complaints process never has more than two stages.",
                "must",
            ),
            Provision(
                "5.4",
                "If someone outside the landlord, such as a contractor or an independent "
                "adjudicator, handles part of a complaint, this happens inside the two stages. A "
                "resident never has to go through two separate complaints processes.",
                "must",
            ),
            Provision(
                "5.5",
                "The landlord makes sure that contractors and other third parties who handle "
                "complaints for it follow the Code.",
                "must",
            ),
            Provision(
                "5.6",
                "When a complaint is logged at stage 1, and again when it is escalated to stage "
                "2, the landlord writes down what it understands the complaint to be and what "
                "the resident wants to happen. If anything is unclear, it asks the resident.",
                "must",
            ),
            Provision(
                "5.7",
                "When it acknowledges a complaint at either stage, the landlord says which parts "
                "of the complaint it is responsible for and which parts it is not.",
                "must",
            ),
            Provision(
                "5.8",
                "Whoever handles a complaint looks at it on its merits, acts independently and "
                "keeps an open mind. They give the resident a fair chance to explain, deal with "
                "any conflict of interest and take all the evidence into account.",
                "must",
            ),
            Provision(
                "5.9",
                "If the landlord cannot keep to a timescale in the Code, it agrees with the "
                "resident how often it will send them updates.",
                "must",
            ),
            Provision(
                "5.10",
                "The landlord makes reasonable adjustments under the Equality Act 2010. It "
                "records any adjustments and any disability a resident tells it about, and "
                "reviews them regularly.",
                "must",
            ),
            Provision(
                "5.11",
                "The landlord only refuses to escalate a complaint if it has a valid reason that "
                "is set out in its policy.",
                "must",
            ),
            Provision(
                "5.12",
                "The landlord keeps a full record of each complaint: the original complaint, the "
                "date it arrived, all letters and messages, supporting documents and the outcome "
                "at each stage.",
                "must",
            ),
            Provision(
                "5.13",
                "The landlord can offer a remedy at any stage. A resident does not have to "
                "escalate their complaint to get one.",
                "must",
            ),
            Provision(
                "5.14",
                "The landlord has a policy or procedure for dealing with unacceptable behaviour "
                "by residents or the people acting for them.",
                "must",
            ),
            Provision(
                "5.15",
                "Any limits the landlord puts on how a resident can contact it are in proportion "
                "to the problem and take account of its duties under the Equality Act 2010.",
                "must",
            ),
        ),
    ),
    Section(
        number=6,
        title="Complaints stages",
        introduction=(
            "What happens at stage 1 and stage 2, and the timescales the landlord keeps to at each."
        ),
        provisions=(
            Provision(
                "6.1",
                "Early on, the landlord decides whether a complaint can be answered quickly or "
                "needs a fuller investigation, looking at how complex it is and at any "
                "vulnerability or risk.",
                "must",
            ),
            Provision(
                "6.2",
                "At stage 1, the landlord acknowledges the complaint, sets out what it "
                "understands the complaint to be and logs it within 5 working days of receiving "
                "it.",
                "must",
            ),
            Provision(
                "6.3",
                "The landlord sends its full stage 1 response within 10 working days of "
                "acknowledging the complaint.",
                "must",
            ),
            Provision(
                "6.4",
                "If a complaint is complex, the landlord can take longer at stage 1 and tells the "
                "resident the new date. The extra time is no more than 10 working days unless "
                "there is a good reason, which it explains to the resident.",
                "must",
            ),
            Provision(
                "6.5",
                "When the landlord gives itself more time at stage 1, its message to the resident "
                "includes the Housing Ombudsman's contact details.",
                "must",
            ),
            Provision(
                "6.6",
                "The landlord replies as soon as it knows its answer to the complaint, even if "
                "some actions are still to be done. It keeps track of those actions and keeps the "
                "resident updated.",
                "must",
            ),
            Provision(
                "6.7",
                "The stage 1 response deals with every part of the complaint and gives reasons, "
                "referring to the relevant policy, law and good practice.",
                "must",
            ),
            Provision(
                "6.8",
                "A related issue raised before the stage 1 response is sent is added to the "
                "complaint. If the response has already gone, the issue is unrelated or adding "
                "it would cause undue delay, it is logged as a new complaint.",
                "must",
            ),
            Provision(
                "6.9",
                "The stage 1 response is in plain language. It says which stage the complaint is "
                "at, what the complaint is about, the decision and the reasons for it, any "
                "remedy, any actions still to be done, and how to escalate to stage 2.",
                "must",
            ),
            Provision(
                "6.10",
                "If all or part of a complaint is not resolved at stage 1, it moves on to stage "
                "2, where the landlord gives its final response.",
                "must",
            ),
            Provision(
                "6.11",
                "At stage 2, the landlord acknowledges the escalated complaint, sets out what it "
                "understands the complaint to be and logs it within 5 working days of the "
                "request to escalate.",
                "must",
            ),
            Provision(
                "6.12",
                "A resident does not have to give reasons for escalating a complaint. The "
                "landlord makes a reasonable effort to understand why they are still unhappy.",
                "must",
            ),
            Provision(
                "6.13",
                "The person who handles the complaint at stage 2 is not the same person who "
                "handled it at stage 1.",
                "must",
            ),
            Provision(
                "6.14",
                "The landlord sends its final stage 2 response within 20 working days of "
                "acknowledging the escalated complaint.",
                "must",
            ),
            Provision(
                "6.15",
                "If a complaint is complex, the landlord can take longer at stage 2 and tells the "
                "resident the new date. The extra time is no more than 20 working days unless "
                "there is a good reason, which it explains to the resident.",
                "must",
            ),
            Provision(
                "6.16",
                "When the landlord gives itself more time at stage 2, its message to the resident "
                "includes the Housing Ombudsman's contact details.",
                "must",
            ),
            Provision(
                "6.17",
                "At stage 2, the landlord replies as soon as it knows its answer, even if some "
                "actions are still to be done. It keeps track of those actions and keeps the "
                "resident updated.",
                "must",
            ),
            Provision(
                "6.18",
                "The stage 2 response deals with every part of the complaint and gives reasons, "
                "referring to the relevant policy, law and good practice.",
                "must",
            ),
            Provision(
                "6.19",
                "The stage 2 response is in plain language and covers the same points as the "
                "stage 1 response. It ends by explaining how the resident can take the complaint "
                "to the Housing Ombudsman if they are still unhappy.",
                "must",
            ),
            Provision(
                "6.20",
                "Stage 2 is the landlord's last word on the complaint, and everyone needed to "
                "give that final response takes part in it.",
                "must",
            ),
        ),
    ),
    Section(
        number=7,
        title="Putting things right",
        introduction=(
            "How the landlord owns up to what went wrong and puts it right for the resident."
        ),
        provisions=(
            Provision(
                "7.1",
                "The landlord admits when something has gone wrong and says what it has done or "
                "will do about it, such as saying sorry, explaining, acting on a delay, changing "
                "a decision, correcting records, paying money or changing a policy.",
                "must",
            ),
            Provision(
                "7.2",
                "Any remedy fits the effect that the failure had on the resident.",
                "must",
            ),
            Provision(
                "7.3",
                "A remedy says what the landlord will do and by when, agreed with the resident "
                "where that makes sense, and the landlord makes sure it happens.",
                "must",
            ),
            Provision(
                "7.4",
                "The landlord takes the Housing Ombudsman's guidance on remedies into account.",
                "must",
            ),
        ),
    ),
    Section(
        number=8,
        title="Self-assessment, reporting and compliance",
        introduction=(
            "How the landlord checks and reports on its own complaint handling, and what it does "
            "if it cannot follow the Code."
        ),
        provisions=(
            Provision(
                "8.1",
                "Each year the landlord writes a report on its complaints performance and service "
                "improvements, with a self-assessment against the Code, an analysis of complaints "
                "(including refused ones), Ombudsman findings of non-compliance, improvements "
                "made and the Ombudsman's reports.",
                "must",
            ),
            Provision(
                "8.2",
                "The annual report goes to the landlord's governing body and is published on the "
                "complaints page of its website, together with the governing body's response.",
                "must",
            ),
            Provision(
                "8.3",
                "The landlord carries out a new self-assessment after a big restructure, a merger "
                "or a major change to its complaints procedure.",
                "must",
            ),
            Provision(
                "8.4",
                "After an investigation, the Housing Ombudsman may ask the landlord for an "
                "updated self-assessment.",
                "may",
            ),
            Provision(
                "8.5",
                "If something exceptional, such as a cyber attack, stops the landlord following "
                "the Code, it tells the Ombudsman and the residents affected, publishes this and "
                "says when it expects to follow the Code again.",
                "must",
            ),
        ),
    ),
    Section(
        number=9,
        title="Scrutiny and oversight",
        introduction=(
            "How the landlord learns from complaints to improve its services, and how its leaders "
            "keep watch over complaint handling."
        ),
        provisions=(
            Provision(
                "9.1",
                "The landlord looks beyond each single complaint to see how its services could "
                "be better.",
                "must",
            ),
            Provision(
                "9.2",
                "The landlord uses what complaints tell it as information to improve its services.",
                "must",
            ),
            Provision(
                "9.3",
                "The landlord shares what it has learned from complaints with the people who need "
                "to know, such as residents' panels, staff and committees.",
                "must",
            ),
            Provision(
                "9.4",
                "A senior person accountable for complaints looks at themes and trends to spot "
                "wider problems, risks and policies that need to change.",
                "must",
            ),
            Provision(
                "9.5",
                "One member of the governing body is the Member Responsible for Complaints (MRC).",
                "must",
            ),
            Provision(
                "9.6",
                "The MRC makes sure the governing body regularly gets a clear picture of how "
                "complaints are handled. They can see the information and staff they need, and "
                "report what they find.",
                "must",
            ),
            Provision(
                "9.7",
                "As a minimum, the MRC and governing body get: the number, types and outcomes of "
                "complaints and how well they are handled; reviews of issues and trends; "
                "Ombudsman decisions and progress on any severe maladministration orders; and the "
                "annual report.",
                "must",
            ),
            Provision(
                "9.8",
                "Staff and third parties who deal with complaints share a standard objective: to "
                "work together across teams, share responsibility instead of blaming others, and "
                "follow professional standards.",
                "must",
            ),
        ),
    ),
)

_BY_NUMBER: dict[str, Provision] = {p.number: p for s in SECTIONS for p in s.provisions}


def provision(number: str) -> Provision:
    """The provision with this 2024 number, e.g. "6.13". Raises KeyError for an unknown number."""
    return _BY_NUMBER[number]


def all_provisions() -> list[Provision]:
    """Every provision, in the Code's order: one row each for the self-assessment."""
    return [p for s in SECTIONS for p in s.provisions]
