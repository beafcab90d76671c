"""The privacy notice (UK GDPR articles 13 and 14) and the cookies page.

The facts that come from elsewhere render from there, so they cannot drift: the controller's
name and address from the branding setting, how long records are kept from the landlord's
retention setting (casework's ComplaintProcessSettings), the Ombudsman from its snippet and the
cookies from cms_pages/cookies.py. The landlord's own words go in the editable fields.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site
from wagtail.search import index

from cms_pages.blocks import RICH_TEXT_FEATURES, BodyBlock
from cms_pages.cookies import site_cookies
from cms_pages.models.base import BasePage
from cms_pages.models.branding import BrandingSettings

# The Information Commissioner's Office, where residents can complain about how their
# information is used (UK GDPR article 77).
ICO = {
    "name": "Information Commissioner's Office",
    "address": ("Wycliffe House", "Water Lane", "Wilmslow", "Cheshire", "SK9 5AF"),
    "phone": "0303 123 1113",
    "website": "https://ico.org.uk/make-a-complaint/",
}


class LawfulBasis(models.TextChoices):
    # UK GDPR article 6(1)(c): for a housing association, membership of the Housing Ombudsman
    # Scheme and the Complaint Handling Code are duties in law.
    LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation (article 6(1)(c))")
    # Article 6(1)(e): for a council, handling complaints is part of its public functions.
    PUBLIC_TASK = "public_task", _("Public task (article 6(1)(e))")
    LEGITIMATE_INTERESTS = "legitimate_interests", _("Legitimate interests (article 6(1)(f))")


class PrivacyNoticePage(BasePage):
    lawful_basis = models.CharField(
        _("lawful basis"),
        max_length=30,
        choices=LawfulBasis.choices,
        default=LawfulBasis.LEGAL_OBLIGATION,
        help_text=_(
            "Housing associations usually rely on a legal obligation (the Housing Ombudsman "
            "Scheme and its Complaint Handling Code); councils on their public task."
        ),
    )
    ico_registration_number = models.CharField(
        _("ICO registration number"), max_length=20, blank=True
    )
    data_protection_contact = models.TextField(
        _("data protection officer"),
        blank=True,
        help_text=_("How to reach your data protection officer: a name or role, an email."),
    )
    more_about_use = RichTextField(
        _("more about how we use information"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("In your own words: anything the facts above do not say."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more information"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("lawful_basis"),
                FieldPanel("ico_registration_number"),
                FieldPanel("data_protection_contact"),
            ],
            heading=_("Facts"),
            help_text=_(
                "Your name and address come from Branding and contact, how long records are "
                "kept from Complaint process, and the Ombudsman from its snippet."
            ),
        ),
        FieldPanel("more_about_use"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("more_about_use"),
        index.SearchField("body"),
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy notice")

    def get_context(self, request, *args, **kwargs):
        from casework.process import process_settings

        context = super().get_context(request, *args, **kwargs)
        site = Site.find_for_request(request)
        context.update(
            privacy_branding=BrandingSettings.for_request(request),
            retention_years=process_settings(site).record_retention_years,
            ico=ICO,
        )
        return context


class CookiesPage(BasePage):
    """The cookies the site sets, listed from cms_pages/cookies.py: only strictly necessary
    ones, so there is nothing to accept and no banner."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more information"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    max_count_per_parent = 1
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("cookies page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cookies"] = site_cookies()
        return context
