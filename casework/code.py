"""Facts from the Housing Ombudsman's Complaint Handling Code (2024), as plain values.

Provision numbers are the 2024 Code's (see shared/CODE-2024.md). A landlord may set shorter
timescales than these in its settings, never longer.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Nation(models.TextChoices):
    """The nation whose bank holidays a landlord's working-day calendar follows.

    The values are the `holidays` package's subdivision codes for the United Kingdom.
    """

    ENGLAND = "ENG", _("England")
    WALES = "WLS", _("Wales")
    SCOTLAND = "SCT", _("Scotland")
    NORTHERN_IRELAND = "NIR", _("Northern Ireland")


@dataclass(frozen=True)
class Timescales:
    """Working-day limits for each clock. The defaults are the Code's maxima."""

    stage1_acknowledgement: int = 5  # Code 6.2
    stage1_response: int = 10  # Code 6.3
    stage1_extension: int = 10  # Code 6.4
    stage2_acknowledgement: int = 5  # Code 6.11
    stage2_response: int = 20  # Code 6.14
    stage2_extension: int = 20  # Code 6.15
    ombudsman_evidence: int = 15  # the Ombudsman's request for evidence

    def exceeding_code(self) -> dict[str, str]:
        """Name each limit that is longer than the Code allows, with the provision it breaks."""
        problems = {}
        for name, (_provision, maximum) in CODE_LIMITS.items():
            if getattr(self, name) > maximum:
                problems[name] = code_limit_message(name)
        return problems


# field name -> (Code provision, the most working days the Code allows)
CODE_LIMITS: dict[str, tuple[str, int]] = {
    "stage1_acknowledgement": ("6.2", 5),
    "stage1_response": ("6.3", 10),
    "stage1_extension": ("6.4", 10),
    "stage2_acknowledgement": ("6.11", 5),
    "stage2_response": ("6.14", 20),
    "stage2_extension": ("6.15", 20),
    "ombudsman_evidence": ("Ombudsman evidence requests", 15),
}

CODE_MAXIMA = Timescales()


def code_limit_message(name: str) -> str:
    provision, maximum = CODE_LIMITS[name]
    if provision[0].isdigit():
        return str(
            _(
                "The Complaint Handling Code (provision %(provision)s) allows at most "
                "%(maximum)d working days. You can set a shorter time, but not a longer one."
            )
            % {"provision": provision, "maximum": maximum}
        )
    return str(
        _(
            "The Housing Ombudsman expects evidence within %(maximum)d working days. You can "
            "set a shorter time, but not a longer one."
        )
        % {"maximum": maximum}
    )


# Code 2.2-2.3: the usual limit on how old an issue can be when it is raised.
DEFAULT_EXCLUSION_PERIOD_MONTHS = 12
