"""Forms for directives: shape of the input only; the rules live in services."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.accounts.models import User
from tiepdan.directives.models import Directive
from tiepdan.orgunits.models import Department, OrgUnit
from tiepdan.web.forms import BootstrapMixin

EVIDENCE_TYPES = ".pdf,.docx,.xlsx,.jpg,.jpeg,.png"


def _evidence_field(required: bool) -> forms.FileField:
    return forms.FileField(
        label=_("Evidence (report, minutes, photo)"),
        required=required,
        widget=forms.ClearableFileInput(attrs={"accept": EVIDENCE_TYPES, "class": "form-control"}),
    )


class DirectiveForm(BootstrapMixin, forms.Form):
    title = forms.CharField(label=_("Directive"), max_length=300)
    content = forms.CharField(
        label=pgettext_lazy("directive", "Details"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    source_kind = forms.ChoiceField(
        label=_("Given at"),
        choices=Directive.SourceKind.choices,
        initial=Directive.SourceKind.WORK_MEETING,
    )
    source_label = forms.CharField(
        label=_("Meeting or session"),
        max_length=300,
        required=False,
        help_text=_("E.g. the work meeting of 20/11/2026 with the Party Committee Standing Board."),
    )
    issued_on = forms.DateField(
        label=pgettext_lazy("directive", "Issued on"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    owner_department = forms.ModelChoiceField(
        label=pgettext_lazy("directive", "Owner department"),
        queryset=Department.objects.none(),
        required=False,
    )
    owner_user = forms.ModelChoiceField(
        label=pgettext_lazy("directive", "Owner officer"),
        queryset=User.objects.none(),
        required=False,
    )
    due_in_working_days = forms.IntegerField(
        label=_("Deadline in working days"), min_value=1, max_value=250, required=False
    )
    due_on = forms.DateField(
        label=_("or deadline date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        departments = cast(forms.ModelChoiceField, self.fields["owner_department"])
        departments.queryset = Department.objects.filter(unit=unit, is_active=True)
        officers = cast(forms.ModelChoiceField, self.fields["owner_user"])
        officers.queryset = (
            User.objects.people().filter(unit=unit, is_active=True).order_by("first_name")
        )


class ProgressForm(forms.Form):
    percent = forms.IntegerField(
        label=_("Percent done"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
    )
    note = forms.CharField(
        label=_("What has been done"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )
    # Size and type by content, pictures without EXIF: services.clean_evidence (page and API).
    evidence = _evidence_field(required=False)


class CompleteForm(forms.Form):
    note = forms.CharField(
        label=pgettext_lazy("directive", "Result"),
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
        required=False,
    )
    evidence = _evidence_field(required=True)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"}),
    )
