"""Loads the fictional landlord "Example Homes": settings, Ombudsman details, published pages
and a staff login. Safe to run again: anything that exists already is left exactly as it is."""

import uuid
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from wagtail.models import Locale, Page, Site

from casework.code_provisions import CODE_URL, EDITION, SECTIONS
from casework.models import (
    ClosureDay,
    ComplaintProcessSettings,
    OmbudsmanScheme,
    ensure_default_exclusion_reasons,
)
from casework.process import process_settings, public_url, working_calendar
from cms_pages import defaults
from cms_pages.models import (
    AccessibilityStatementPage,
    AnnualReportPage,
    BrandingSettings,
    CodePage,
    ComplaintStartPage,
    CookiesPage,
    HomePage,
    HowToComplainPage,
    PolicyPage,
    PrivacyNoticePage,
    SelfAssessmentPage,
)
from portal.demo import content
from portal.demo.annual_report import SLUG as REPORT_SLUG
from portal.demo.annual_report import demo_annual_report_page, demo_improvements_page
from portal.demo.annual_report import hub_link_blocks as report_link_blocks
from portal.demo.cases import demo_cases_generate
from portal.demo.learning import demo_lessons_record
from portal.demo.self_assessment import SLUG as SELF_ASSESSMENT_SLUG
from portal.demo.self_assessment import demo_self_assessment_page, hub_link_blocks
from portal.demo.translations import demo_translations_load
from portal.twofactor.services import backup_codes_issue, backup_codes_remaining

DEMO_USERNAME = "officer"
DEMO_PASSWORD = "example-homes-demo"  # noqa: S105 - a published demo login for 127.0.0.1 only


def stream(blocks):
    """Our (type, value) pairs as StreamField raw data. Each block gets its id now: Wagtail
    gives ids only to top-level blocks on save, and wagtail-localize needs one on every block
    of a nested stream (the policy's sections) to translate it."""
    return [{"type": t, "value": value, "id": str(uuid.uuid4())} for t, value in blocks]


class Command(BaseCommand):
    help = "Load the demo landlord, Example Homes. Existing content is never changed."

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default=None,
            help="Where the site is served. Saved as the public address that every link in "
            "letters and emails starts with.",
        )
        parser.add_argument(
            "--cases",
            type=int,
            default=0,
            help="Also make this many made-up cases, received from the start of the last April-"
            "to-March reporting year to today, when there are none yet "
            "(make run asks for 400).",
        )
        parser.add_argument(
            "--no-translations",
            action="store_true",
            help="Leave out the Welsh and Urdu copies of the pages (quicker, for tests that do "
            "not read them).",
        )

    def handle(self, *args, address, cases=0, no_translations=False, **options):
        with transaction.atomic():
            site = self.site_with_home()
            self.settings(site)
            if address:
                self.public_address(site, address)
            self.ombudsman_schemes()
            home = site.root_page.specific
            start = self.child(home, ComplaintStartPage, content.COMPLAINT_START)
            hub = self.child(home, HowToComplainPage, content.HOW_TO_COMPLAIN)
            if hub.online_form_page_id is None:
                hub.online_form_page = start
                hub.save_revision(log_action=False).publish(log_action=False)
            self.child(home, PolicyPage, self.policy_fields())
            self.child(home, CodePage, self.code_page_fields())
            self.child(home, AccessibilityStatementPage, content.ACCESSIBILITY)
            self.child(home, PrivacyNoticePage, content.PRIVACY)
            self.child(
                home,
                CookiesPage,
                {
                    "title": defaults.COOKIES_TITLE,
                    "slug": defaults.COOKIES_SLUG,
                    "intro": defaults.COOKIES_INTRO,
                },
            )
            user = self.staff_user()
        self.self_assessment = None
        if cases:
            self.demo_cases(user, cases)
            # After the cases: the lessons link to them and the self-assessment's frozen
            # figures come from them (Code 8.1a, 8.1d).
            today = timezone.localdate()
            self.demo_lessons(user, today)
            self.self_assessment = self.demo_self_assessment(home, hub, today)
            self.annual_report = self.demo_annual_report(home, hub, today)
        # Welsh and Urdu copies of the pages, through wagtail-localize (last, so that every
        # page above has its place in the Welsh and Urdu trees).
        if not no_translations:
            demo_translations_load()
        # Site search: pages are indexed by background tasks as they are saved, which wait
        # for the worker (db_worker); index the demo now, so that search finds it at once.
        call_command("update_index", stdout=StringIO())
        self.report(address or public_url("/"), user)

    # Site and home page

    def site_with_home(self) -> Site:
        """The default site and its home page: the one a new site starts with (migration
        cms_pages 0009), made here only if the site has none."""
        site = Site.objects.filter(is_default_site=True).first()
        if site and isinstance(site.root_page.specific, HomePage):
            if not site.site_name:
                site.site_name = content.LANDLORD["landlord_name"]
                site.save()
            return site
        root = Page.get_first_root_node()
        home = HomePage(
            title=defaults.HOME_TITLE,
            slug="example-homes",
            intro=defaults.HOME_INTRO,
            body=defaults.home_body(),
            locale=Locale.get_default(),
        )
        root.add_child(instance=home)
        home.save_revision(log_action=False).publish(log_action=False)
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        old_root = site.root_page if site.pk else None
        site.root_page = home
        site.site_name = content.LANDLORD["landlord_name"]
        site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page is not ours to keep.
        if old_root and old_root.depth > 1 and type(old_root.specific) is Page:
            old_root.delete()
        return site

    def settings(self, site: Site) -> None:
        branding = BrandingSettings.for_site(site)
        if not branding.landlord_name:
            for field, value in content.LANDLORD.items():
                setattr(branding, field, value)
            branding.save()
        process = ComplaintProcessSettings.for_site(site)
        if not process.number_of_homes:
            for field, value in content.PROCESS.items():
                setattr(process, field, value)
            process.save()
            for when, why in content.CLOSURE_DAYS:
                ClosureDay.objects.get_or_create(
                    settings=process, date=when, defaults={"description": why}
                )
        ensure_default_exclusion_reasons(process)

    def public_address(self, site: Site, address: str) -> None:
        """Links in letters and emails start with the address the demo is served at."""
        process = ComplaintProcessSettings.for_site(site)
        if process.public_address != address:
            process.public_address = address
            process.save(update_fields=["public_address"])

    def ombudsman_schemes(self) -> None:
        locale = Locale.get_default()
        for scheme in content.OMBUDSMAN_SCHEMES:
            OmbudsmanScheme.objects.get_or_create(
                kind=scheme["kind"], locale=locale, defaults=scheme
            )

    # Pages

    def child(self, parent: Page, page_class, fields: dict) -> Page:
        existing = page_class.objects.child_of(parent).filter(slug=fields["slug"]).first()
        if existing:
            return existing
        values = dict(fields)
        if "body" in values:
            values["body"] = stream(values["body"])
        page = page_class(**values)
        parent.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
        return page

    def policy_fields(self) -> dict:
        fields = {key: value for key, value in content.POLICY.items() if key != "sections"}
        fields["sections"] = [
            {
                "type": "section",
                "value": {"heading": heading, "body": stream(body)},
                "id": str(uuid.uuid4()),
            }
            for heading, body in content.POLICY["sections"]
        ]
        return fields

    def code_page_fields(self) -> dict:
        return {
            **content.CODE_PAGE,
            "code_edition": f"{EDITION}, in force from 1 April 2024",
            "ombudsman_code_url": CODE_URL,
            "sections": [
                {
                    "type": "section",
                    "value": {
                        "number": section.number,
                        "title": section.title,
                        "introduction": section.introduction,
                        "provisions": [
                            {"number": provision.number, "summary": provision.summary}
                            for provision in section.provisions
                        ],
                    },
                }
                for section in SECTIONS
            ],
        }

    # Staff

    def staff_user(self):
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={
                "first_name": "Demo",
                "last_name": "Officer",
                "email": "officer@example-homes.org.uk",
                "is_staff": True,
                "is_superuser": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name="Complaints officer"))
        # Admin sign-in needs a second factor: keep a few backup codes ready for the demo.
        if backup_codes_remaining(user) < 3:
            backup_codes_issue(user=user)
        return user

    def demo_cases(self, officer, count: int) -> None:
        settings = process_settings()
        made = demo_cases_generate(
            officer=officer,
            calendar=working_calendar(settings),
            today=timezone.localdate(),
            count=count,
        )
        if made:
            self.stdout.write(f"Made {made} demo cases since the start of the last reporting year.")

    def demo_lessons(self, officer, today) -> None:
        made = demo_lessons_record(officer=officer, today=today)
        if made:
            self.stdout.write(f"Recorded {made} lessons learned from complaints.")

    def demo_annual_report(self, home, hub, today) -> AnnualReportPage:
        """The published annual report for the same year, with the Board's response (Code 8.1,
        8.2), linked from the How to complain page when it is first made."""
        with transaction.atomic():
            made = not AnnualReportPage.objects.child_of(home).filter(slug=REPORT_SLUG).exists()
            page = demo_annual_report_page(home, self_assessment=self.self_assessment, today=today)
            improvements = demo_improvements_page(home)
            if made:
                hub = HowToComplainPage.objects.get(pk=hub.pk)
                hub.body = [*hub.body.raw_data, *stream(report_link_blocks(page, improvements))]
                hub.save_revision(log_action=False).publish(log_action=False)
                self.stdout.write(f"Published the annual report: {page.title}.")
        return page

    def demo_self_assessment(self, home, hub, today) -> SelfAssessmentPage:
        """The published self-assessment for the last reporting year, linked from the How to
        complain page when it is first made."""
        with transaction.atomic():
            made = (
                not SelfAssessmentPage.objects.child_of(home)
                .filter(slug=SELF_ASSESSMENT_SLUG)
                .exists()
            )
            page = demo_self_assessment_page(home, today=today)
            if made:
                hub.body = [*hub.body.raw_data, *stream(hub_link_blocks(page))]
                hub.save_revision(log_action=False).publish(log_action=False)
                self.stdout.write(f"Published the self-assessment: {page.title}.")
        return page

    def backup_codes(self, user) -> list[str]:
        return sorted(
            StaticToken.objects.filter(device__user=user, device__confirmed=True).values_list(
                "token", flat=True
            )
        )

    def report(self, address: str, user) -> None:
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS("Example Homes is ready."))
        self.stdout.write(f"  Website:      {address}")
        self.stdout.write(f"  Staff admin:  {address}admin/")
        self.stdout.write(f"  Staff login:  {user.username} / {DEMO_PASSWORD}")
        self.stdout.write(
            "  Second step:  one of these backup codes (each works once; set up an "
            "authenticator app after signing in):"
        )
        self.stdout.write("                " + "  ".join(self.backup_codes(user)))
        self.stdout.write("")
