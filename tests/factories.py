"""factory_boy factories. Cases are built through the casework services, so a factory-made
case has exactly the record a real one would (stages, clocks, timeline)."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from casework import services
from casework.choices import CaseKind, Channel, Decision
from casework.models import Case, Person


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example-homes.org.uk")
    is_staff = True
    password = factory.django.Password("correct horse battery")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Faker("name", locale="en_GB")
    email = factory.Sequence(lambda n: f"resident{n}@example.net")
    phone = "07700 900123"
    postal_address = "Flat 2\n10 River Road\nExampleton"
    postcode = "EX2 3CD"


class CaseFactory(factory.Factory):
    """A case at any point of its life, e.g. `CaseFactory(escalated=True)`.

    Traits are cumulative in the order of the complaint's life: acknowledged, responded,
    escalated, stage2_acknowledged, stage2_responded.
    """

    class Meta:
        model = Case

    # Where in its life the case is; read (and removed) by _create.
    acknowledged = False
    responded = False
    escalated = False
    stage2_acknowledged = False
    stage2_responded = False

    kind = CaseKind.COMPLAINT
    channel = Channel.PHONE
    description = "The bathroom ceiling has leaked for six weeks and nobody has come back."
    outcome_wanted = "Fix the leak and repair the ceiling."
    received_at = factory.LazyFunction(timezone.now)
    resident = factory.SubFactory(PersonFactory)
    handler = factory.SubFactory(UserFactory)
    stage2_handler = factory.SubFactory(UserFactory)

    @classmethod
    def _create(cls, model_class, *, handler, stage2_handler, **kwargs):
        flags = {
            name: kwargs.pop(name, False)
            for name in [
                "acknowledged",
                "responded",
                "escalated",
                "stage2_acknowledged",
                "stage2_responded",
            ]
        }
        case = services.case_log(**kwargs)
        steps = ["acknowledged", "responded", "escalated", "stage2_acknowledged"]
        steps.append("stage2_responded")
        wanted = max((steps.index(k) for k, v in flags.items() if v), default=-1)
        if wanted >= 0:
            services.complaint_acknowledge(
                case=case,
                actor=handler,
                definition="The resident says the bathroom ceiling leaks and repairs were missed.",
                outcomes_sought="Repair the leak and the ceiling.",
                handler=handler,
                conflict_of_interest="None",
            )
        if wanted >= 1:
            services.stage_respond(
                case=case,
                actor=handler,
                decision=Decision.NOT_UPHELD,
                reasons="The repair was booked and completed within our timescales.",
                no_remedy_reason="The service was delivered as promised.",
                actions_confirmed=True,
            )
        if wanted >= 2:
            services.escalation_request(case=case, actor_label="Resident")
        if wanted >= 3:
            services.complaint_acknowledge(
                case=case,
                actor=stage2_handler,
                definition="The resident disagrees that the repair was completed.",
                outcomes_sought="A new inspection and repair.",
                handler=stage2_handler,
                conflict_of_interest="None",
            )
        if wanted >= 4:
            services.stage_respond(
                case=case,
                actor=stage2_handler,
                decision=Decision.NOT_UPHELD,
                reasons="Photographs show the repair was completed on time.",
                no_remedy_reason="The repair was completed as promised.",
                actions_confirmed=True,
            )
        case.refresh_from_db()
        return case


def aware(year, month, day, hour=10, minute=0) -> dt.datetime:
    """A Europe/London time, as a resident would read it."""
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))
