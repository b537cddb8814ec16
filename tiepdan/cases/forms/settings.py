"""Forms of a unit's own case settings: periods and reminders, fields, notice wording."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiepdan.accounts.models import User
from tiepdan.cases import rules
from tiepdan.cases.forms.common import choice
from tiepdan.cases.models import CasePolicy, Field
from tiepdan.orgunits.models import Department, OrgUnit
from tiepdan.web.forms import BootstrapMixin


class PeriodsForm(BootstrapMixin, forms.Form):
    reminder_working_days = forms.IntegerField(
        label=gettext_lazy("Remind this many working days before a due date"),
        min_value=0,
        max_value=20,
    )

    def __init__(self, *args: Any, policy: CasePolicy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reminder_working_days"].initial = policy.reminder_working_days
        for key, period in rules.PERIODS.items():
            unit = _("working days") if period.working else _("days")
            self.fields[key] = forms.IntegerField(
                label=str(period.label),
                required=False,
                min_value=1,
                max_value=365,
                initial=policy.periods.get(key),
                help_text=_("By law: %(days)s %(unit)s (%(source)s). Leave empty to use it.")
                % {"days": period.days, "unit": unit, "source": period.source},
            )
        self.style()


class FieldForm(BootstrapMixin, forms.ModelForm):
    class Meta:
        model = Field
        fields = ["name", "default_department", "default_assignee", "answer_template", "is_active"]
        widgets = {"answer_template": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, unit: OrgUnit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice(self, "default_department").queryset = Department.objects.filter(unit=unit)
        choice(self, "default_assignee").queryset = User.objects.people().filter(
            unit=unit, is_active=True
        )
        self.style()


class TemplateForm(BootstrapMixin, forms.Form):
    summary = forms.CharField(label=gettext_lazy("Summary line"), max_length=200)
    body = forms.CharField(label=gettext_lazy("Body"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()


FieldFormSet = modelformset_factory(Field, form=FieldForm, extra=1, can_delete=False)
