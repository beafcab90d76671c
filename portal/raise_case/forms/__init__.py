"""One form per question page."""

from portal.raise_case.forms.base import StepForm
from portal.raise_case.forms.case import KIND_CHOICES, KindForm, WhatHappenedForm
from portal.raise_case.forms.people import (
    ConsentForm,
    ContactForm,
    PreferencesForm,
    RepresentativeForm,
    ResidentForm,
    SupportForm,
    WhoForm,
)

__all__ = [
    "KIND_CHOICES",
    "ConsentForm",
    "ContactForm",
    "KindForm",
    "PreferencesForm",
    "RepresentativeForm",
    "ResidentForm",
    "StepForm",
    "SupportForm",
    "WhatHappenedForm",
    "WhoForm",
]
