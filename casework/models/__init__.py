from casework.models.ombudsman import OmbudsmanScheme
from casework.models.settings import (
    ClosureDay,
    ComplaintProcessSettings,
    ExclusionReason,
    ensure_default_exclusion_reasons,
)

__all__ = [
    "ClosureDay",
    "ComplaintProcessSettings",
    "ExclusionReason",
    "OmbudsmanScheme",
    "ensure_default_exclusion_reasons",
]
