"""The self-assessment page (Code 8.1a; issue 6): preloaded with every provision, refused for
publication until each is answered, a "no" explained, and its figures frozen when published."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Site

from casework.code_provisions import SECTIONS
from cms_pages.models import SelfAssessmentPage
from cms_pages.models.published_figures import PublishRefused
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

PROVISIONS = [p.number for s in SECTIONS for p in s.provisions]


def new_page() -> SelfAssessmentPage:
    today = dt.date.today()
    return SelfAssessmentPage(
        title="Self-assessment 2026",
        slug="self-assessment-2026",
        period_start=today - dt.timedelta(days=365),
        period_end=today,
        assessed_on=today,
        live=False,
    )


def answer_all(page: SelfAssessmentPage, *, figure_for: str = "6.2") -> None:
    rows = []
    for row in page.rows.raw_data:
        value = dict(row["value"])
        value.update(complies="yes", evidence="Our policy, section 4.")
        if value["provision"] == figure_for:
            value["figure"] = "stage1_acknowledged_on_time"
        rows.append(("provision", value))
    page.rows = rows


@pytest.fixture
def home(demo_site):
    return Site.objects.get(is_default_site=True).root_page


def test_a_new_page_has_every_provision_of_the_code_in_order():
    page = new_page()
    assert [row.value["provision"] for row in page.rows] == PROVISIONS
    assert len(PROVISIONS) == 73
    assert page.rows[0].value["requirement"] == SECTIONS[0].provisions[0].summary


def test_publishing_is_refused_until_every_provision_is_answered(home):
    page = new_page()
    home.add_child(instance=page)
    revision = page.save_revision()
    with pytest.raises(PublishRefused) as refused:
        revision.publish()
    assert "6.9" in refused.value.messages[0]
    page.refresh_from_db()
    assert not page.live


def test_a_no_needs_an_explanation_and_a_yes_its_evidence():
    block = SelfAssessmentPage.rows.field.stream_block.child_blocks["provision"]
    base = {"provision": "6.13", "requirement": "A different handler at stage 2."}
    with pytest.raises(ValidationError) as no:
        block.clean(block.to_python({**base, "complies": "no", "actions": []}))
    assert "explanation" in no.value.block_errors
    with pytest.raises(ValidationError) as yes:
        block.clean(block.to_python({**base, "complies": "yes", "actions": []}))
    assert "evidence" in yes.value.block_errors
    block.clean(block.to_python({**base, "complies": "no", "explanation": "Small team."}))


def test_figures_are_frozen_at_publication(home, client):
    page = new_page()
    answer_all(page)
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    frozen = page.figures["evidence"]["stage1_acknowledged_on_time"]["display"]
    assert frozen == "None in the period"
    # Cases logged and acknowledged later do not change the published page.
    CaseFactory(acknowledged=True)
    page.refresh_from_db()
    assert page.current_figures()["evidence"]["stage1_acknowledged_on_time"]["display"] == frozen
    html = client.get(page.url).content.decode()
    assert "None in the period" in html
    assert "Section 6: " in html
    assert '<th scope="row" class="govuk-table__header">6.13</th>' in html
    # Re-publishing with "recalculate" ticked brings them up to date.
    page.refresh_figures = True
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.figures["evidence"]["stage1_acknowledged_on_time"]["display"] == ("100.0% (1 of 1)")
    assert page.refresh_figures is False


def test_the_admin_add_form_comes_preloaded(home, client):
    from tests.factories import UserFactory
    from tests.portal.twofactor_helpers import login_verified

    login_verified(client, UserFactory(is_superuser=True))
    response = client.get(f"/admin/pages/add/cms_pages/selfassessmentpage/{home.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "6.13" in html
    assert "Stage 1 complaints acknowledged within 5 working days" in html  # figure choices
