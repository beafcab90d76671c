"""The demo landlord's self-assessment against the Complaint Handling Code for its last reporting
year (Code 8.1a; issue 6): every provision answered in Example Homes' own words, mostly "yes"
with the evidence, a few "no" with why and the improvement actions (owner, date, status), and
the timeliness rows showing the live figures, frozen into the page when it is published.

It is published after the demo cases are made, so the frozen figures are the demo record's own.
The wording is ours, written for this made-up landlord; nothing here is any real landlord's
assessment.
"""

import datetime as dt

from casework.code_provisions import SECTIONS
from cms_pages.models import SelfAssessmentPage

SLUG = "self-assessment"


def reporting_year(today: dt.date) -> tuple[dt.date, dt.date]:
    """The last April-to-March year that ended before `today`."""
    end_year = today.year if today.month >= 4 else today.year - 1
    return dt.date(end_year - 1, 4, 1), dt.date(end_year, 3, 31)


def _action(action: str, owner: str, months: int, status: str) -> dict:
    return {"action": action, "owner": owner, "months": months, "status": status}


COMPLAINTS_MANAGER = "Complaints Manager"

# provision: evidence, and for a "no" the explanation; `figure` names a live figure
# (casework.figures.EVIDENCE_FIGURES); `actions` are dated in months after the year's end.
ANSWERS: dict[str, dict] = {
    "1.1": {
        "evidence": "Our complaints policy opens by saying complaints help us learn and that "
        "nobody is treated worse for complaining. Front-line staff are taught the difference "
        "between a complaint and a request for a service."
    },
    "1.2": {
        "evidence": "The policy section 'What a complaint is' uses the Code's meaning, "
        "including complaints about our contractors and complaints from a group of residents."
    },
    "1.3": {
        "evidence": "Staff offer to log a complaint whenever a resident says they are unhappy; "
        "the online form never asks for the word 'complaint'. Representatives, councillors and "
        "MPs can complain for a resident, with consent recorded on the case."
    },
    "1.4": {
        "evidence": "Service requests are logged in the same system as complaints but as their "
        "own kind of case, with their own figures in the quarterly report to the Board."
    },
    "1.5": {
        "evidence": "Staff can raise a complaint from an open service request in one step; the "
        "request stays open and the two cases are linked."
    },
    "1.6": {
        "evidence": "Every satisfaction survey and feedback form ends with a link to the How to "
        "complain page."
    },
    "2.1": {
        "evidence": "A complaint can only be refused by choosing a reason from our policy and "
        "writing why it applies to that case; the refusals by reason are in the annual report."
    },
    "2.2": {
        "evidence": "The policy section 'Complaints we may not accept' lists our reasons, the "
        "same list staff choose from when they refuse a complaint."
    },
    "2.3": {
        "evidence": "We accept complaints made within 12 months of the problem or of the "
        "resident finding out about it. Staff are warned when a case is older than that and "
        "can still accept it."
    },
    "2.4": {
        "evidence": "The refusal letter cannot be sent without our reasons and the Housing "
        "Ombudsman's details."
    },
    "2.5": {
        "evidence": "No complaint is refused automatically: every refusal is decided by the "
        "complaints officer on the facts of the case."
    },
    "3.1": {
        "evidence": "Residents can complain online, by phone, email, letter, in person, through "
        "social media, a contractor or their councillor or MP. Support needs are asked about "
        "at the start and recorded as reasonable adjustments."
    },
    "3.2": {
        "evidence": "Any member of staff can log a complaint in the casework system, and the "
        "complaints team is told of it straight away."
    },
    "3.3": {
        "evidence": "The Board's quarterly figures show complaints per 1,000 homes and by "
        "category. A fall in complaints from one area is looked into, not celebrated."
    },
    "3.4": {
        "evidence": "The policy is on our website, with a tagged PDF and large print on "
        "request. It explains the two stages and how long each takes."
    },
    "3.5": {
        "evidence": "The policy is promoted in the residents' newsletter, at every tenancy "
        "sign-up and on every complaint letter, with the Code and the Ombudsman's details."
    },
    "3.6": {
        "evidence": "Residents can name a representative on the online form or by phone, and "
        "can bring someone to any meeting about their complaint."
    },
    "3.7": {
        "evidence": "Every complaints page and every letter at each stage gives the Housing "
        "Ombudsman's details."
    },
    "4.1": {
        "evidence": "Our Complaints Manager leads the complaints team, is our contact for the "
        "Ombudsman and reports to the Board every quarter. Evidence the Ombudsman asks for is "
        "tracked against its 15 working days."
    },
    "4.2": {
        "evidence": "The Complaints Manager reports to the Chief Executive and can agree a "
        "remedy up to our policy limit without further approval."
    },
    "4.3": {
        "complies": "no",
        "evidence": "Complaints is a standing item at every leadership team meeting.",
        "explanation": "The complaints team and managers are trained, but repairs and contact "
        "centre staff, who hear many complaints first, have not all been trained yet.",
        "actions": [
            _action(
                "Add complaints training to the induction of every new member of staff.",
                "Head of Customer Experience",
                3,
                "in_progress",
            ),
            _action(
                "Run a refresher session for every repairs supervisor and contact centre adviser.",
                "Head of Property Services",
                6,
                "planned",
            ),
        ],
    },
    "5.1": {
        "evidence": "One complaints policy covers every complaint the Code covers. Complaints "
        "are never held against a resident in any other dealings with us."
    },
    "5.2": {
        "evidence": "Our process has stage 1 and stage 2 only. Problems put right on the spot "
        "are still logged as stage 1 complaints."
    },
    "5.3": {
        "evidence": "The casework system allows two stages and no more; there is no third "
        "stage in our policy."
    },
    "5.4": {
        "evidence": "Complaints about contractors come to our complaints team and go through "
        "our own two stages."
    },
    "5.5": {
        "complies": "no",
        "evidence": "Our cleaning and grounds contracts already require the Code to be followed.",
        "explanation": "Our repairs contract was signed before the 2024 Code and does not yet "
        "require the contractor to follow it or to send us evidence in time.",
        "actions": [
            _action(
                "Change the repairs contract so the contractor follows the Code and sends "
                "what we ask for within 5 working days.",
                "Head of Property Services",
                4,
                "in_progress",
            ),
            _action(
                "Check a sample of contractor-related complaints each quarter.",
                COMPLAINTS_MANAGER,
                6,
                "planned",
            ),
        ],
    },
    "5.6": {
        "evidence": "A complaint cannot be acknowledged at either stage without our written "
        "understanding of the complaint and the outcome the resident wants."
    },
    "5.7": {
        "evidence": "The acknowledgement letter says which parts of the complaint are for us "
        "and which are for someone else, and who that is."
    },
    "5.8": {
        "evidence": "Handlers declare any conflict of interest when a case is assigned, and the "
        "complaints officer reassigns the case when there is one."
    },
    "5.9": {
        "evidence": "When an answer will be late, the handler agrees with the resident how "
        "often we will update them, and is reminded when each update is due."
    },
    "5.10": {
        "evidence": "Reasonable adjustments and any disability a resident tells us about are "
        "recorded on their record, shown on every case and reviewed each year."
    },
    "5.11": {
        "evidence": "An escalation can only be refused for a reason in our policy, explained in "
        "writing with the Ombudsman's details."
    },
    "5.12": {
        "evidence": "Each case keeps the original complaint and its date, every letter, email "
        "and call both ways, documents and the outcome of each stage, on a timeline that "
        "cannot be edited."
    },
    "5.13": {
        "evidence": "Remedies are offered at stage 1 as often as at stage 2; the figures for "
        "remedies by stage are in the annual report."
    },
    "5.14": {
        "evidence": "The policy section 'Behaviour we cannot accept' sets out what we do when "
        "contact becomes unacceptable."
    },
    "5.15": {
        "evidence": "Any contact restriction records its reason, what it limits, the Equality "
        "Act 2010 considerations and a review date. It never stops a complaint being handled."
    },
    "6.1": {
        "evidence": "Cases are marked urgent or high risk at logging, and urgent complaints are "
        "shown first on every handler's list."
    },
    "6.2": {
        "evidence": "Stage 1 complaints are acknowledged and logged within 5 working days of "
        "receipt; the clock counts bank holidays and our closure days.",
        "figure": "stage1_acknowledged_on_time",
    },
    "6.3": {
        "evidence": "Stage 1 answers are due 10 working days after the acknowledgement, shown "
        "on every case and in each handler's daily email.",
        "figure": "stage1_within_code",
    },
    "6.4": {
        "evidence": "An extension at stage 1 needs the reason given to the resident and cannot "
        "go beyond 10 more working days without a recorded good reason."
    },
    "6.5": {
        "evidence": "The extension letter cannot be sent without the Housing Ombudsman's details."
    },
    "6.6": {
        "evidence": "We answer when we know our answer. Actions still to do are tracked with an "
        "owner and a date until they are done, and the resident is kept updated."
    },
    "6.7": {
        "evidence": "A second officer checks every stage 1 answer against the complaint "
        "definition before it is sent, so each point is answered with reasons.",
        "actions": [
            _action(
                "Sample ten stage 1 answers a month against the complaint definition.",
                COMPLAINTS_MANAGER,
                2,
                "done",
            )
        ],
    },
    "6.8": {
        "evidence": "A new related point raised before the stage 1 answer is added to the "
        "complaint; otherwise a new complaint is logged and linked."
    },
    "6.9": {
        "evidence": "The stage 1 letter cannot be issued until it states the stage, the "
        "complaint definition, the decision, the reasons, any remedy, any outstanding actions "
        "and how to ask for stage 2."
    },
    "6.10": {
        "evidence": "Residents who are still unhappy can escalate from their case page in one "
        "step, or by phone, email or letter."
    },
    "6.11": {
        "evidence": "Escalations are acknowledged and logged within 5 working days of the request.",
        "figure": "stage2_acknowledged_on_time",
    },
    "6.12": {
        "evidence": "The escalation form has no required reason; staff ask what is still "
        "unresolved so they can understand it."
    },
    "6.13": {
        "evidence": "The casework system will not assign stage 2 to the person who handled stage 1."
    },
    "6.14": {
        "complies": "no",
        "evidence": "Stage 2 answers are due 20 working days after the acknowledgement.",
        "figure": "stage2_within_code",
        "explanation": "Some stage 2 answers were late, mostly where we waited for a "
        "surveyor's report that we could have asked for sooner.",
        "actions": [
            _action(
                "Book any survey a stage 2 complaint needs on the day it is acknowledged.",
                COMPLAINTS_MANAGER,
                1,
                "done",
            ),
            _action(
                "Report stage 2 answers due in the next 5 working days to the leadership team "
                "each week.",
                COMPLAINTS_MANAGER,
                3,
                "in_progress",
            ),
        ],
    },
    "6.15": {
        "evidence": "An extension at stage 2 needs the reason given to the resident and cannot "
        "go beyond 20 more working days without a recorded good reason."
    },
    "6.16": {
        "evidence": "The stage 2 extension letter cannot be sent without the Housing "
        "Ombudsman's details."
    },
    "6.17": {
        "evidence": "Outstanding actions at stage 2 are tracked in the same way as at stage 1, "
        "with the resident updated until each is done."
    },
    "6.18": {
        "evidence": "A senior manager checks every stage 2 answer against the complaint "
        "definition before it is sent."
    },
    "6.19": {
        "evidence": "The stage 2 letter cannot be issued without every required part, and it "
        "ends with how to go to the Housing Ombudsman."
    },
    "6.20": {
        "evidence": "Stage 2 answers are signed off by a director, who can call on any team "
        "needed to give a final answer."
    },
    "7.1": {
        "evidence": "Handlers choose from the Code's remedies, from an apology to a change of "
        "policy, and each remedy says what will happen."
    },
    "7.2": {
        "evidence": "Financial remedies record how much is for time and trouble and how much "
        "for distress, so the amount can be checked against the impact."
    },
    "7.3": {
        "evidence": "Every remedy has a date and is followed until it is done; the Board sees "
        "those past their date."
    },
    "7.4": {
        "evidence": "Our remedies guidance follows the Ombudsman's remedies guidance.",
        "actions": [
            _action(
                "Bring a new remedies policy with a table of amounts to the Board.",
                COMPLAINTS_MANAGER,
                5,
                "planned",
            )
        ],
    },
    "8.1": {
        "evidence": "This self-assessment is part of our annual complaints performance and "
        "service improvement report, which is worked out from the casework record."
    },
    "8.2": {
        "evidence": "The annual report goes to the Board and is published on our complaints "
        "pages with the Board's response beside it."
    },
    "8.3": {
        "evidence": "Our policy says we will assess ourselves again after any restructure, "
        "merger or change to how we handle complaints."
    },
    "8.4": {
        "evidence": "Each self-assessment is kept with its earlier versions, so we can send the "
        "Ombudsman an updated one when asked."
    },
    "8.5": {
        "evidence": "If something stops us following the Code, we tell the Ombudsman, show a "
        "notice on every page of our website and tell the residents affected, with the date we "
        "expect to be back on track."
    },
    "9.1": {
        "evidence": "Each closed complaint is checked for a lesson, and lessons are kept in a "
        "log with an owner and a date."
    },
    "9.2": {
        "evidence": "Complaint themes are reviewed every quarter, and the changes they lead to "
        "are listed in the annual report."
    },
    "9.3": {
        "evidence": "What we have changed is published for residents and shared with the "
        "residents' panel, staff briefings and the Board."
    },
    "9.4": {
        "evidence": "Our Director of Housing reviews complaint trends every quarter for wider "
        "problems and policies that need to change."
    },
    "9.5": {"evidence": "A member of our Board is the Member Responsible for Complaints."},
    "9.6": {
        "evidence": "The Member Responsible for Complaints sees the figures, trends and "
        "Ombudsman outcomes at any time, and meets the Complaints Manager every quarter."
    },
    "9.7": {
        "evidence": "The Board receives quarterly figures by volume, category, outcome and "
        "timeliness, trends, Ombudsman findings and orders, and the annual report."
    },
    "9.8": {
        "complies": "no",
        "evidence": "Complaint handling is part of the objectives of the complaints team.",
        "explanation": "Other staff and our contractors do not yet have the shared objective "
        "to work together on complaints and to learn rather than blame.",
        "actions": [
            _action(
                "Add the shared complaints objective to every relevant role's yearly objectives.",
                "Head of People",
                6,
                "planned",
            )
        ],
    },
}


def _months_after(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def assessment_rows(end: dt.date) -> list[tuple[str, dict]]:
    """One row per provision of the Code, in order, answered."""
    rows = []
    for section in SECTIONS:
        for provision in section.provisions:
            answer = ANSWERS[provision.number]
            rows.append(
                (
                    "provision",
                    {
                        "provision": provision.number,
                        "requirement": provision.summary,
                        "complies": answer.get("complies", "yes"),
                        "evidence": answer["evidence"],
                        "figure": answer.get("figure", ""),
                        "explanation": answer.get("explanation", ""),
                        "actions": [
                            {
                                "action": action["action"],
                                "owner": action["owner"],
                                "action_by": _months_after(end, action["months"]).isoformat(),
                                "status": action["status"],
                            }
                            for action in answer.get("actions", [])
                        ],
                    },
                )
            )
    return rows


def demo_self_assessment_page(home, *, today: dt.date) -> SelfAssessmentPage:
    """The demo's published self-assessment for the last reporting year, under `home`; the one
    already there if there is one."""
    existing = SelfAssessmentPage.objects.child_of(home).filter(slug=SLUG).first()
    if existing:
        return existing
    start, end = reporting_year(today)
    assessed = min(today, end + dt.timedelta(days=42))
    approved = min(today, assessed + dt.timedelta(days=14))
    page = SelfAssessmentPage(
        title=f"Our self-assessment against the Complaint Handling Code, {start.year} to "
        f"{end.year}",
        slug=SLUG,
        intro="Each year we check how we handle complaints against every part of the Housing "
        "Ombudsman's Complaint Handling Code. Where we fall short, we say why and what we are "
        "doing about it.",
        period_start=start,
        period_end=end,
        assessed_on=assessed,
        approved_by=f"The Board of Example Homes, on {approved:%-d %B %Y}",
        reason="annual",
        rows=assessment_rows(end),
    )
    home.add_child(instance=page)
    # Publishing freezes the figures (cms_pages.models.published_figures): the demo cases
    # must exist by now.
    page.save_revision(log_action=False).publish(log_action=False)
    page.refresh_from_db()
    return page


def hub_link_blocks(page: SelfAssessmentPage) -> list[tuple[str, object]]:
    """What the "How to complain" page says about the self-assessment, with a link to it."""
    return [
        ("heading", {"text": "How well we handle complaints", "size": "h2"}),
        (
            "paragraph",
            "<p>Each year we check how we handle complaints against the Housing Ombudsman's "
            f'Complaint Handling Code. Read <a linktype="page" id="{page.pk}">our '
            "self-assessment</a> to see where we meet it, where we do not yet, and what we are "
            "doing about it.</p>",
        ),
    ]
