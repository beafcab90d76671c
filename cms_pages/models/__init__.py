from cms_pages.models.accessibility import AccessibilityStatementPage
from cms_pages.models.annual_report import AnnualReportPage, GoverningBodyResponse
from cms_pages.models.branding import BrandingSettings
from cms_pages.models.code_page import CodePage
from cms_pages.models.complaint_start import ComplaintStartPage
from cms_pages.models.content import ContentPage, HomePage
from cms_pages.models.how_to_complain import HowToComplainPage, Route
from cms_pages.models.improvements import ImprovementsPage
from cms_pages.models.navigation import NavigationSettings
from cms_pages.models.page_pdf import PagePdf
from cms_pages.models.policy import PolicyPage
from cms_pages.models.privacy import CookiesPage, PrivacyNoticePage
from cms_pages.models.self_assessment import SelfAssessmentPage

__all__ = [
    "AccessibilityStatementPage",
    "AnnualReportPage",
    "BrandingSettings",
    "CodePage",
    "ComplaintStartPage",
    "ContentPage",
    "CookiesPage",
    "GoverningBodyResponse",
    "HomePage",
    "HowToComplainPage",
    "ImprovementsPage",
    "NavigationSettings",
    "PagePdf",
    "PolicyPage",
    "PrivacyNoticePage",
    "Route",
    "SelfAssessmentPage",
]
