"""The staff form for logging a case from any channel (Code 3.1-3.2).

The form only collects values. What the service checks (a description, the resident's name, a
way to reply, who a representative is) is optional here, so a member of staff sees the
service's own words when something is missing.
"""

import datetime as dt

from django import forms
from django.conf import settings
from django.db.models import Q, Value
from django.db.models.functions import Replace, Upper
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casework.choices import (
    CaseKind,
    Channel,
    ContactMethod,
    RepresentativeType,
    UpdateFrequency,
)
from casework.models import ComplaintCategory, Person
from casework.process import process_settings
from casework.services import PersonDetails
from casework.views.common import text, user_label
from casework.views.intake.access import staff_users

EARLIEST_YEAR = 1950
MATCHES_SHOWN = 20

# Staff log everything except what residents send through the online form themselves.
STAFF_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.ONLINE]

KIND_HINT = gettext_lazy(
    "A complaint is any time someone is unhappy with our service, with something we did or did "
    "not do, or with our staff or contractors, even if they do not use the word “complaint”. "
    "A service request is asking us to do something, such as a repair. If the person is "
    "unhappy, offer them the choice to make a complaint (Code 1.2 to 1.4)."
)


def line(label, *, help_text="", max_length=200):
    return forms.CharField(label=label, required=False, help_text=help_text, max_length=max_length)


def email(label):
    return forms.EmailField(label=label, required=False)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        known = ", ".join(part for part in [obj.email, obj.postcode] if part)
        return f"{obj.full_name} ({known})" if known else obj.full_name


class StaffChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return user_label(obj)


def people_matching(term: str):
    """People whose email is `term`, or whose postcode is `term` whatever its spacing."""
    term = (term or "").strip()
    if not term:
        return Person.objects.none()
    postcode = term.upper().replace(" ", "")
    return (
        Person.objects.annotate(postcode_key=Replace(Upper("postcode"), Value(" "), Value("")))
        .filter(Q(email__iexact=term) | Q(postcode_key=postcode))
        .order_by("full_name", "pk")
    )


class LogCaseForm(forms.Form):
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    # How they contacted us, and what they want.
    channel = forms.ChoiceField(
        label=gettext_lazy("How did the person contact us?"),
        choices=STAFF_CHANNELS,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Choose how the person contacted us.")},
    )
    received_on = forms.DateField(
        label=gettext_lazy("Date we received it"),
        required=False,
        help_text=gettext_lazy(
            "Leave empty for today. For a letter or email that came in earlier, give the day it "
            "arrived: the time limits count from then (Code 6.2)."
        ),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    kind = forms.ChoiceField(
        label=gettext_lazy("What does the person want?"),
        choices=CaseKind.choices,
        widget=forms.RadioSelect,
        help_text=KIND_HINT,
        error_messages={"required": gettext_lazy("Choose what the person wants.")},
    )
    choice_offered = forms.BooleanField(
        label=gettext_lazy("The person was offered the choice to make a complaint"),
        required=False,
        help_text=gettext_lazy("Recorded on the case's timeline (Code 1.3)."),
    )
    urgent = forms.BooleanField(
        label=gettext_lazy("Urgent or high risk"),
        required=False,
        help_text=gettext_lazy(
            "For example a risk to health or safety, or a person who is vulnerable (Code 6.1)."
        ),
    )

    # What it is about.
    description = text(
        gettext_lazy("What happened, in the person's own words"),
        help_text=gettext_lazy("Write down what they said, as they said it."),
        rows=6,
    )
    outcome_wanted = text(gettext_lazy("What they would like to happen"))
    issue_month = forms.TypedChoiceField(
        label=gettext_lazy("When it happened: month"),
        choices=[("", "---------"), *MONTHS.items()],
        coerce=int,
        required=False,
        empty_value=None,
    )
    issue_year = forms.IntegerField(
        label=gettext_lazy("When it happened: year"),
        required=False,
        help_text=gettext_lazy("For example 2025. The month and year are enough."),
    )
    category = forms.ModelChoiceField(
        label=gettext_lazy("Category"),
        queryset=ComplaintCategory.objects.filter(active=True),
        required=False,
    )
    property_address = text(gettext_lazy("Property or tenancy it is about"), rows=3)
    concerns_contractor = forms.BooleanField(
        label=gettext_lazy("A contractor is involved"), required=False
    )
    contractor_name = line(
        gettext_lazy("Contractor's name"),
        help_text=gettext_lazy(
            "Complaints about contractors go through our own two stages (Code 5.4)."
        ),
    )
    staff_complained_about = StaffChoiceField(
        label=gettext_lazy("Staff named in the complaint"),
        queryset=staff_users(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=gettext_lazy("Hold Ctrl (or Cmd on a Mac) to choose more than one."),
    )

    # The resident.
    person_search = line(
        gettext_lazy("Find someone we already know: email or postcode"),
        help_text=gettext_lazy("Then select “Find” and choose them below."),
    )
    existing_person = PersonChoiceField(
        label=gettext_lazy("Someone we already know"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=gettext_lazy("None of these: use the details typed below"),
        help_text=gettext_lazy(
            "When you choose someone, their details are kept as they are. Change them on the "
            "person's page."
        ),
    )
    resident_name = line(gettext_lazy("Resident's full name"))
    resident_email = email(gettext_lazy("Resident's email"))
    resident_phone = line(gettext_lazy("Resident's phone"), max_length=40)
    resident_address = text(gettext_lazy("Resident's postal address"), rows=3)
    resident_postcode = line(gettext_lazy("Resident's postcode"), max_length=10)
    preferred_contact_method = forms.ChoiceField(
        label=gettext_lazy("How they would like us to contact them"),
        choices=ContactMethod.choices,
        initial=ContactMethod.EMAIL,
        required=False,
    )
    preferred_language = forms.ChoiceField(
        label=gettext_lazy("Language they would like us to use"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
        required=False,
        help_text=gettext_lazy(
            "For other languages, or British Sign Language, record a reasonable adjustment on "
            "the person's page."
        ),
    )
    update_frequency = forms.ChoiceField(
        label=gettext_lazy("How often they would like updates"),
        choices=UpdateFrequency.choices,
        initial=UpdateFrequency.WHEN_SOMETHING_CHANGES,
        required=False,
    )

    # A representative (Code 1.3, 3.6).
    representative_name = line(
        gettext_lazy("Representative's full name"),
        help_text=gettext_lazy("Leave empty when the resident is acting for themselves."),
    )
    representative_type = forms.ChoiceField(
        label=gettext_lazy("Who the representative is"),
        choices=[("", "---------"), *RepresentativeType.choices],
        required=False,
    )
    representative_organisation = line(gettext_lazy("Representative's organisation"))
    representative_email = email(gettext_lazy("Representative's email"))
    representative_phone = line(gettext_lazy("Representative's phone"), max_length=40)
    representative_address = text(gettext_lazy("Representative's postal address"), rows=3)
    representative_postcode = line(gettext_lazy("Representative's postcode"), max_length=10)
    consent_recorded = forms.TypedChoiceField(
        label=gettext_lazy("Do we have the resident's consent on file?"),
        choices=[("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No, not yet"))],
        coerce=lambda value: value == "yes",
        empty_value=False,
        required=False,
        widget=forms.RadioSelect,
    )
    consent_evidence = text(
        gettext_lazy("Consent: what we have and where"),
        help_text=gettext_lazy("For example: signed form received by email on 3 March."),
        rows=2,
    )

    fieldsets = [
        (
            gettext_lazy("How they contacted us"),
            ["channel", "received_on", "kind", "choice_offered", "urgent"],
        ),
        (
            gettext_lazy("What it is about"),
            [
                "description",
                "outcome_wanted",
                "issue_month",
                "issue_year",
                "category",
                "property_address",
                "concerns_contractor",
                "contractor_name",
                "staff_complained_about",
            ],
        ),
        (
            gettext_lazy("The resident"),
            [
                "person_search",
                "existing_person",
                "resident_name",
                "resident_email",
                "resident_phone",
                "resident_address",
                "resident_postcode",
                "preferred_contact_method",
                "preferred_language",
                "update_frequency",
            ],
        ),
        (
            gettext_lazy("A representative (optional)"),
            [
                "representative_name",
                "representative_type",
                "representative_organisation",
                "representative_email",
                "representative_phone",
                "representative_address",
                "representative_postcode",
                "consent_recorded",
                "consent_evidence",
            ],
        ),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        term = self._value("person_search") or self._value("resident_email")
        # A queryset that can still be filtered, as the field's validation does.
        shown = list(people_matching(term).values_list("pk", flat=True)[:MATCHES_SHOWN])
        self.fields["existing_person"].queryset = Person.objects.filter(pk__in=shown).order_by(
            "full_name", "pk"
        )
        deemed = [
            str(RepresentativeType(value).label)
            for value in process_settings().deemed_consent_representative_types
            if value in RepresentativeType.values
        ]
        if deemed:
            self.fields["consent_recorded"].help_text = format_lazy(
                "{} {}",
                gettext_lazy("Not needed when the resident asked this person to act for them:"),
                ", ".join(deemed),
            )

    def _value(self, name: str) -> str:
        if self.is_bound:
            return self.data.get(self.add_prefix(name), "")
        return self.initial.get(name, "") or ""

    @cached_property
    def matches(self) -> bool:
        return self.fields["existing_person"].queryset.exists()

    def grouped_fields(self):
        return [(heading, [self[name] for name in names]) for heading, names in self.fieldsets]

    def clean_received_on(self):
        received_on = self.cleaned_data.get("received_on")
        if received_on and received_on > timezone.localdate():
            raise forms.ValidationError(_("The date we received it cannot be in the future."))
        return received_on

    def clean_issue_year(self):
        year = self.cleaned_data.get("issue_year")
        if year is not None and not EARLIEST_YEAR <= year <= timezone.localdate().year:
            raise forms.ValidationError(
                _("Enter a year from %(first)d to %(last)d.")
                % {"first": EARLIEST_YEAR, "last": timezone.localdate().year}
            )
        return year

    def clean(self):
        data = super().clean()
        month, year = data.get("issue_month"), data.get("issue_year")
        if month and year is None and "issue_year" not in self.errors:
            self.add_error("issue_year", _("Enter the year as well as the month."))
        elif year and not month:
            self.add_error("issue_month", _("Choose the month as well as the year."))
        elif month and year:
            issue_date = dt.date(year, month, 1)
            if issue_date > timezone.localdate():
                self.add_error("issue_month", _("When it happened cannot be in the future."))
            data["issue_date"] = issue_date
        typed_for_representative = any(
            data.get(f"representative_{part}")
            for part in ["type", "organisation", "email", "phone", "address", "postcode"]
        )
        if typed_for_representative and not data.get("representative_name"):
            self.add_error(
                "representative_name",
                _("Enter the representative's name, or clear their other details."),
            )
        # Naming a contractor says one is involved.
        if data.get("contractor_name"):
            data["concerns_contractor"] = True
        return data

    def resident(self) -> Person | PersonDetails:
        data = self.cleaned_data
        if data.get("existing_person"):
            return data["existing_person"]
        return PersonDetails(
            full_name=data["resident_name"],
            email=data["resident_email"],
            phone=data["resident_phone"],
            postal_address=data["resident_address"],
            postcode=data["resident_postcode"].upper(),
            preferred_contact_method=data["preferred_contact_method"] or ContactMethod.EMAIL,
            preferred_language=data["preferred_language"] or settings.LANGUAGE_CODE,
            update_frequency=data["update_frequency"] or UpdateFrequency.WHEN_SOMETHING_CHANGES,
        )

    def representative(self) -> PersonDetails | None:
        data = self.cleaned_data
        if not data.get("representative_name"):
            return None
        email, phone = data["representative_email"], data["representative_phone"]
        if email:
            method = ContactMethod.EMAIL
        elif phone:
            method = ContactMethod.PHONE
        else:
            method = ContactMethod.LETTER
        return PersonDetails(
            full_name=data["representative_name"],
            email=email,
            phone=phone,
            postal_address=data["representative_address"],
            postcode=data["representative_postcode"].upper(),
            preferred_contact_method=method,
            organisation=data["representative_organisation"],
        )

    def received_at(self) -> dt.datetime | None:
        """None means now. An earlier day is taken at midday, UK time, so its date is sure."""
        received_on = self.cleaned_data.get("received_on")
        if not received_on or received_on == timezone.localdate():
            return None
        return timezone.make_aware(dt.datetime.combine(received_on, dt.time(12, 0)))
