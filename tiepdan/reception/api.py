"""/api/v1/reception: schedules and reception days (read; plan and publish for staff),
bookings, and the reception book. Thin: reception.access, then reception.services."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Path, Query, Router, Status

from tiepdan.accounts.access import require, scoped
from tiepdan.accounts.models import User
from tiepdan.integrations.pagination import newest_first
from tiepdan.integrations.schemas import ERRORS, MAX_ID
from tiepdan.reception.access import VIEW, get_day_for, get_entry_for
from tiepdan.reception.models import ReceptionDay, ReceptionEntry, ReceptionSchedule
from tiepdan.reception.schemas import (
    BookingIn,
    BookingOut,
    DayFilter,
    DayIn,
    DayOut,
    EntryFilter,
    EntryIn,
    EntryOut,
    EntryPageOut,
    ScheduleIn,
    ScheduleOut,
)
from tiepdan.reception.services import booking, schedule
from tiepdan.reception.services.book import EntryData, record_entry

router = Router(tags=["reception"])
DAY_DETAILS = ("starts_at", "ends_at", "place", "attendees", "topics", "capacity")
PathId = Path(..., ge=1, le=MAX_ID)  # type: ignore[call-overload]


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _ok(schema: Any, status: int = 200) -> dict[int, Any]:
    return {status: schema, **ERRORS}


def _own_unit(user: User) -> Any:
    if user.unit is None:
        raise Http404
    return user.unit


def _leader(user: User, leader_id: int) -> User:
    """A leader of the caller's units (the service checks the unit itself)."""
    leader = scoped(User.objects.filter(is_active=True, api_key__isnull=True), user).filter(
        pk=leader_id
    )
    found = leader.first()
    if found is None:
        raise Http404
    return found


@router.get("/reception/schedules", response=_ok(list[ScheduleOut]), summary="Schedules")
def list_schedules(request: HttpRequest) -> Any:
    user = _user(request)
    require(user, VIEW)
    return scoped(ReceptionSchedule.objects.select_related("leader"), user).order_by("id")[:500]


@router.post("/reception/schedules", response=_ok(ScheduleOut, 201), summary="New schedule")
def create_schedule(request: HttpRequest, payload: ScheduleIn) -> Status:
    user = _user(request)
    require(user, "reception.manage_schedule")
    details = schedule.DayDetails(**payload.dict(include=set(DAY_DETAILS)))
    created = schedule.create_schedule(
        unit=_own_unit(user),
        leader=_leader(user, payload.leader_id),
        weekday=payload.weekday,
        weeks_of_month=payload.weeks_of_month,
        details=details,
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
    )
    return Status(201, created)


@router.get("/reception/days", response=_ok(list[DayOut]), summary="Reception days")
def list_days(request: HttpRequest, filters: Query[DayFilter]) -> Any:
    user = _user(request)
    require(user, VIEW)
    days = ReceptionDay.objects.visible_to(user).select_related("leader")
    if filters.date_from:
        days = days.filter(on__gte=filters.date_from)
    if filters.date_to:
        days = days.filter(on__lte=filters.date_to)
    if filters.status:
        days = days.filter(status=filters.status)
    return days.order_by("on", "starts_at", "id")[:500]


@router.post("/reception/days", response=_ok(DayOut, 201), summary="Plan a day")
def create_day(request: HttpRequest, payload: DayIn) -> Status:
    user = _user(request)
    require(user, "reception.manage_schedule")
    day = schedule.create_day(
        unit=_own_unit(user),
        leader=_leader(user, payload.leader_id),
        on=payload.on,
        details=schedule.DayDetails(**payload.dict(include=set(DAY_DETAILS))),
        adhoc_reason=payload.adhoc_reason or "",
        adhoc_note=payload.adhoc_note,
        mode=payload.mode,
        today=timezone.localdate(),
    )
    return Status(201, day)


@router.get("/reception/days/{day_id}", response=_ok(DayOut), summary="One day")
def read_day(request: HttpRequest, day_id: int = PathId) -> ReceptionDay:
    return get_day_for(_user(request), day_id)


@router.post("/reception/days/{day_id}/publish", response=_ok(DayOut), summary="Publish")
def publish_day(request: HttpRequest, day_id: int = PathId) -> ReceptionDay:
    day = get_day_for(_user(request), day_id, write=True)
    return schedule.publish_day(day, today=timezone.localdate())


@router.get("/reception/days/{day_id}/bookings", response=_ok(list[BookingOut]), summary="Bookings")
def list_bookings(request: HttpRequest, day_id: int = PathId) -> Any:
    return get_day_for(_user(request), day_id).appointments.order_by("position")


@router.post(
    "/reception/days/{day_id}/bookings", response=_ok(BookingOut, 201), summary="Book a place"
)
def create_booking(request: HttpRequest, payload: BookingIn, day_id: int = PathId) -> Status:
    user = _user(request)
    require(user, "reception.record_entry")
    day = get_day_for(user, day_id)
    made = booking.book(day, **payload.dict(), today=timezone.localdate())
    return Status(201, made)


@router.get("/reception/entries", response=_ok(EntryPageOut), summary="The reception book")
def list_entries(request: HttpRequest, filters: Query[EntryFilter]) -> dict:
    user = _user(request)
    require(user, VIEW)
    entries = ReceptionEntry.objects.visible_to(user)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.route:
        entries = entries.filter(route=filters.route)
    if filters.date_from:
        entries = entries.filter(received_on__gte=filters.date_from)
    if filters.date_to:
        entries = entries.filter(received_on__lte=filters.date_to)
    page = newest_first(entries, "received_on", cursor=filters.cursor, limit=filters.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get("/reception/entries/{entry_id}", response=_ok(EntryOut), summary="One entry")
def read_entry(request: HttpRequest, entry_id: int = PathId) -> ReceptionEntry:
    return get_entry_for(_user(request), entry_id)


@router.post("/reception/entries", response=_ok(EntryOut, 201), summary="Record a visit")
def create_entry(request: HttpRequest, payload: EntryIn) -> Status:
    user = _user(request)
    require(user, "reception.record_entry")
    day = get_day_for(user, payload.day_id) if payload.day_id else None
    data = EntryData(
        **payload.dict(exclude={"day_id", "refusal_ground"}),
        refusal_ground=payload.refusal_ground or "",
        day=day,
    )
    entry = record_entry(_own_unit(user), data, actor=user)
    return Status(201, entry)
