"""A unit's own case settings, edited by its administrator: periods (with the legal default and
its source beside each), reminder lead time, the list of fields with default routing, and the
wording of each notice."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tiepdan.cases import rules, services
from tiepdan.cases.documents import DEFAULTS
from tiepdan.cases.forms.settings import FieldFormSet, PeriodsForm, TemplateForm
from tiepdan.cases.models.settings import CasePolicy, Field, NoticeTemplate
from tiepdan.orgunits.models import OrgUnit
from tiepdan.web.request import StaffRequest


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
def case_settings(request: StaffRequest) -> HttpResponse:
    unit = request.user.unit
    if unit is None:
        raise PermissionDenied
    # Read only: a new unit's policy and default fields are saved by its first POST below.
    policy = CasePolicy.objects.filter(unit=unit).first() or CasePolicy(unit=unit)
    data = request.POST or None
    periods = PeriodsForm(data, policy=policy, prefix="p")
    fields = FieldFormSet(
        data, queryset=Field.objects.filter(unit=unit), prefix="f", form_kwargs={"unit": unit}
    )
    templates = _templates(unit, data)
    valid = periods.is_valid() & fields.is_valid() & all(f.is_valid() for _k, _l, f in templates)
    if request.method == "POST" and valid:
        with transaction.atomic():
            services.ensure_fields(unit)
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
