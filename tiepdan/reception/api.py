"""/api/v1/reception: schedules and reception days (read; plan and publish for staff),
bookings, and the reception book. Thin: reception.access, then reception.services."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status

from tiepdan.accounts.access import own_unit, person_in_scope, require, scoped
from tiepdan.accounts.models import User
from tiepdan.api.pagination import newest_first
from tiepdan.api.routing import PathId, caller, ok
from tiepdan.reception.access import VIEW, get_day_for, get_entry_for
from tiepdan.reception.models import ReceptionDay, ReceptionEntry, ReceptionSchedule
from tiepdan.reception.schemas import (
    BookingIn,
    BookingListOut,
    BookingOut,
    CancelIn,
    DayFilter,
    DayIn,
    DayOut,
    EntryFilter,
    EntryIn,
    EntryOut,
    EntryPageOut,
    PostponeIn,
    ScheduleIn,
    ScheduleOut,
)
from tiepdan.reception.services import booking, schedule
from tiepdan.reception.services.book import EntryData, record_entry

router = Router(tags=["reception"])
DAY_DETAILS = ("starts_at", "ends_at", "place", "attendees", "topics", "capacity")


def _leader(user: User, leader_id: int) -> User:
    """A leader of the caller's units (the service checks the unit itself)."""
    return person_in_scope(user, leader_id)  # type: ignore[return-value]


@router.get("/reception/schedules", response=ok(list[ScheduleOut]), summary="Schedules")
def list_schedules(request: HttpRequest) -> Any:
    user = caller(request)
    require(user, VIEW)
    return scoped(ReceptionSchedule.objects.select_related("leader"), user).order_by("id")[:500]


@router.post("/reception/schedules", response=ok(ScheduleOut, 201), summary="New schedule")
def create_schedule(request: HttpRequest, payload: ScheduleIn) -> Status:
    user = caller(request)
    require(user, "reception.manage_schedule")
    details = schedule.DayDetails(**payload.dict(include=set(DAY_DETAILS)))
    created = schedule.create_schedule(
        unit=own_unit(user),
        leader=_leader(user, payload.leader_id),
        weekday=payload.weekday,
        weeks_of_month=payload.weeks_of_month,
        details=details,
        valid_from=payload.valid_from,
        valid_until=payload.valid_until,
    )
    return Status(201, created)


@router.get("/reception/days", response=ok(list[DayOut]), summary="Reception days")
def list_days(request: HttpRequest, filters: Query[DayFilter]) -> Any:
    user = caller(request)
    require(user, VIEW)
    days = ReceptionDay.objects.visible_to(user).select_related("leader")
    if filters.date_from:
        days = days.filter(on__gte=filters.date_from)
    if filters.date_to:
        days = days.filter(on__lte=filters.date_to)
    if filters.status:
        days = days.filter(status=filters.status)
    return days.order_by("on", "starts_at", "id")[:500]


@router.post("/reception/days", response=ok(DayOut, 201), summary="Plan a day")
def create_day(request: HttpRequest, payload: DayIn) -> Status:
    user = caller(request)
    require(user, "reception.manage_schedule")
    day = schedule.create_day(
        unit=own_unit(user),
        leader=_leader(user, payload.leader_id),
        on=payload.on,
        details=schedule.DayDetails(**payload.dict(include=set(DAY_DETAILS))),
        adhoc_reason=payload.adhoc_reason or "",
        adhoc_note=payload.adhoc_note,
        mode=payload.mode,
        today=timezone.localdate(),
    )
    return Status(201, day)


@router.get("/reception/days/{day_id}", response=ok(DayOut), summary="One day")
def read_day(request: HttpRequest, day_id: int = PathId) -> ReceptionDay:
    return get_day_for(caller(request), day_id)


@router.post("/reception/days/{day_id}/publish", response=ok(DayOut), summary="Publish")
def publish_day(request: HttpRequest, day_id: int = PathId) -> ReceptionDay:
    day = get_day_for(caller(request), day_id, write=True)
    return schedule.publish_day(day, today=timezone.localdate())


@router.post(
    "/reception/days/{day_id}/postpone", response=ok(DayOut), summary="Postpone, with notice"
)
def postpone_day(request: HttpRequest, payload: PostponeIn, day_id: int = PathId) -> Any:
    """The new day is returned; the old one stays, marked postponed, with the public notice."""
    day = get_day_for(caller(request), day_id, write=True)
    return schedule.postpone_day(day, **payload.dict(), today=timezone.localdate())


@router.post("/reception/days/{day_id}/cancel", response=ok(DayOut), summary="Cancel a day")
def cancel_day(request: HttpRequest, payload: CancelIn, day_id: int = PathId) -> ReceptionDay:
    day = get_day_for(caller(request), day_id, write=True)
    return schedule.cancel_day(day, reason=payload.reason)


@router.get(
    "/reception/days/{day_id}/bookings", response=ok(list[BookingListOut]), summary="Bookings"
)
def list_bookings(request: HttpRequest, day_id: int = PathId) -> Any:
    return get_day_for(caller(request), day_id).appointments.order_by("position")


@router.post(
    "/reception/days/{day_id}/bookings", response=ok(BookingOut, 201), summary="Book a place"
)
def create_booking(request: HttpRequest, payload: BookingIn, day_id: int = PathId) -> Status:
    user = caller(request)
    require(user, "reception.record_entry")
    day = get_day_for(user, day_id)
    made = booking.book(day, **payload.dict(), today=timezone.localdate())
    return Status(201, made)


@router.get("/reception/entries", response=ok(EntryPageOut), summary="The reception book")
def list_entries(request: HttpRequest, filters: Query[EntryFilter]) -> dict:
    user = caller(request)
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


@router.get("/reception/entries/{entry_id}", response=ok(EntryOut), summary="One entry")
def read_entry(request: HttpRequest, entry_id: int = PathId) -> ReceptionEntry:
    return get_entry_for(caller(request), entry_id)


@router.post("/reception/entries", response=ok(EntryOut, 201), summary="Record a visit")
def create_entry(request: HttpRequest, payload: EntryIn) -> Status:
    user = caller(request)
    require(user, "reception.record_entry")
    day = get_day_for(user, payload.day_id) if payload.day_id else None
    data = EntryData(
        **payload.dict(exclude={"day_id", "refusal_ground"}),
        refusal_ground=payload.refusal_ground or "",
        day=day,
    )
    entry = record_entry(own_unit(user), data, actor=user)
    return Status(201, entry)
