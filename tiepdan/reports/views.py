"""Dashboards, periodic reports (request, progress, download) and the public statistics page."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.accounts.access import require, scoped
from tiepdan.accounts.models import User
from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reception import compliance
from tiepdan.reports import access, dashboard, public, services, tasks
from tiepdan.reports.forms import ReportForm, SettingsForm
from tiepdan.reports.models import GeneratedReport, ReportSettings
from tiepdan.web.actions import submit
from tiepdan.web.request import StaffRequest


def _user(request: StaffRequest) -> User:
    return request.user


def dashboard_view(request: StaffRequest) -> HttpResponse:
    user = _user(request)
    unit = access.get_unit_for(user, request.GET.get("unit"), access.VIEW_DASHBOARD)
    today = timezone.localdate()
    try:
        month = dashboard.month_window(request.GET.get("month"), today)
    except DomainError:
        month = dashboard.month_window(None, today)
    units = user.visible_units().filter(level__in=[OrgUnit.Level.PROVINCE, OrgUnit.Level.COMMUNE])
    context = {"unit": unit, "month": month, "units": units[:500]}
    if unit.level == OrgUnit.Level.PROVINCE:
        context["data"] = dashboard.province_month(unit, month, today)
        return render(request, "reports/dashboard_province.html", context)
    context["data"] = dashboard.ward_month(unit, month, today)
    context["links"] = dashboard.list_links(month)
    # Regulation 11 / Law on Citizen Reception Art. 15: warn the leader before the month runs short.
    context["warning"] = compliance.current_warning(user, today) if user.post else None
    return render(request, "reports/dashboard_ward.html", context)


def report_list(request: StaffRequest) -> HttpResponse:
    user = _user(request)
    require(user, access.MAKE_REPORTS)
    units = user.visible_units().filter(level__in=[OrgUnit.Level.PROVINCE, OrgUnit.Level.COMMUNE])
    form = ReportForm(request.POST or None, units=units, initial={"unit": user.unit_id})

    def request_report(data: dict[str, Any]) -> GeneratedReport:
        unit = data["unit"] or user.unit
        if unit is None:
            raise Http404
        return services.request_report(
            unit=unit, kind=data["kind"], period=data["period"], fmt=data["fmt"], actor=user
        )

    if request.method == "POST":
        report = submit(request, form, request_report).value
        if report is not None:
            transaction.on_commit(lambda: tasks.generate_report(report.pk))
            return redirect("reports:detail", pk=report.pk)
    reports = scoped(GeneratedReport.objects.select_related("unit", "requested_by"), user)[:50]
    return render(request, "reports/report_list.html", {"form": form, "reports": reports})


def report_settings(request: StaffRequest) -> HttpResponse:
    """The cut-off days of the user's unit (DOMAIN §11: configurable)."""
    user = _user(request)
    require(user, access.MANAGE_SETTINGS)
    if user.unit is None:
        raise Http404
    current = ReportSettings.objects.filter(unit=user.unit).first()
    form = SettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.save_settings(
            unit=user.unit,
            state_cutoff_day=form.cleaned_data["state_cutoff_day"],
            party_cutoff_day=form.cleaned_data["party_cutoff_day"],
        )
        messages.success(request, _("The cut-off days have been saved."))
        return redirect("reports:list")
    return render(request, "reports/settings.html", {"form": form, "unit": user.unit})


def report_detail(request: StaffRequest, pk: int) -> HttpResponse:
    report = access.get_report_for(_user(request), pk)
    return render(request, "reports/report_detail.html", {"report": report})


def report_status(request: StaffRequest, pk: int) -> JsonResponse:
    report = access.get_report_for(_user(request), pk)
    return JsonResponse(
        {"status": report.status, "progress": report.progress, "error": bool(report.error)}
    )


def report_download(request: StaffRequest, pk: int) -> HttpResponseBase:
    report = access.get_report_for(_user(request), pk)
    if report.status != GeneratedReport.Status.DONE or not report.file:
        return redirect("reports:detail", pk=report.pk)
    return FileResponse(report.file.open("rb"), as_attachment=True, filename=report.filename)


@login_not_required
def public_statistics(request: HttpRequest, code: str) -> HttpResponse:
    unit = get_object_or_404(OrgUnit.objects.current(), code=code)
    today = timezone.localdate()
    stats = public.unit_statistics(unit, today)
    return render(request, "reports/public_statistics.html", {"unit": unit, "stats": stats})
