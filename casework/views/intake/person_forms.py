"""One short form per thing that can be recorded about a person, and the table that ties each
to its service and to who may use it.

The rules live in the services; a field the service checks is optional here, so staff see the
service's own message, which cites the Code.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from casework import permissions, services
from casework.choices import (
    AdjustmentKind,
    AdjustmentStatus,
    ContactMethod,
    DisclosureKind,
    UpdateFrequency,
)
from casework.models import ReasonableAdjustment
from casework.views import common

# Shorter boxes than the case forms': what is recorded about a person is a line or two.
text = partial(common.text, rows=3)


def date(label, *, help_text=""):
    # A plain date input: it works without JavaScript and browsers offer a calendar.
    return forms.DateField(
        label=label,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("Enter a date."), "invalid": _("Enter a real date.")},
    )


def today():
    return timezone.localdate()


class PersonForm(forms.Form):
    def __init__(self, *args, person, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)


class ContactDetailsForm(PersonForm):
    full_name = forms.CharField(label=_("Full name"), required=False, max_length=200)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    postal_address = text(_("Postal address"))
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=10)
    organisation = forms.CharField(
        label=_("Organisation"),
        required=False,
        max_length=200,
        help_text=_("For representatives: their firm, office or charity."),
    )
    preferred_contact_method = forms.ChoiceField(
        label=_("How they would like us to contact them"), choices=ContactMethod.choices
    )
    preferred_language = forms.ChoiceField(
        label=_("Language they would like us to use"), choices=settings.LANGUAGES
    )
    update_frequency = forms.ChoiceField(
        label=_("How often they would like updates"), choices=UpdateFrequency.choices
    )

    def __init__(self, *args, person, **kwargs):
        kwargs.setdefault("initial", {name: getattr(person, name) for name in self.base_fields})
        super().__init__(*args, person=person, **kwargs)


class AdjustmentForm(PersonForm):
    kind = forms.ChoiceField(
        label=_("Adjustment"),
        choices=[("", "---------"), *AdjustmentKind.choices],
        required=False,
    )
    detail = text(
        _("Detail"),
        help_text=_("What we will do differently. Needed when the adjustment is “Something else”."),
    )
    agreed_on = date(_("Agreed on"))
    next_review_on = date(
        _("Next review by"),
        help_text=_("Adjustments are kept under review (Code 5.10)."),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"agreed_on": today()})
        super().__init__(*args, **kwargs)


class EndAdjustmentForm(PersonForm):
    adjustment = forms.ModelChoiceField(
        label=_("Adjustment that is no longer needed"),
        queryset=ReasonableAdjustment.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the adjustment.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adjustment"].queryset = self.person.adjustments.filter(
            status=AdjustmentStatus.ACTIVE
        )


class ReviewAdjustmentForm(EndAdjustmentForm):
    """Code 5.10: reviewed, still needed (with the next review date), or ended."""

    still_needed = forms.TypedChoiceField(
        label=_("Is it still needed?"),
        choices=[("yes", _("Yes, keep it in place")), ("no", _("No, end it"))],
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    next_review_on = date(_("Next review by"), help_text=_("Needed when it is kept in place."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adjustment"].label = _("Adjustment reviewed")
        # The service says when it is needed, citing the Code.
        self.fields["next_review_on"].required = False


class DisclosureForm(PersonForm):
    kind = forms.ChoiceField(
        label=_("What they told us about"),
        choices=[("", "---------"), *DisclosureKind.choices],
        required=False,
    )
    detail = text(_("What they told us, in their words"), rows=4)
    disclosed_on = date(_("Told us on"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"disclosed_on": today()})
        super().__init__(*args, **kwargs)


class ContactRestrictionForm(PersonForm):
    restriction = text(
        _("What is restricted"),
        help_text=_("For example: contact by email to one named officer only."),
    )
    reason = text(_("Why it is needed"))
    equality_act_considerations = text(
        _("Equality Act 2010 considerations"),
        help_text=_(
            "How any disability or vulnerability was taken into account, and why the "
            "restriction is proportionate (Code 5.15)."
        ),
    )
    starts_on = date(_("From"))
    review_on = date(_("Review by"))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"starts_on": today()})
        super().__init__(*args, **kwargs)


def _on_person(service):
    """Call a service that takes the person and the member of staff, with the form's values."""
    return lambda person, user, data: service(person=person, actor=user, **data)


def _details(person, user, data):
    return services.person_update(person=person, details=services.PersonDetails(**data), actor=user)


@dataclass(frozen=True)
class PersonAction:
    label: str
    form_class: type[PersonForm]
    perform: Callable
    allowed: Callable  # (user, person) -> bool
    done: str
    sensitive: bool = False  # the form itself shows adjustments or disclosures


def _can_log(user, person):
    return permissions.user_can_log_cases(user)


def _can_see_sensitive(user, person):
    return permissions.user_can_view_sensitive(user, person)


def _officer(user, person):
    return permissions.user_can_work_any_case(user)


PERSON_ACTIONS = {
    "details": PersonAction(
        label=_("Change contact details"),
        form_class=ContactDetailsForm,
        perform=_details,
        allowed=_can_log,
        done=_("Contact details saved."),
    ),
    "adjustment": PersonAction(
        label=_("Add a reasonable adjustment"),
        form_class=AdjustmentForm,
        perform=_on_person(services.adjustment_record),
        # Anyone who takes a call may record what the person needs (Code 3.1); only those who
        # may see sensitive data see it afterwards.
        allowed=_can_log,
        done=_("Reasonable adjustment recorded."),
    ),
    "end-adjustment": PersonAction(
        label=_("End a reasonable adjustment"),
        form_class=EndAdjustmentForm,
        perform=lambda person, user, data: services.adjustment_end(
            adjustment=data["adjustment"], actor=user
        ),
        allowed=_can_see_sensitive,
        done=_("Reasonable adjustment marked as no longer needed."),
        sensitive=True,
    ),
    "review-adjustment": PersonAction(
        label=_("Review a reasonable adjustment"),
        form_class=ReviewAdjustmentForm,
        perform=lambda person, user, data: services.adjustment_review(actor=user, **data),
        allowed=_can_see_sensitive,
        done=_("Review of the reasonable adjustment recorded."),
        sensitive=True,
    ),
    "disclosure": PersonAction(
        label=_("Record a disability or vulnerability"),
        form_class=DisclosureForm,
        perform=_on_person(services.disclosure_record),
        allowed=_can_log,
        done=_("Recorded what the person told us."),
    ),
    "restriction": PersonAction(
        label=_("Add a contact restriction"),
        form_class=ContactRestrictionForm,
        perform=_on_person(services.contact_restriction_record),
        # Code 5.14-5.15: a decision for the complaints officer, reasoned and reviewed.
        allowed=_officer,
        done=_("Contact restriction recorded."),
    ),
}
