"""Helpers for the GOV.UK form partials in templates/components/ (field.html and
error_summary.html): which GOV.UK component a Django field renders as, the ids its hint and
error message get, and the inputs of a three-part date."""

from django import forms, template
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The CSS class of each GOV.UK control, and its error modifier.
CONTROL_CLASSES = {
    "input": ("govuk-input", "govuk-input--error"),
    "textarea": ("govuk-textarea", "govuk-textarea--error"),
    "select": ("govuk-select", "govuk-select--error"),
    "file": ("govuk-file-upload", "govuk-file-upload--error"),
    "checkbox": ("govuk-checkboxes__input", ""),
}
DATE_PARTS = (
    (_("Day"), "govuk-input--width-2"),
    (_("Month"), "govuk-input--width-2"),
    (_("Year"), "govuk-input--width-4"),
)


def is_date_inputs(widget) -> bool:
    """A date asked as three inputs (day, month, year): a MultiWidget of three subwidgets."""
    return isinstance(widget, forms.MultiWidget) and len(widget.widgets) == len(DATE_PARTS)


@register.filter
def field_kind(bound_field) -> str:
    """The GOV.UK component for the field: hidden, radios, checkboxes, checkbox, date, file,
    select, textarea or input (text, email, tel, number, password, …)."""
    widget = bound_field.field.widget
    if widget.is_hidden:
        return "hidden"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if is_date_inputs(widget):
        return "date"
    if isinstance(widget, forms.FileInput):
        return "file"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "input"


@register.filter
def field_anchor(bound_field) -> str:
    """The id of the field's first input, for the error summary's links: GOV.UK links to the
    first radio, checkbox or date part."""
    kind = field_kind(bound_field)
    if kind in {"radios", "checkboxes", "date"}:
        return f"{bound_field.auto_id}_0"
    return bound_field.id_for_label or bound_field.auto_id


@register.filter
def hint_id(bound_field) -> str:
    return f"{bound_field.auto_id}-hint"


@register.filter
def error_id(bound_field) -> str:
    return f"{bound_field.auto_id}-error"


@register.filter
def described_by(bound_field) -> str:
    """The ids that aria-describedby names: the hint, then the error message."""
    ids = []
    if bound_field.help_text:
        ids.append(hint_id(bound_field))
    if bound_field.errors:
        ids.append(error_id(bound_field))
    return " ".join(ids)


@register.simple_tag
def govuk_control(bound_field, extra_classes="", **attrs):
    """The field's widget with GOV.UK's classes, its error modifier and aria-describedby."""
    base, error = CONTROL_CLASSES[field_kind(bound_field)]
    classes = [base, bound_field.field.widget.attrs.get("class", ""), extra_classes]
    if bound_field.errors:
        classes.append(error)
    widget_attrs = {"class": " ".join(c for c in classes if c)}
    if ids := described_by(bound_field):
        widget_attrs["aria-describedby"] = ids
    widget_attrs.update({name.replace("_", "-"): value for name, value in attrs.items()})
    return bound_field.as_widget(attrs=widget_attrs)


@register.filter
def date_inputs(bound_field) -> list[dict]:
    """The day, month and year inputs of a three-part date field."""
    widget = bound_field.field.widget
    if not is_date_inputs(widget):
        return []
    context = widget.get_context(
        bound_field.html_name, bound_field.value(), {"id": bound_field.auto_id}
    )
    parts = []
    for subwidget, (label, width) in zip(context["widget"]["subwidgets"], DATE_PARTS, strict=True):
        value = subwidget["value"]
        parts.append(
            {
                "id": subwidget["attrs"]["id"],
                "name": subwidget["name"],
                "value": "" if value is None else value,
                "label": label,
                "width_class": width,
            }
        )
    return parts
