from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.lib.errors import DomainError
from tiepdan.targets.models import Programme, Target, UnitRating
from tiepdan.targets.periods import Period, parse_period
from tiepdan.web.forms import BootstrapMixin


class ResultForm(BootstrapMixin, forms.Form):
    period = forms.CharField(
        label=_("Period"),
        max_length=10,
        help_text=_("2026-01 for a month, 2026-Q1, 2026-H1 (six months), 2026-9M or 2026."),
    )
    value = forms.DecimalField(label=_("Result"), max_digits=18, decimal_places=4, min_value=0)
    previous = forms.DecimalField(
        label=_("Same period last year"),
        max_digits=18,
        decimal_places=4,
        min_value=0,
        required=False,
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)

    def clean_period(self) -> Period:
        try:
            return parse_period(self.cleaned_data["period"])
        except DomainError as error:
            raise forms.ValidationError(error.message) from error


class ProgrammeForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Programme
        fields = ["year", "title", "source"]


class TargetForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Target
        fields = [
            "code",
            "order",
            "name",
            "group",
            "measure",
            "plan",
            "direction",
            "decimals",
            "value_decimals",
            "change_decimals",
            "source",
            "builtin",
            "responsible",
        ]


class RatingForm(BootstrapMixin, forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    rating = forms.ChoiceField(label=_("Rating"), choices=UnitRating.Rating.choices)
    decided_by = forms.CharField(label=_("Decided by"), max_length=255, required=False)


class ImportForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))
