"""The lessons-learned log (Code 9.1-9.3): its rules, the services that write it with timeline
entries on the linked cases, the overdue list, and who may keep it in the admin."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from casework import services
from casework.choices import LessonStatus, LessonTheme, Visibility
from casework.learning import identifying_details, lesson_problems
from casework.models import Lesson, TimelineEntry
from casework.selectors import lessons_overdue
from casework.services import TransitionRefused
from tests.factories import CaseFactory, UserFactory
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 3, 2)


def valid(**changes) -> dict:
    values = {
        "theme": LessonTheme.COMMUNICATION,
        "what_went_wrong": "Residents were not told when repairs were put back.",
        "what_changed": "Repair delays now send a text message.",
        "owner_id": 7,
        "due_on": dt.date(2026, 4, 30),
        "status": LessonStatus.PLANNED,
        "completed_on": None,
        "published": False,
        "public_summary": "",
        "today": TODAY,
    }
    return values | changes


class TestRules:
    def test_a_complete_lesson_has_no_problems(self):
        assert lesson_problems(**valid()) == {}

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"theme": "weather"}, "theme"),
            ({"what_went_wrong": "  "}, "what_went_wrong"),
            ({"what_changed": ""}, "what_changed"),
            ({"owner_id": None}, "owner"),
            ({"due_on": None}, "due_on"),
            ({"status": "abandoned"}, "status"),
            ({"status": LessonStatus.DONE}, "completed_on"),  # done, but when?
            ({"completed_on": dt.date(2026, 3, 1)}, "completed_on"),  # a date, but not done
            (
                {"status": LessonStatus.DONE, "completed_on": dt.date(2026, 3, 3)},
                "completed_on",  # tomorrow
            ),
            ({"published": True, "public_summary": "We text you."}, "published"),  # not done
        ],
    )
    def test_each_problem_is_named_on_its_field(self, changes, field):
        assert list(lesson_problems(**valid(**changes))) == [field]

    def test_publishing_needs_a_summary_for_residents(self):
        done = {"status": LessonStatus.DONE, "completed_on": TODAY, "published": True}
        assert list(lesson_problems(**valid(**done))) == ["public_summary"]
        assert lesson_problems(**valid(**done, public_summary="We now text you.")) == {}

    def test_a_summary_for_residents_may_not_identify_anyone(self):
        summary = "After CMP-2026-00012, we called jo@example.net on 07700 900123."
        problems = lesson_problems(**valid(public_summary=summary))
        assert "CMP-2026-00012" in problems["public_summary"]
        assert "jo@example.net" in problems["public_summary"]
        assert "07700 900123" in problems["public_summary"]

    def test_identifying_details(self):
        assert identifying_details("Case sr-2025-00004 and +44 20 7946 0000.") == [
            "sr-2025-00004",
            "+44 20 7946 0000",
        ]
        assert identifying_details("We answer within 10 working days, 24 hours a day.") == []


@pytest.fixture
def officer():
    user = UserFactory(username="officer")
    user.groups.add(Group.objects.get(name="Complaints officer"))
    return user


def record(officer, **changes):
    values = {
        "actor": officer,
        "theme": LessonTheme.REPAIRS,
        "what_went_wrong": "Follow-on repairs were never booked.",
        "what_changed": "The surveyor books follow-on work before leaving.",
        "owner": officer,
        "due_on": dt.date(2026, 4, 30),
    }
    return services.learning_record(**(values | changes))


class TestServices:
    def test_recording_a_lesson_notes_it_on_each_case_for_staff_only(self, officer):
        first, second = CaseFactory(), CaseFactory()
        lesson = record(officer, cases=[first, second])
        assert set(lesson.cases.all()) == {first, second}
        assert lesson.recorded_by == officer
        assert lesson.status == LessonStatus.PLANNED
        for case in (first, second):
            entry = TimelineEntry.objects.get(case=case, event="lesson_recorded")
            assert entry.visibility == Visibility.INTERNAL
            assert entry.actor == officer
            assert entry.data["lesson"] == lesson.pk
            assert "The surveyor books follow-on work before leaving." in entry.summary

    def test_a_lesson_needs_no_case(self, officer):
        assert record(officer).cases.count() == 0
        assert not TimelineEntry.objects.filter(event="lesson_recorded").exists()

    def test_a_lesson_with_a_problem_is_refused_and_nothing_is_saved(self, officer):
        case = CaseFactory()
        with pytest.raises(TransitionRefused) as refused:
            record(officer, what_changed=" ", owner=None, cases=[case])
        assert refused.value.problems == [
            "Say what we are changing as a result.",
            "Choose who owns the change.",
        ]
        assert not Lesson.objects.exists()
        assert not TimelineEntry.objects.filter(event="lesson_recorded").exists()

    def test_updating_names_what_changed_on_each_linked_case(self, officer):
        case = CaseFactory()
        lesson = record(officer, cases=[case])
        services.learning_update(
            lesson=lesson,
            actor=officer,
            status=LessonStatus.DONE,
            completed_on=timezone.localdate(),
            public_summary="Surveyors now book any follow-on work before they leave.",
            published=True,
        )
        lesson.refresh_from_db()
        assert (lesson.status, lesson.published) == (LessonStatus.DONE, True)
        entry = TimelineEntry.objects.get(case=case, event="lesson_updated")
        assert entry.data["changed"] == ["public_summary", "status", "completed_on", "published"]
        assert "status, done on" in entry.summary
        assert "done" in entry.summary

    def test_linking_and_unlinking_cases_is_recorded_on_both(self, officer):
        old, new = CaseFactory(), CaseFactory()
        lesson = record(officer, cases=[old])
        services.learning_update(lesson=lesson, actor=officer, cases=[new])
        assert list(lesson.cases.all()) == [new]
        assert TimelineEntry.objects.get(case=old, event="lesson_updated").summary.startswith(
            "No longer linked"
        )
        assert TimelineEntry.objects.get(case=new, event="lesson_updated").summary.startswith(
            "Lesson learned from this case"
        )

    def test_an_update_that_changes_nothing_writes_nothing(self, officer):
        case = CaseFactory()
        lesson = record(officer, cases=[case])
        services.learning_update(lesson=lesson, actor=officer, theme=LessonTheme.REPAIRS)
        assert not TimelineEntry.objects.filter(event="lesson_updated").exists()

    def test_publishing_an_unfinished_change_is_refused(self, officer):
        lesson = record(officer)
        with pytest.raises(TransitionRefused):
            services.learning_update(
                lesson=lesson, actor=officer, published=True, public_summary="We text you."
            )
        lesson.refresh_from_db()
        assert not lesson.published

    def test_overdue_lessons(self, officer):
        with time_machine.travel(dt.datetime(2026, 1, 5, 10, tzinfo=dt.UTC)):
            late = record(officer, due_on=dt.date(2026, 2, 27))
            record(officer, due_on=dt.date(2026, 3, 2))  # due today: not yet overdue
            finished = record(officer, due_on=dt.date(2026, 2, 1))
            services.learning_update(
                lesson=finished,
                actor=officer,
                status=LessonStatus.DONE,
                completed_on=dt.date(2026, 1, 5),
            )
        assert list(lessons_overdue(on=TODAY)) == [late]


class TestAdmin:
    def sign_in(self, client, group):
        user = UserFactory()
        user.groups.add(Group.objects.get(name=group))
        login_verified(client, user)
        return user

    def form(self, owner, **changes):
        values = {
            "theme": LessonTheme.COMMUNICATION,
            "case_references": "",
            "what_went_wrong": "Nobody told residents the repair was put back.",
            "what_changed": "Repair delays now send a text message.",
            "owner": owner.pk,
            "due_on": "2030-04-30",
            "status": LessonStatus.PLANNED,
            "completed_on": "",
            "public_summary": "",
            "notes": "",
        }
        return values | changes

    def test_a_complaints_officer_records_a_lesson_from_cases(self, client):
        officer = self.sign_in(client, "Complaints officer")
        first, second = CaseFactory(), CaseFactory()
        assert client.get(reverse("learning:index")).status_code == 200
        assert client.get(reverse("learning:add")).status_code == 200
        response = client.post(
            reverse("learning:add"),
            self.form(officer, case_references=f"{first.reference.lower()}, {second.reference}"),
        )
        assert response.status_code == 302, response.context["form"].errors
        lesson = Lesson.objects.get()
        assert set(lesson.cases.all()) == {first, second}
        assert lesson.recorded_by == officer
        assert TimelineEntry.objects.filter(event="lesson_recorded").count() == 2

    def test_an_unknown_case_or_a_broken_rule_is_shown_on_its_field(self, client):
        officer = self.sign_in(client, "Complaints officer")
        response = client.post(
            reverse("learning:add"),
            self.form(officer, case_references="CMP-2020-99999", published="on"),
        )
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert errors["case_references"] == [
            "There is no case CMP-2020-99999. Check the reference."
        ]
        assert errors["published"] == ["Only a change that is done can be published."]
        assert not Lesson.objects.exists()

    def test_marking_a_lesson_done_goes_through_the_service(self, client):
        officer = self.sign_in(client, "Complaints officer")
        case = CaseFactory()
        lesson = record(officer, cases=[case])
        edit = reverse("learning:edit", args=[lesson.pk])
        page = client.get(edit)
        assert page.status_code == 200
        assert page.context["form"].initial["case_references"] == case.reference
        response = client.post(
            edit,
            self.form(
                officer,
                theme=LessonTheme.REPAIRS,
                case_references=case.reference,
                what_went_wrong=lesson.what_went_wrong,
                what_changed=lesson.what_changed,
                status=LessonStatus.DONE,
                completed_on=timezone.localdate().isoformat(),
                public_summary="Surveyors now book follow-on work before they leave.",
                published="on",
            ),
        )
        assert response.status_code == 302, response.context["form"].errors
        lesson.refresh_from_db()
        assert lesson.status == LessonStatus.DONE and lesson.published
        entry = TimelineEntry.objects.get(case=case, event="lesson_updated")
        # The theme and the cases were sent unchanged; the date was moved.
        assert entry.data["changed"] == [
            "public_summary",
            "status",
            "due_on",
            "completed_on",
            "published",
        ]

    def test_nobody_deletes_a_lesson(self, client):
        officer = self.sign_in(client, "Complaints officer")
        lesson = record(officer)
        listing = client.get(reverse("learning:index"))
        assert "The surveyor books follow-on work before leaving." in listing.content.decode()
        assert reverse("learning:delete", args=[lesson.pk]) not in listing.content.decode()
        assert not officer.has_perm("casework.delete_lesson")
        response = client.post(reverse("learning:delete", args=[lesson.pk]))
        assert response.status_code in (302, 403)
        assert Lesson.objects.filter(pk=lesson.pk).exists()

    @pytest.mark.parametrize(
        "group", ["Investigator", "Customer services", "Governing body", "Comms editor"]
    )
    def test_other_staff_cannot_see_or_add_lessons(self, client, group):
        self.sign_in(client, group)
        for name in ("learning:index", "learning:add"):
            assert client.get(reverse(name)).status_code in (302, 403)
