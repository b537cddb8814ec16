"""Bootstrap 5 classes for Django form widgets, so `includes/field.html` fits every form."""

from __future__ import annotations

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def widget_kind(field: BoundField) -> str:
    """Name how the field is drawn: checkbox, choices (radio/checkbox list), select or input."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "choices"
    if isinstance(widget, forms.Select):
        return "select"
    return "input"


@register.filter
def bootstrap(field: BoundField) -> SafeString:
    """Render the widget with Bootstrap's class, marked invalid when the field has errors."""
    kind = widget_kind(field)
    css = {"checkbox": "form-check-input", "select": "form-select"}.get(kind, "form-control")
    existing = field.field.widget.attrs.get("class", "")
    classes = " ".join(c for c in (existing, css, "is-invalid" if field.errors else "") if c)
    attrs: dict[str, str | bool] = {"class": classes}
    if field.help_text:
        attrs["aria-describedby"] = f"{field.auto_id}_help"
    return field.as_widget(attrs=attrs)
