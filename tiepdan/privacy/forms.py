from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.orgunits.models import OrgUnit
from tiepdan.privacy.consent import ConsentMixin
from tiepdan.privacy.models import DataSubjectRequest


class RequestFieldsForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you ask?"),
        choices=DataSubjectRequest.Kind.choices,
        widget=forms.RadioSelect,
    )
    requester = forms.CharField(label=_("Full name"), max_length=200)
    contact = forms.CharField(
        label=_("Phone or e-mail for the reply"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "tel email"}),
    )
    details = forms.CharField(
        label=_("Details (which record, what to correct…)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class PublicRequestForm(ConsentMixin, RequestFieldsForm):
    """A citizen's request about their personal data, to the ward that holds it."""

    unit = forms.ModelChoiceField(
        label=_("Ward or commune that holds your data"), queryset=OrgUnit.objects.none()
    )

    field_order = ["unit", "kind", "requester", "contact", "details", "consent"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = OrgUnit.objects.current().communes().select_related("parent").order_by("name")
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["unit"].label_from_instance = (  # type: ignore[attr-defined]
            lambda u: f"{u.name}, {u.parent.name}" if u.parent else u.name
        )


class StaffRequestForm(RequestFieldsForm):
    """A request received at the office, by post or by phone, logged by staff."""

    channel = forms.ChoiceField(label=_("Received by"), choices=DataSubjectRequest.Channel.choices)
    field_order = ["channel", "kind", "requester", "contact", "details"]


class CloseRequestForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[("", "—"), *DataSubjectRequest.Outcome.choices]
    )
    outcome_note = forms.CharField(
        label=_("What was done"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
