"""Enumerations shared by the casework record, its settings and its forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RepresentativeType(models.TextChoices):
    """Who may act for a resident (Code 1.3, 3.6)."""

    FAMILY_OR_CARER = "family_or_carer", _("Family member or carer")
    ADVOCATE = "advocate", _("Advocate or support worker")
    SOLICITOR = "solicitor", _("Solicitor or legal adviser")
    COUNCILLOR = "councillor", _("Councillor")
    MP = "mp", _("Member of Parliament")
    OTHER = "other", _("Someone else")


# Councillors and MPs approached by a resident are taken to act with the resident's consent.
DEFAULT_DEEMED_CONSENT_TYPES = [RepresentativeType.COUNCILLOR.value, RepresentativeType.MP.value]


class OmbudsmanSchemeKind(models.TextChoices):
    """The redress scheme a complaint can be taken to once the landlord's process is done."""

    HOUSING = "housing", _("Housing Ombudsman")
    LOCAL_GOVERNMENT = "local_government", _("Local Government and Social Care Ombudsman")
