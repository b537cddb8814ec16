from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.lib.errors import DomainError
from tiepdan.workcalendar import rules
from tiepdan.workcalendar.models import Holiday


class HolidayForm(forms.Form):
    """An announced day: its date, whether it is off or worked, a name and the notice's number."""

    date = forms.DateField(
        label=_("Date"),
        input_formats=["%Y-%m-%d", "%d/%m/%Y"],
        error_messages={"invalid": _("Enter a date such as 10/01/2026.")},
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d"),
    )
    kind = forms.ChoiceField(
        label=pgettext_lazy("calendar day", "Kind"),
        choices=Holiday.Kind.choices,
        error_messages={
            "invalid_choice": _("Choose whether the day is a day off or a working day."),
        },
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        widget=forms.TextInput(
            attrs={"class": "form-control", "placeholder": _("e.g. Nghỉ Tết Dương lịch")}
        ),
    )
    source = forms.CharField(
        label=_("Source (notice number)"),
        max_length=100,
        widget=forms.TextInput(attrs={"class": "form-control", "placeholder": "12729/VPCP-KGVX"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        on, kind = data.get("date"), data.get("kind")
        if on and kind:
            try:
                rules.check_announced_day(on, makeup=kind == Holiday.Kind.MAKEUP)
            except DomainError as exc:
                self.add_error(exc.field, exc.message)
        return data
