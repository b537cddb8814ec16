from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports.models import GeneratedReport, ReportSettings
from tiepdan.web.forms import BootstrapMixin


class SettingsForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = ReportSettings
        fields = ["state_cutoff_day", "party_cutoff_day"]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


class ReportForm(BootstrapMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Report"), choices=GeneratedReport.Kind.choices)
    period = forms.CharField(
        label=_("Period"),
        max_length=10,
        help_text=_("2026-01 (month, Party reports only), 2026-Q1, 2026-H1, 2026-9M or 2026."),
    )
    fmt = forms.ChoiceField(label=_("Format"), choices=GeneratedReport.Format.choices)
    unit: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Unit"), queryset=OrgUnit.objects.none(), required=False
    )

    def __init__(self, *args: object, units: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["unit"].queryset = units  # type: ignore[attr-defined]
