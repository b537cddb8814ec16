"""A unit's own case settings, edited by its administrator: periods (with the legal default and
its source beside each), reminder lead time, the list of fields with default routing, and the
wording of each notice."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms import modelformset_factory
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiepdan.accounts.models import User
from tiepdan.cases import rules, services
from tiepdan.cases.documents import DEFAULTS
from tiepdan.cases.forms.staff import BootstrapMixin, choice
from tiepdan.cases.models.settings import CasePolicy, Field, NoticeTemplate
from tiepdan.orgunits.models import Department, OrgUnit


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


def _templates(unit: OrgUnit, data: Any = None) -> list[tuple[str, Any, TemplateForm]]:
    custom = {t.kind: t for t in NoticeTemplate.objects.filter(unit=unit)}
    out = []
    for kind, label in NoticeTemplate.Kind.choices:
        _doc, summary, body = DEFAULTS[kind]
        mine = custom.get(kind)
        initial = {
            "summary": mine.summary if mine else summary,
            "body": mine.body if mine else body,
        }
        out.append((kind, label, TemplateForm(data, prefix=f"t-{kind}", initial=initial)))
    return out


@permission_required("cases.manage_case_settings", raise_exception=True)
def case_settings(request: HttpRequest) -> HttpResponse:
    unit = request.user.unit  # type: ignore[union-attr]
    if unit is None:
        raise PermissionDenied
    services.ensure_fields(unit)
    policy, _created = CasePolicy.objects.get_or_create(unit=unit)
    data = request.POST or None
    periods = PeriodsForm(data, policy=policy, prefix="p")
    fields = FieldFormSet(
        data, queryset=Field.objects.filter(unit=unit), prefix="f", form_kwargs={"unit": unit}
    )
    templates = _templates(unit, data)
    valid = periods.is_valid() & fields.is_valid() & all(f.is_valid() for _k, _l, f in templates)
    if request.method == "POST" and valid:
        with transaction.atomic():
            services.save_policy(
                policy,
                reminder_working_days=periods.cleaned_data["reminder_working_days"],
                periods={k: v for k, v in periods.cleaned_data.items() if k in rules.PERIODS and v},
            )
            for form in fields.forms:
                if form.has_changed():
                    services.save_field(form.save(commit=False), unit=unit)
            for kind, _label, wording in templates:
                services.save_notice_template(unit, kind, **wording.cleaned_data)
        messages.success(request, _("Settings saved."))
        return redirect("cases:settings")
    context = {"periods": periods, "fields": fields, "templates": templates, "unit": unit}
    return render(request, "cases/settings.html", context)
