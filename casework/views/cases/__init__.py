"""The staff screens for working a case: the list, the case page, and one form per action."""

from casework.views.cases.action import CaseActionView
from casework.views.cases.detail import CaseDetailView
from casework.views.cases.documents import CaseDocumentView
from casework.views.cases.listing import CaseIndexView

__all__ = ["CaseActionView", "CaseDetailView", "CaseDocumentView", "CaseIndexView"]
