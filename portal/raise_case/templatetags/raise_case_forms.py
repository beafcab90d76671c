"""Template helpers for the journey's pages: radios and checkboxes with hints and conditionally
revealed questions, which the shared field partial does not draw."""

from django import forms, template

register = template.Library()


@register.filter
def choice_items(bound_field) -> list[dict]:
    """Each option of a radio or checkbox field, with its hint and the bound fields revealed
    under it (from the form's `option_hints` and `conditionals`)."""
    form = bound_field.form
    hints = getattr(form, "option_hints", {}).get(bound_field.name, {})
    revealed = getattr(form, "conditionals", {}).get(bound_field.name, {})
    items = []
    for option in bound_field.subwidgets:
        value = str(option.data["value"])
        item_id = option.id_for_label
        items.append(
            {
                "id": item_id,
                "name": option.data["name"],
                "type": option.data["type"],
                "value": value,
                "label": option.choice_label,
                "checked": option.data["selected"],
                "hint": hints.get(value, ""),
                "hint_id": f"{item_id}-item-hint",
                "conditional_id": f"conditional-{item_id}",
                "conditional": [
                    form[name] for name in revealed.get(value, ()) if name in form.fields
                ],
            }
        )
    return items


@register.filter
def choice_class(bound_field) -> str:
    """The GOV.UK component's class: govuk-checkboxes or govuk-radios."""
    if isinstance(bound_field.field.widget, forms.CheckboxSelectMultiple):
        return "govuk-checkboxes"
    return "govuk-radios"
