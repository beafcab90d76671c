"""Exceptional circumstances notices (Code 8.5): which show when, on which cases, the checks on
their dates, who may publish them, and where residents see them."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from casework.choices import CaseStatus
from casework.models import Case, ComplaintCategory, ServiceNotice
from tests.factories import CaseFactory, UserFactory
from tests.portal.test_follow import resident, sign_in
from tests.portal.twofactor_helpers import login_verified

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 23)


def notice(**fields) -> ServiceNotice:
    categories = fields.pop("categories", [])
    values = {
        "what_is_affected": "A cyber attack took our case system offline.",
        "affected_since": TODAY - dt.timedelta(days=3),
        "expected_return_on": TODAY + dt.timedelta(days=14),
        "ombudsman_told_on": TODAY - dt.timedelta(days=2),
        "published": True,
    }
    made = ServiceNotice.objects.create(**{**values, **fields})
    made.categories.set(categories)
    return made


class TestShowing:
    def test_a_published_notice_in_force_shows(self):
        shown = notice()
        assert list(ServiceNotice.objects.showing(TODAY)) == [shown]

    @pytest.mark.parametrize(
        "fields",
        [
            {"published": False},
            {"affected_since": TODAY + dt.timedelta(days=1)},
            {"ended_on": TODAY},  # ended today: back to normal today
            {"ended_on": TODAY - dt.timedelta(days=1)},
        ],
        ids=["draft", "not-started", "ended-today", "ended"],
    )
    def test_drafts_future_and_ended_notices_do_not_show(self, fields):
        notice(**fields)
        assert list(ServiceNotice.objects.showing(TODAY)) == []

    def test_a_notice_ending_tomorrow_still_shows(self):
        shown = notice(ended_on=TODAY + dt.timedelta(days=1))
        assert list(ServiceNotice.objects.showing(TODAY)) == [shown]


class TestForCase:
    def test_a_notice_for_every_complaint_affects_each_open_case(self):
        everyone = notice()
        assert list(ServiceNotice.objects.for_case(CaseFactory(), TODAY)) == [everyone]

    def test_a_notice_for_some_categories_affects_only_their_cases(self):
        damp = ComplaintCategory.objects.create(name="Damp and mould")
        noise = ComplaintCategory.objects.create(name="Noise")
        repairs = ComplaintCategory.objects.create(name="Repairs")
        scoped = notice(categories=[damp, noise])
        assert list(ServiceNotice.objects.for_case(CaseFactory(category=damp), TODAY)) == [scoped]
        assert list(ServiceNotice.objects.for_case(CaseFactory(category=noise), TODAY)) == [scoped]
        assert list(ServiceNotice.objects.for_case(CaseFactory(category=repairs), TODAY)) == []
        assert list(ServiceNotice.objects.for_case(CaseFactory(category=None), TODAY)) == []

    def test_a_closed_case_is_not_affected(self):
        notice()
        closed = CaseFactory()
        Case.objects.filter(pk=closed.pk).update(status=CaseStatus.CLOSED)
        closed.refresh_from_db()
        assert list(ServiceNotice.objects.for_case(closed, TODAY)) == []


class TestChecks:
    def test_a_complete_notice_is_valid(self):
        ServiceNotice(
            what_is_affected="Offices flooded.",
            affected_since=TODAY,
            expected_return_on=TODAY,
            ombudsman_told_on=timezone.localdate(),
        ).full_clean()

    @pytest.mark.parametrize(
        ("fields", "field", "message"),
        [
            (
                {"expected_return_on": TODAY - dt.timedelta(days=4)},
                "expected_return_on",
                "must be on or after the date the service was affected",
            ),
            (
                {"ended_on": TODAY - dt.timedelta(days=4)},
                "ended_on",
                "The end date must be on or after",
            ),
            (
                {"ombudsman_told_on": timezone.localdate() + dt.timedelta(days=1)},
                "ombudsman_told_on",
                "It cannot be in the future",
            ),
            ({"ombudsman_told_on": None}, "ombudsman_told_on", "This field cannot be null"),
        ],
    )
    def test_each_wrong_date_is_named_on_its_field(self, fields, field, message):
        values = {
            "what_is_affected": "Offices flooded.",
            "affected_since": TODAY - dt.timedelta(days=3),
            "expected_return_on": TODAY,
            "ombudsman_told_on": TODAY - dt.timedelta(days=3),
        }
        with pytest.raises(ValidationError) as raised:
            ServiceNotice(**{**values, **fields}).full_clean()
        assert message in " ".join(raised.value.message_dict[field])


class TestAdmin:
    def staff(self, client, group):
        user = UserFactory()
        user.groups.add(Group.objects.get(name=group))
        login_verified(client, user)
        return user

    def test_a_complaints_officer_publishes_a_notice_and_is_recorded(self, client):
        officer = self.staff(client, "Complaints officer")
        url = reverse("wagtailsnippets_casework_servicenotice:add")
        assert client.get(url).status_code == 200
        response = client.post(
            url,
            {
                "what_is_affected": "Our phone lines are down.",
                "affected_since": "2026-11-20",
                "expected_return_on": "2026-12-04",
                "ombudsman_told_on": "2026-11-20",
                "ombudsman_told_how": "Email to the Ombudsman",
                "published": "on",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
        saved = ServiceNotice.objects.get()
        assert saved.created_by == officer
        assert saved.published

    def test_a_wrong_date_is_shown_next_to_its_field_and_nothing_is_lost(self, client):
        self.staff(client, "Complaints officer")
        response = client.post(
            reverse("wagtailsnippets_casework_servicenotice:add"),
            {
                "what_is_affected": "Our phone lines are down.",
                "affected_since": "2026-11-20",
                "expected_return_on": "2026-11-01",
                "ombudsman_told_on": "2026-11-20",
            },
        )
        assert response.status_code == 200
        assert "expected_return_on" in response.context["form"].errors
        assert "Our phone lines are down." in response.content.decode()
        assert not ServiceNotice.objects.exists()

    @pytest.mark.parametrize("group", ["Investigator", "Customer services"])
    def test_other_staff_cannot_publish_notices(self, client, group):
        self.staff(client, group)
        response = client.get(reverse("wagtailsnippets_casework_servicenotice:add"))
        assert response.status_code in (302, 403)
        assert not ServiceNotice.objects.exists()


class TestWhereResidentsSeeIt:
    def test_every_public_page_shows_the_notice(self, client, demo_site):
        notice(affected_since=timezone.localdate(), expected_return_on=dt.date(2030, 1, 31))
        for path in ["/", "/follow/", "/complain/"]:
            page = client.get(path, follow=True).content.decode()
            assert "Our complaints service is affected" in page, path
            assert "A cyber attack took our case system offline." in page, path
            assert "31 January 2030" in page, path

    def test_in_welsh_the_notice_is_marked_as_written_in_english(self, client, demo_site):
        """Staff write the notice once, in English: on a Welsh page it is marked so (WCAG 2.2
        3.1.2), around a Welsh heading."""
        notice(affected_since=timezone.localdate(), expected_return_on=dt.date(2030, 1, 31))
        page = client.get("/cy/complain/who/").content.decode()
        assert (
            '<p class="govuk-body" lang="en-gb" dir="ltr">A cyber attack took our case system '
            "offline.</p>"
        ) in page
        english = client.get("/complain/who/").content.decode()
        assert '<p class="govuk-body">A cyber attack took our case system offline.</p>' in english

    def test_no_banner_without_a_notice(self, client, demo_site):
        notice(published=False)
        assert "Our complaints service is affected" not in client.get("/").content.decode()

    def test_the_case_page_says_when_the_case_is_affected(self, client, demo_site):
        damp = ComplaintCategory.objects.create(name="Damp and mould")
        noise = ComplaintCategory.objects.create(name="Noise")
        person = resident()
        affected = CaseFactory(resident=person, category=damp)
        unaffected = CaseFactory(resident=person, category=noise)
        notice(
            affected_since=timezone.localdate(),
            expected_return_on=dt.date(2030, 1, 31),
            categories=[damp],
        )
        sign_in(client, person.email)
        page = client.get(f"/follow/cases/{affected.reference}/").content.decode()
        assert 'id="case-service-notice"' in page
        assert "Exceptional circumstances affect your complaint" in page
        other = client.get(f"/follow/cases/{unaffected.reference}/").content.decode()
        assert 'id="case-service-notice"' not in other
        # The scoped notice is still published on every page.
        assert "Our complaints service is affected" in other
