"""Forms of the published answers: the leader's publishing form and the public list's filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.cases.models import Field
from tiepdan.orgunits.models import OrgUnit
from tiepdan.web.forms import BootstrapMixin


class PublishForm(BootstrapMixin, forms.Form):
    subject = forms.CharField(label=_("Public subject"), max_length=300)
    answer = forms.CharField(
        label=_("Public answer"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "What anyone may read. No names, addresses, phone, ID or e-mail of citizens: "
            "what looked like personal data has been replaced by ***."
        ),
    )
    despite_warnings = forms.BooleanField(
        label=_("The flagged items are not personal data (e.g. the ward's own hotline)"),
        required=False,
    )
    confirmed = forms.BooleanField(
        label=_("I have read the text: it identifies nobody and may be published"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()


class PublishedFilter(BootstrapMixin, forms.Form):
    q = forms.CharField(
        label=pgettext_lazy("published answers", "Search"), max_length=200, required=False
    )
    field = forms.ModelChoiceField(
        label=_("Field"), queryset=Field.objects.none(), required=False, empty_label=_("All fields")
    )

    def __init__(self, *args: Any, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = Field.objects.filter(  # type: ignore[attr-defined]
            unit=unit, is_active=True
        ).order_by("position", "name")
        self.style()
