"""The unit administrator's page: one year's calendar and the announced days to add or remove."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.lib.workdays import installed_calendar
from tiepdan.web.actions import submit
from tiepdan.web.request import StaffRequest
from tiepdan.workcalendar import rules, services
from tiepdan.workcalendar.access import get_holiday_for, require_calendar_manager
from tiepdan.workcalendar.forms import HolidayForm
from tiepdan.workcalendar.grid import year_context
from tiepdan.workcalendar.models import Holiday


def year(request: StaffRequest, year: int | None = None) -> HttpResponse:
    """Show a year's calendar; a POST adds an announced day."""
    require_calendar_manager(request.user)
    today = timezone.localdate()
    year = today.year if year is None else year
    if not rules.FIRST_YEAR <= year <= rules.LAST_YEAR:
        raise Http404
    form = HolidayForm(request.POST or None)
    if request.method == "POST":
        holiday = submit(
            request,
            form,
            lambda data: services.add_holiday(
                on=data["date"],
                kind=data["kind"],
                name=data["name"],
                source=data["source"],
                actor=request.user,
            ),
        ).value
        if holiday is not None:
            messages.success(request, _("Added %(day)s: %(name)s.") % _describe(holiday))
            return redirect("workcalendar:year", year=holiday.date.year)
    context = year_context(year, installed_calendar(), get_language() or "vi")
    context.update(
        form=form,
        today=today,
        previous_year=year - 1 if year > rules.FIRST_YEAR else None,
        next_year=year + 1 if year < rules.LAST_YEAR else None,
    )
    return render(request, "workcalendar/year.html", context)


def edit(request: StaffRequest, pk: int) -> HttpResponse:
    """Change an announced day."""
    holiday = get_holiday_for(request.user, pk, write=True)
    initial = {f: getattr(holiday, f) for f in ("date", "kind", "name", "source")}
    form = HolidayForm(request.POST or None, initial=initial)
    if request.method == "POST":
        saved = submit(
            request,
            form,
            lambda data: services.update_holiday(
                holiday,
                on=data["date"],
                kind=data["kind"],
                name=data["name"],
                source=data["source"],
                actor=request.user,
            ),
        )
        if saved.ok:
            messages.success(request, _("Changed %(day)s: %(name)s.") % _describe(holiday))
            return redirect("workcalendar:year", year=holiday.date.year)
    return render(request, "workcalendar/edit.html", {"form": form, "holiday": holiday})


@require_POST
def delete(request: StaffRequest, pk: int) -> HttpResponse:
    """Remove an announced day."""
    holiday = get_holiday_for(request.user, pk, write=True)
    description = _describe(holiday)
    services.delete_holiday(holiday, actor=request.user)
    messages.success(request, _("Removed %(day)s: %(name)s.") % description)
    return redirect("workcalendar:year", year=holiday.date.year)


def _describe(holiday: Holiday) -> dict[str, str]:
    return {"day": date_format(holiday.date, "d/m/Y"), "name": holiday.name}
