"""The landlord's process settings and working-day calendar, as the rules need them."""

from django.conf import settings as django_settings
from wagtail.models import Site

from casework.deadlines import WorkingDayCalendar
from casework.models import ComplaintProcessSettings


def process_settings(site: Site | None = None) -> ComplaintProcessSettings:
    """The settings of the given site, else of the default site (casework has one landlord)."""
    site = site or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return ComplaintProcessSettings.for_site(site)


def working_calendar(settings: ComplaintProcessSettings) -> WorkingDayCalendar:
    return WorkingDayCalendar(nation=settings.nation, closure_dates=settings.closure_dates())


def public_address() -> str:
    """Where residents reach the site, without a final slash: the landlord's setting, else the
    address the deployment was configured with. Every link in letters and emails starts here,
    never at a Wagtail Site's hostname."""
    chosen = process_settings().public_address or django_settings.WAGTAILADMIN_BASE_URL
    return chosen.rstrip("/")


def public_url(path: str) -> str:
    """The full address of a path on the site, for letters and emails."""
    return public_address() + path
