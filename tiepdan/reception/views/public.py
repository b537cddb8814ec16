"""Public pages: the reception schedule of a unit, its calendar feeds, booking and cancelling."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tiepdan.accounts.models import User
from tiepdan.lib.errors import DomainError
from tiepdan.lib.ids import mask_phone
from tiepdan.orgunits.models import OrgUnit
from tiepdan.privacy.consent import record_consent
from tiepdan.privacy.models import Consent
from tiepdan.reception import feeds, services
from tiepdan.reception.forms import BookingForm, CancelBookingForm
from tiepdan.reception.models import Appointment, ReceptionDay
from tiepdan.reception.services.booking import normalize_code
from tiepdan.web import ratelimit

BOOKINGS_PER_HOUR = 5
CANCELS_PER_HOUR = 20


def _unit(code: str) -> OrgUnit:
    return get_object_or_404(OrgUnit.objects.current().communes(), code=code)


def _public_days(unit: OrgUnit) -> QuerySet[ReceptionDay]:
    today = timezone.localdate()
    return (
        ReceptionDay.objects.public()
        .filter(unit=unit, on__gte=today)
        .select_related("leader", "replaced_by")
        .annotate(booked=Count("appointments", filter=~Q(appointments__status="cancelled")))
        .order_by("on", "starts_at")
    )


@login_not_required
def index(request: HttpRequest) -> HttpResponse:
    communes = OrgUnit.objects.current().communes().select_related("parent").order_by("name")
    return render(request, "reception/public_index.html", {"communes": communes})


@login_not_required
def schedule(request: HttpRequest, code: str) -> HttpResponse:
    unit = _unit(code)
    days = list(_public_days(unit))
    leaders = User.objects.filter(pk__in={d.leader_id for d in days}).order_by("post")
    feed_url = request.build_absolute_uri(reverse("reception:unit_feed", args=[unit.code]))
    return render(
        request,
        "reception/public_schedule.html",
        {
            "unit": unit,
            "days": days,
            "leaders": leaders,
            "feed_url": feed_url,
            "notices": [d for d in days if d.is_withdrawn],
        },
    )


def _ics(name: str, days: object, request: HttpRequest, filename: str) -> HttpResponse:
    base = request.build_absolute_uri(reverse("reception:index"))
    body = feeds.build_calendar(name, days, base)  # type: ignore[arg-type]
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def _feed_days(**filters: object) -> object:
    since = timezone.localdate().replace(day=1)
    return (
        ReceptionDay.objects.public()
        .filter(on__gte=since, **filters)
        .select_related("leader", "unit", "replaced_by")
        .order_by("on", "starts_at")
    )


@login_not_required
def unit_feed(request: HttpRequest, code: str) -> HttpResponse:
    unit = _unit(code)
    return _ics(
        f"Lịch tiếp công dân - {unit.name}",
        _feed_days(unit=unit),
        request,
        f"tiep-cong-dan-{code}.ics",
    )


@login_not_required
def leader_feed(request: HttpRequest, code: str, leader_id: int) -> HttpResponse:
    unit = _unit(code)
    leader = get_object_or_404(User, pk=leader_id, unit=unit)
    return _ics(
        f"Lịch tiếp công dân - {leader}",
        _feed_days(unit=unit, leader=leader),
        request,
        f"tiep-cong-dan-{code}-{leader_id}.ics",
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, day_id: int) -> HttpResponse:
    day = get_object_or_404(
        ReceptionDay.objects.public().select_related("leader", "unit"), pk=day_id
    )
    form = BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.allow(request, "book", limit=BOOKINGS_PER_HOUR, window_seconds=3600):
            form.add_error(None, _("Too many bookings from this connection; try again in an hour."))
        else:
            details = {k: v for k, v in form.cleaned_data.items() if k != "consent"}
            try:
                appointment = services.book(
                    day,
                    **details,
                    # Law 91/2025: the proof of consent is kept with the booking, or neither is.
                    on_created=lambda made: record_consent(Consent.Form.BOOKING, made.pk, day.unit),
                )
            except DomainError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                return redirect("reception:booking", code=appointment.code)
    return render(request, "reception/public_book.html", {"day": day, "form": form})


@login_not_required
def booking(request: HttpRequest, code: str) -> HttpResponse:
    appointment = get_object_or_404(
        Appointment.objects.select_related("day__leader", "day__unit"), code=normalize_code(code)
    )
    return render(
        request,
        "reception/public_booking.html",
        {"appointment": appointment, "masked_phone": mask_phone(appointment.phone)},
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def cancel(request: HttpRequest) -> HttpResponse:
    form = CancelBookingForm(request.POST or request.GET or None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.allow(request, "cancel", limit=CANCELS_PER_HOUR, window_seconds=3600):
            form.add_error(None, _("Too many attempts from this connection; try again in an hour."))
        else:
            try:
                appointment = services.cancel_booking(form.cleaned_data["code"])
            except DomainError as error:
                form.add_error("code", error.message)
            else:
                return redirect("reception:booking", code=appointment.code)
    return render(request, "reception/public_cancel.html", {"form": form})
