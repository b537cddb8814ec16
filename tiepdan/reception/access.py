"""The one door to reception records: out of scope → 404, missing capability → 403."""

from __future__ import annotations

from django.http import Http404

from tiepdan.accounts.access import get_in_scope
from tiepdan.accounts.models import User
from tiepdan.reception.models import (
    Appointment,
    LeaderSession,
    ReceptionDay,
    ReceptionEntry,
    ReceptionSchedule,
)

VIEW = "reception.view_reception"


def get_day_for(user: User, pk: object, *, write: bool = False) -> ReceptionDay:
    return get_in_scope(
        ReceptionDay.objects.select_related("leader", "unit"),
        user,
        pk,
        read=VIEW,
        write="reception.manage_schedule",
        for_write=write,
    )


def get_schedule_for(user: User, pk: object, *, write: bool = False) -> ReceptionSchedule:
    return get_in_scope(
        ReceptionSchedule.objects.select_related("leader", "unit"),
        user,
        pk,
        read=VIEW,
        write="reception.manage_schedule",
        for_write=write,
    )


def get_entry_for(user: User, pk: object, *, write: bool = False) -> ReceptionEntry:
    return get_in_scope(
        ReceptionEntry.objects.select_related("unit", "day", "received_by"),
        user,
        pk,
        read=VIEW,
        write="reception.record_entry",
        for_write=write,
    )


def get_appointment_for(user: User, pk: object) -> Appointment:
    return get_in_scope(
        Appointment.objects.select_related("day"),
        user,
        pk,
        read=VIEW,
        write="reception.record_entry",
        for_write=True,
        unit_field="day__unit",
    )


def get_session_for(user: User, day_pk: object, *, write: bool = False) -> LeaderSession:
    day = get_in_scope(
        ReceptionDay.objects.all(),
        user,
        day_pk,
        read=VIEW,
        write="reception.hold_session",
        for_write=write,
    )
    try:
        return day.session
    except LeaderSession.DoesNotExist as exc:
        raise Http404 from exc
