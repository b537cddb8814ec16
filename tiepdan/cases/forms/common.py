"""What the case forms share: the citizen's fields, a unit's field list, files, a reason."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tiepdan.cases.models.settings import Field
from tiepdan.cases.services.settings import unit_fields
from tiepdan.citizens.models import Citizen
from tiepdan.lib.ids import normalize_phone
from tiepdan.lib.uploads import MAX_FILES
from tiepdan.orgunits.models import OrgUnit
from tiepdan.web.forms import BootstrapMixin

MAX_CONTENT = 10_000


def choice(form: forms.BaseForm, name: str) -> Any:
    """A choice field of `form`, to set its queryset or choices for the user's unit."""
    return form.fields[name]


class UnitFieldChoice(forms.ChoiceField):
    """One of a unit's fields, chosen by code; cleans to the `Field` or None.

    Listed from `unit_fields`, so a new unit's form shows the default list without saving it
    on GET; the intake saves the defaults and picks the row with the chosen code.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=(), **kwargs)
        self.by_code: dict[str, Field] = {}

    def list_fields_of(self, unit: OrgUnit) -> None:
        self.by_code = {f.code: f for f in unit_fields(unit)}
        self.choices = [("", "---------"), *((f.code, f.name) for f in self.by_code.values())]

    def clean(self, value: Any) -> Field | None:
        code = super().clean(value)
        return self.by_code.get(code) if code else None


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        single = super().clean
        if isinstance(data, list | tuple):
            files = [single(d, initial) for d in data if d]
        else:
            files = [single(data, initial)] if data else []
        if len(files) > MAX_FILES:
            raise ValidationError(_("Attach at most %(count)s files."), params={"count": MAX_FILES})
        return files


class CitizenFieldsMixin(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)

    def clean_phone(self) -> str:
        raw = self.cleaned_data.get("phone", "").strip()
        return normalize_phone(raw) if raw else ""

    def citizen(self) -> Citizen | None:
        data = self.cleaned_data
        if not data.get("full_name"):
            return None
        return Citizen(
            full_name=data["full_name"].strip(),
            id_kind=data.get("id_kind") or Citizen.IdKind.NONE,
            id_number=data.get("id_number", ""),
            phone=data.get("phone", ""),
            email=data.get("email", ""),
            address=data.get("address", ""),
        )


class ReasonForm(BootstrapMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()
