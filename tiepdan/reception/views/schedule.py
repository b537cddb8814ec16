"""Staff pages for reception days: the work list, planning, publishing and the day's list."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.accounts.access import scoped
from tiepdan.accounts.models import User
from tiepdan.cases.identity import redact_entries
from tiepdan.lib.workdays import add_working_days
from tiepdan.reception import compliance, rules, services
from tiepdan.reception.access import get_appointment_for, get_day_for
from tiepdan.reception.forms import (
    DayForm,
    LinkTestForm,
    PostponeForm,
    ReasonForm,
    RecordingForm,
    ScheduleForm,
)
from tiepdan.reception.models import ReceptionDay, ReceptionEntry, RefusalNotice
from tiepdan.reception.services.schedule import DayDetails
from tiepdan.web.actions import perform, submit
from tiepdan.web.request import StaffRequest

VIEW = "reception.view_reception"
MANAGE = "reception.manage_schedule"


def _details(data: dict[str, Any]) -> DayDetails:
    return DayDetails(
        data["starts_at"],
        data["ends_at"],
        data["place"],
        data["attendees"],
        data["topics"],
        data["capacity"],
    )


def _redacted_notices(user: User, path: str, notices: Any) -> list[RefusalNotice]:
    notices = list(notices)
    redact_entries(user, [n.entry for n in notices], path)
    return notices


@permission_required(VIEW, raise_exception=True)
def home(request: StaffRequest) -> HttpResponse:
    """The reception work list: coming days, notices due and overdue, refusal notices due."""
    today = timezone.localdate()
    user = cast(User, request.user)
    entries = ReceptionEntry.objects.visible_to(user).select_related("unit")
    horizon = add_working_days(today, 3)
    path = request.get_full_path()
    context = {
        "today": today,
        "days": ReceptionDay.objects.visible_to(user)
        .active()
        .upcoming(today)
        .select_related("leader")[:10],
        "overdue": redact_entries(
            user, entries.notice_overdue(on=today).order_by("notify_by")[:50], path
        ),
        "due": redact_entries(
            user, entries.notice_due(on=today, until=horizon).order_by("notify_by")[:50], path
        ),
        "refusals": _redacted_notices(
            user,
            path,
            scoped(RefusalNotice.objects.filter(issued_on__isnull=True), user, "entry__unit")
            .select_related("entry")
            .order_by("due_on")[:20],
        ),
        "warning": compliance.current_warning(user, today) if user.post else None,
        "online": ReceptionDay.objects.visible_to(user)
        .active()
        .filter(mode=ReceptionDay.Mode.ONLINE)
        .filter(Q(on__gte=today, link_tested_on__isnull=True) | Q(on__lt=today, recording=""))
        .select_related("leader")
        .order_by("on")[:20],
    }
    return render(request, "reception/home.html", context)


@permission_required(VIEW, raise_exception=True)
def days(request: StaffRequest) -> HttpResponse:
    today = timezone.localdate()
    qs = (
        ReceptionDay.objects.visible_to(request.user)
        .filter(on__gte=today - timedelta(days=31))
        .select_related("leader")
        .annotate(booked=Count("appointments", filter=~Q(appointments__status="cancelled")))
        .order_by("on", "starts_at")
    )
    return render(request, "reception/days.html", {"days": qs[:200], "today": today})


@permission_required(MANAGE, raise_exception=True)
def day_create(request: StaffRequest) -> HttpResponse:
    unit = cast(User, request.user).unit
    if unit is None:
        raise PermissionDenied
    form = DayForm(request.POST or None, unit_id=getattr(unit, "pk", None))

    def plan(data: dict[str, Any]) -> ReceptionDay:
        return services.create_day(
            unit=unit,
            leader=data["leader"],
            on=data["on"],
            details=_details(data),
            adhoc_reason=data["adhoc_reason"],
            adhoc_note=data["adhoc_note"],
            mode=data["mode"],
            online_link=data["online_link"],
        )

    if request.method == "POST":
        day = submit(request, form, plan, success=_("The reception day has been planned.")).value
        if day is not None:
            return redirect(day)
    return render(
        request, "reception/form.html", {"form": form, "title": _("Plan a reception day")}
    )


@permission_required(MANAGE, raise_exception=True)
def schedule_create(request: StaffRequest) -> HttpResponse:
    unit = cast(User, request.user).unit
    if unit is None:
        raise PermissionDenied
    form = ScheduleForm(request.POST or None, unit_id=getattr(unit, "pk", None))

    def plan(data: dict[str, Any]) -> tuple[list[ReceptionDay], list[date]]:
        schedule = services.create_schedule(
            unit=unit,
            leader=data["leader"],
            weekday=data["weekday"],
            weeks_of_month=data["weeks_of_month"],
            details=_details(data),
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
        )
        return services.generate_days(
            schedule, start=data["valid_from"], end=data["generate_until"]
        )

    if request.method == "POST":
        planned = submit(request, form, plan).value
        if planned is not None:
            created, skipped = planned
            messages.success(
                request,
                _("%(created)s days planned; %(skipped)s dates skipped (days off or duplicates).")
                % {"created": len(created), "skipped": len(skipped)},
            )
            return redirect("reception:days")
    return render(
        request, "reception/form.html", {"form": form, "title": _("Recurring reception schedule")}
    )


@permission_required(VIEW, raise_exception=True)
def day_detail(request: StaffRequest, pk: int) -> HttpResponse:
    day = get_day_for(request.user, pk)
    context = {
        "day": day,
        "appointments": day.appointments.order_by("position"),
        "entries": redact_entries(
            request.user, day.entries.order_by("number"), request.get_full_path()
        ),
        "postpone_form": PostponeForm(),
        "link_form": LinkTestForm(initial={"on": timezone.localdate()}),
        "recording_form": RecordingForm(),
        "link_test_due": rules.link_test_due(day.on) if day.mode == "online" else None,
        "cancel_form": ReasonForm(),
        "today": timezone.localdate(),
    }
    return render(request, "reception/day.html", context)


@require_POST
def day_publish(request: StaffRequest, pk: int) -> HttpResponse:
    day = get_day_for(request.user, pk, write=True)
    perform(
        request,
        lambda: services.publish_day(day),
        success=_("The day is published on the public schedule."),
    )
    return redirect(day)


def _change(
    request: StaffRequest, pk: int, form_class: type[Form], template_title: str
) -> HttpResponse:
    day = get_day_for(request.user, pk, write=True)
    form = form_class(request.POST or None)

    def change(data: dict[str, Any]) -> ReceptionDay:
        if "new_on" in data:
            return services.postpone_day(
                day,
                new_on=data["new_on"],
                reason=data["reason"],
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
            )
        return services.cancel_day(day, reason=data["reason"])

    if request.method == "POST":
        target = submit(
            request, form, change, success=_("The change and its reason are published.")
        ).value
        if target is not None:
            return redirect(target)
    return render(
        request, "reception/form.html", {"form": form, "title": template_title, "day": day}
    )


def day_postpone(request: StaffRequest, pk: int) -> HttpResponse:
    return _change(request, pk, PostponeForm, _("Postpone the reception day"))


def day_cancel(request: StaffRequest, pk: int) -> HttpResponse:
    return _change(request, pk, ReasonForm, _("Cancel the reception day"))


@require_POST
def attendance(request: StaffRequest, pk: int) -> HttpResponse:
    appointment = get_appointment_for(request.user, pk)
    came = request.POST.get("came") == "1"
    perform(request, lambda: services.mark_attendance(appointment, came=came))
    return redirect(appointment.day)


def _online_action(
    request: StaffRequest, pk: int, form_class: type[Form], action: Any
) -> HttpResponse:
    day = get_day_for(request.user, pk, write=True)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        perform(request, lambda: action(day, form.cleaned_data), success=_("Saved."))
    return redirect(day)


@require_POST
def day_link_test(request: StaffRequest, pk: int) -> HttpResponse:
    return _online_action(
        request, pk, LinkTestForm, lambda d, data: services.record_link_test(d, on=data["on"])
    )


@require_POST
def day_recording(request: StaffRequest, pk: int) -> HttpResponse:
    return _online_action(
        request, pk, RecordingForm, lambda d, data: services.attach_recording(d, data["recording"])
    )


@require_POST
@permission_required(MANAGE, raise_exception=True)
def days_publish(request: StaffRequest) -> HttpResponse:
    """Publish every planned day of the next two months that is still in time."""
    today = timezone.localdate()
    days = ReceptionDay.objects.visible_to(request.user)
    published = services.publish_planned(days, until=today + timedelta(days=62), today=today)
    messages.success(
        request, _("%(count)s days published on the public schedule.") % {"count": len(published)}
    )
    return redirect("reception:days")
