"""The "what we have changed" page (Code 8.1d, 9.3; issue 6): completed improvements marked for
publication, in their summary for residents, newest first, paginated, filtered by theme; never
the internal account, the owner or the cases."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from casework import services
from casework.choices import LessonStatus, LessonTheme
from cms_pages.models import ImprovementsPage
from tests.factories import CaseFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(demo_site):
    home = Site.objects.get(is_default_site=True).root_page
    page = ImprovementsPage(title="What we have changed", slug="what-we-have-changed")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def lesson(
    *, summary: str, theme=LessonTheme.REPAIRS, done_days_ago=None, published=True, cases=()
):
    officer = UserFactory()
    made = services.learning_record(
        actor=officer,
        theme=theme,
        what_went_wrong="Internal: the planner booked the wrong day for Mrs Example.",
        what_changed="Internal: the planner's screen now checks the day.",
        public_summary=summary,
        owner=officer,
        due_on=timezone.localdate(),
        cases=cases,
    )
    if done_days_ago is not None:
        services.learning_update(
            lesson=made,
            actor=officer,
            status=LessonStatus.DONE,
            completed_on=timezone.localdate() - dt.timedelta(days=done_days_ago),
            published=published,
        )
    return made


def test_only_done_published_changes_in_residents_words_newest_first(client, page):
    case = CaseFactory()
    lesson(summary="We text you the day before a repair visit.", done_days_ago=10, cases=[case])
    lesson(
        summary="Damp surveys now happen within ten working days.",
        done_days_ago=2,
        theme=LessonTheme.DAMP_AND_MOULD,
    )
    lesson(summary="Planned: not done yet.")
    lesson(summary="Done but not for publication.", done_days_ago=1, published=False)
    html = client.get(page.url).content.decode()
    assert html.index("Damp surveys") < html.index("We text you the day before")
    assert "Planned: not done yet." not in html
    assert "Done but not for publication." not in html
    assert "Internal:" not in html
    assert case.reference not in html
    assert "Damp and mould. Done in" in html


def test_filtered_by_theme_and_an_unknown_theme_shows_everything(client, page):
    lesson(summary="We text you the day before a repair visit.", done_days_ago=3)
    lesson(
        summary="Damp surveys now happen sooner.", done_days_ago=2, theme=LessonTheme.DAMP_AND_MOULD
    )
    html = client.get(page.url, {"theme": "damp_and_mould"}).content.decode()
    assert "Damp surveys" in html
    assert "We text you" not in html
    html = client.get(page.url, {"theme": "nonsense"}).content.decode()
    assert "Damp surveys" in html and "We text you" in html
    html = client.get(page.url, {"theme": "policy"}).content.decode()
    assert "We have not published a change about this yet." in html


def test_nothing_yet(client, page):
    assert "We have not published any changes yet." in client.get(page.url).content.decode()


def test_paginated_with_a_fixed_number_of_queries(client, page):
    for n in range(3):
        lesson(summary=f"Change number {n}.", done_days_ago=n + 1)
    client.get(page.url)  # the site's root paths are looked up once
    with CaptureQueriesContext(connection) as few:
        client.get(page.url)
    for n in range(3, 25):
        lesson(summary=f"Change number {n}.", done_days_ago=n + 1)
    with CaptureQueriesContext(connection) as many:
        first = client.get(page.url).content.decode()
    assert len(many) == len(few)
    assert "Change number 0." in first and "Change number 19." in first
    assert "Change number 20." not in first
    assert "Older changes" in first
    second = client.get(page.url, {"page": 2}).content.decode()
    assert "Change number 24." in second and "Newer changes" in second
    assert "(page 2)" in second
