from casework.models.cases import Case, ComplaintCategory, Extension, ReferenceCounter, Stage
from casework.models.data_protection import (
    CaseErasure,
    DataProtectionRequest,
    LegalHold,
    RetentionRun,
)
from casework.models.learning import Lesson
from casework.models.letters import Letter, LetterTemplate
from casework.models.notices import ServiceNotice
from casework.models.ombudsman import OmbudsmanScheme
from casework.models.outbox import OutboundEmail
from casework.models.people import (
    ContactRestriction,
    Disclosure,
    Person,
    ReasonableAdjustment,
    SensitiveDataView,
)
from casework.models.record import (
    AppendOnlyError,
    CaseDocument,
    Correspondence,
    TimelineEntry,
    private_storage,
)
from casework.models.referrals import (
    Determination,
    EvidenceRequest,
    OmbudsmanOrder,
    OmbudsmanReferral,
)
from casework.models.remedies import OutstandingAction, Remedy
from casework.models.settings import (
    ClosureDay,
    ComplaintProcessSettings,
    ExclusionReason,
    ensure_default_exclusion_reasons,
)

__all__ = [
    "AppendOnlyError",
    "Case",
    "CaseDocument",
    "CaseErasure",
    "ClosureDay",
    "ComplaintCategory",
    "ComplaintProcessSettings",
    "ContactRestriction",
    "Correspondence",
    "DataProtectionRequest",
    "Determination",
    "Disclosure",
    "EvidenceRequest",
    "ExclusionReason",
    "Extension",
    "LegalHold",
    "Lesson",
    "Letter",
    "LetterTemplate",
    "OmbudsmanOrder",
    "OmbudsmanReferral",
    "OmbudsmanScheme",
    "OutboundEmail",
    "OutstandingAction",
    "Person",
    "ReasonableAdjustment",
    "ReferenceCounter",
    "Remedy",
    "RetentionRun",
    "SensitiveDataView",
    "ServiceNotice",
    "Stage",
    "TimelineEntry",
    "ensure_default_exclusion_reasons",
    "private_storage",
]
