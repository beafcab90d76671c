"""Model fields the casework settings need and Django does not ship."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class MultipleChoiceJSONField(models.JSONField):
    """A list of choice values stored as JSON, edited as a set of checkboxes.

    Works the same on SQLite and PostgreSQL (no ArrayField).
    """

    def __init__(self, *args, value_choices=(), **kwargs):
        self.value_choices = list(value_choices)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["value_choices"] = self.value_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {choice for choice, _label in self.value_choices}
        if not isinstance(value, list):
            raise ValidationError(_("Choose from the list."), code="invalid")
        unknown = [item for item in value if item not in allowed]
        if unknown:
            raise ValidationError(
                _("%(value)s is not one of the choices."),
                code="invalid_choice",
                params={"value": ", ".join(map(str, unknown))},
            )

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.value_choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "label": self.verbose_name,
            "help_text": self.help_text,
            "initial": self.get_default(),
        }
        # JSONField.formfield would force a JSON text box; go straight to Field.formfield.
        return models.Field.formfield(self, **{**defaults, **kwargs})
