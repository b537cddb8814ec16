"""The citizens' forms: the online petition, tracking by code, rating an answer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.cases.forms.common import (
    MAX_CONTENT,
    CitizenFieldsMixin,
    MultipleFileField,
    UnitFieldChoice,
    choice,
)
from tiepdan.cases.rules import Kind
from tiepdan.orgunits.models import OrgUnit
from tiepdan.privacy.consent import ConsentMixin
from tiepdan.web.forms import BootstrapMixin


class PublicCaseForm(BootstrapMixin, ConsentMixin, CitizenFieldsMixin):
    """The online form: what the citizen raises, optional place and files, how to reach them."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    kind = forms.ChoiceField(label=_("What are you sending?"), choices=Kind.choices)
    field = UnitFieldChoice(label=_("Field"), required=False)
    subject = forms.CharField(label=pgettext_lazy("case", "Subject"), max_length=300)
    content = forms.CharField(
        label=_("Content"),
        max_length=MAX_CONTENT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Up to 10,000 characters."),
    )
    location_text = forms.CharField(
        label=_("Place (street, house number)"), max_length=300, required=False
    )
    attachments = MultipleFileField(
        label=_("Photos or PDF files"),
        required=False,
        help_text=_("Up to 5 files of at most 10 MB each: JPEG, PNG, WebP or PDF."),
    )

    def __init__(self, *args: Any, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice(self, "field").list_fields_of(unit)
        self.fields["full_name"].help_text = _("Leave empty to send feedback without your name.")
        self.style()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") in (Kind.COMPLAINT, Kind.DENUNCIATION) and not data.get("full_name"):
            self.add_error(
                "full_name", _("A complaint or denunciation must give the sender's name.")
            )
        return data


class RateForm(BootstrapMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer?"),
        coerce=int,
        choices=[(i, "★" * i) for i in range(5, 0, -1)],
    )
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()


class TrackForm(BootstrapMixin, forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=20)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()
