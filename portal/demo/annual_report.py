"""The demo landlord's published annual complaints report for its last reporting year (Code 8.1,
8.2; issue 6), with the self-assessment for that year and the Board's response.

Its figures are not written here: publishing works them out from the demo cases and freezes
them into the page, as it would for a real landlord. The words are ours, written for this
made-up landlord, and name no number so that they stay true whatever the demo record holds.
"""

import datetime as dt

from cms_pages.models import AnnualReportPage, ImprovementsPage, SelfAssessmentPage
from cms_pages.services import governing_body_response_save
from portal.demo.self_assessment import reporting_year

SLUG = "complaints-report"

ANALYSIS = """
<h2>Where complaints came from</h2>
<p>Most complaints were about repairs: appointments that were missed or moved at short notice,
and jobs that needed a second visit. Damp and mould came next. Fewer residents complained about
how we answered the phone than the year before, after we changed how calls are passed on.</p>
<h2>How quickly we answered</h2>
<p>We acknowledged most complaints within five working days. Stage 1 answers were slower in the
winter, when repairs complaints peak; where we needed longer we told the resident why and gave
them the Ombudsman's details. Complaints that reached stage 2 were reviewed by a manager who had
not dealt with them before.</p>
<h2>Putting things right</h2>
<p>Apologies and explanations were the most common remedies. Where we paid compensation, it was
mostly for time and trouble after repeated missed appointments. Every outstanding action agreed
in a response is tracked until it is done, and reported to the Board each quarter.</p>
<h2>What we will do next year</h2>
<p>Book repairs with a two-hour arrival window, train every repairs planner on the Complaint
Handling Code, and publish these figures every quarter rather than once a year.</p>
"""

REFUSALS = (
    "Most of the complaints we did not accept were about something that happened more than a "
    "year before, or were already being dealt with by a court. Each one was decided on its own "
    "facts, and the resident was told why in writing and that they could ask the Ombudsman to "
    "look at our decision."
)

OMBUDSMAN_NOTE = (
    "The Housing Ombudsman publishes an annual report on a landlord once it has made enough "
    "determinations about it. It has not published one on Example Homes for this year."
)

RESPONSE = """The Board has read this report and discussed it with the Member Responsible for \
Complaints and the complaints team.

We are pleased that residents find it easier to complain, and that complaints are answered \
sooner than before. We are not satisfied with the number of repairs complaints, and we have \
asked for the two-hour arrival window to be in place by the summer.

The Board will receive the complaints figures every quarter, and will check at each meeting \
that the actions agreed with residents are done on time."""


def demo_annual_report_page(
    home, *, self_assessment: SelfAssessmentPage, today: dt.date
) -> AnnualReportPage:
    """The published report under `home`; the one already there if there is one."""
    existing = AnnualReportPage.objects.child_of(home).filter(slug=SLUG).first()
    if existing:
        return existing
    start, end = reporting_year(today)
    page = AnnualReportPage(
        title=f"Complaints performance and service improvement report, {start.year} to {end.year}",
        slug=SLUG,
        intro="How many complaints we received, how well we handled them, what we learned, "
        "and what our Board makes of it.",
        period_start=start,
        period_end=end,
        self_assessment=self_assessment,
        analysis=ANALYSIS.strip(),
        refusals_commentary=REFUSALS,
        ombudsman_report_note=OMBUDSMAN_NOTE,
    )
    home.add_child(instance=page)
    page.save_revision(log_action=False)
    governing_body_response_save(
        page=page,
        values={
            "text": RESPONSE,
            "responded_by": "The Board of Example Homes",
            "agreed_on": min(today, end + dt.timedelta(days=70)),
        },
        user=None,
    )
    if page.publish_problems():
        # A finding that we broke the Code needs our account of it (Code 8.1c).
        page.ombudsman_commentary = (
            "<p>Where the Ombudsman found that we had not followed the Complaint Handling "
            "Code, we apologised to the resident, did what it ordered, and changed how we check "
            "response dates each week.</p>"
        )
    page.save_revision(log_action=False).publish(log_action=False)
    page.refresh_from_db()
    return page


def hub_link_blocks(page: AnnualReportPage, improvements: ImprovementsPage) -> list:
    """What the "How to complain" page says about the annual report and the changes we made,
    with links to them."""
    return [
        (
            "paragraph",
            "<p>Every year we publish "
            f'<a linktype="page" id="{page.pk}">a report on our complaints</a>: how many we '
            "received, how quickly we answered, what we changed as a result, and our Board's "
            f'response. You can also read <a linktype="page" id="{improvements.pk}">what we have '
            "changed because of complaints</a>.</p>",
        ),
    ]


IMPROVEMENTS = {
    "title": "What we have changed because of your complaints",
    "slug": "what-we-have-changed",
    "intro": "When a complaint shows us something we could do better, we change it. These are "
    "the changes we have made, newest first.",
}


def demo_improvements_page(home) -> ImprovementsPage:
    """The published "what we have changed" page under `home`; the one there if there is one."""
    existing = ImprovementsPage.objects.child_of(home).filter(slug=IMPROVEMENTS["slug"]).first()
    if existing:
        return existing
    page = ImprovementsPage(**IMPROVEMENTS)
    home.add_child(instance=page)
    page.save_revision(log_action=False).publish(log_action=False)
    return page
