"""What every HTML form of the site shares: Bootstrap's classes on its widgets."""

from __future__ import annotations

from typing import Any

from django import forms

#: Lists of radio buttons or check boxes are drawn option by option by the template.
CHOICE_LISTS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


class BootstrapMixin:
    """Give each widget Bootstrap's class when the form is built (and again by `style()` after
    a form adds fields of its own); a class set on the widget itself is kept."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        self.style()

    def style(self) -> None:
        for field in self.fields.values():  # type: ignore[attr-defined]
            css = widget_class(field.widget)
            if css:
                field.widget.attrs.setdefault("class", css)


def widget_class(widget: forms.Widget) -> str:
    """Bootstrap's class for one widget ("" for a list of options)."""
    if isinstance(widget, CHOICE_LISTS):
        return ""
    if isinstance(widget, forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"
