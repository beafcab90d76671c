"""The intake screens: logging a case, people and what they tell us, the dashboard panel."""

from casework.views.intake.dashboard import CaseworkPanel
from casework.views.intake.log import LogCaseView
from casework.views.intake.person import PersonActionView, PersonDetailView

__all__ = ["CaseworkPanel", "LogCaseView", "PersonActionView", "PersonDetailView"]
