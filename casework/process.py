"""The landlord's process settings and working-day calendar, as the rules need them."""

from wagtail.models import Site

from casework.deadlines import WorkingDayCalendar
from casework.models import ComplaintProcessSettings


def process_settings(site: Site | None = None) -> ComplaintProcessSettings:
    """The settings of the given site, else of the default site (casework has one landlord)."""
    site = site or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return ComplaintProcessSettings.for_site(site)


def working_calendar(settings: ComplaintProcessSettings) -> WorkingDayCalendar:
    return WorkingDayCalendar(nation=settings.nation, closure_dates=settings.closure_dates())
