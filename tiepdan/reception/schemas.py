"""Bodies of the reception API: schedules, reception days, bookings, reception-book entries."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from ninja import Schema
from pydantic import Field

from tiepdan.api.schemas import DbId, InputSchema, Page, QuerySchema
from tiepdan.cases.identity import entry_disclosure_for_request
from tiepdan.citizens.models import Citizen
from tiepdan.lib.ids import mask_cccd, mask_phone
from tiepdan.reception.models import (
    Appointment,
    ReceptionDay,
    ReceptionEntry,
    ReceptionSchedule,
)


class DetailsIn(InputSchema):
    starts_at: time
    ends_at: time
    place: str = Field(min_length=1, max_length=300)
    attendees: str = Field("", max_length=2_000)
    topics: str = Field("", max_length=2_000)
    capacity: int = Field(20, ge=1, le=500)


class ScheduleIn(DetailsIn):
    leader_id: DbId
    weekday: ReceptionSchedule.Weekday
    weeks_of_month: str = Field("", max_length=20, description="E.g. '2,4'; '-1' the last week.")
    valid_from: date
    valid_until: date | None = None


class ScheduleOut(Schema):
    id: int
    unit_id: int
    leader_id: int
    leader: str
    weekday: int
    weeks_of_month: str
    starts_at: time
    ends_at: time
    place: str
    attendees: str
    topics: str
    capacity: int
    valid_from: date
    valid_until: date | None
    is_active: bool

    @staticmethod
    def resolve_leader(obj: ReceptionSchedule) -> str:
        return str(obj.leader)


class DayIn(DetailsIn):
    leader_id: DbId
    on: date
    adhoc_reason: ReceptionDay.AdhocReason | None = None
    adhoc_note: str = Field("", max_length=300)
    mode: ReceptionDay.Mode = ReceptionDay.Mode.IN_PERSON


class DayOut(Schema):
    id: int
    unit_id: int
    leader_id: int
    leader: str
    schedule_id: int | None
    on: date
    starts_at: time
    ends_at: time
    place: str
    attendees: str
    topics: str
    kind: str
    adhoc_reason: str
    mode: str
    capacity: int
    status: str
    published_on: date | None
    change_reason: str
    replaced_by_id: int | None

    @staticmethod
    def resolve_leader(obj: ReceptionDay) -> str:
        return str(obj.leader)


class PostponeIn(InputSchema):
    new_on: date
    reason: str = Field(min_length=1, max_length=300)
    starts_at: time | None = None
    ends_at: time | None = None


class CancelIn(InputSchema):
    reason: str = Field(min_length=1, max_length=300)


class DayFilter(QuerySchema):
    date_from: date | None = Field(None, alias="from")
    date_to: date | None = Field(None, alias="to")
    status: ReceptionDay.Status | None = None


class BookingIn(InputSchema):
    full_name: str = Field(min_length=1, max_length=200)
    phone: str = Field(min_length=1, max_length=30)
    subject: str = Field(min_length=1, max_length=200)
    id_number: str = Field("", max_length=20)


class BookingOut(Schema):
    id: int
    day_id: int
    code: str
    position: int
    full_name: str
    phone: str
    subject: str
    status: str
    created_at: datetime


class BookingListOut(BookingOut):
    @staticmethod
    def resolve_phone(obj: Appointment) -> str:
        """Lists mask the number (rule 26); the booking itself shows it in full."""
        return mask_phone(obj.phone)


class EntryIn(InputSchema):
    received_on: date
    full_name: str = Field(min_length=1, max_length=200)
    address: str = Field(min_length=1, max_length=300)
    id_kind: Citizen.IdKind = Citizen.IdKind.CCCD
    id_number: str = Field("", max_length=30)
    summary: str = Field(min_length=1, max_length=10_000)
    kind: ReceptionEntry.Kind
    route: ReceptionEntry.Route
    people_count: int = Field(1, ge=1, le=10_000)
    prior_handling: str = Field("", max_length=5_000)
    route_body: str = Field("", max_length=300)
    route_document: str = Field("", max_length=60)
    result: str = Field("", max_length=5_000)
    notes: str = Field("", max_length=5_000)
    members: list[str] = Field(default_factory=list, max_length=500)
    representatives: list[str] = Field(default_factory=list, max_length=5)
    appointment_signed: bool = False
    oral_statement: bool = False
    statement_signed: bool = False
    refusal_ground: ReceptionEntry.RefusalGround | None = None
    refusal_note: str = Field("", max_length=300)
    day_id: DbId | None = None


IDENTITY = ("full_name", "address", "id_number")


class EntryOut(Schema):
    id: int
    unit_id: int
    year: int
    number: int
    received_on: date
    day_id: int | None
    full_name: str
    address: str
    id_kind: str
    id_number: str
    summary: str
    kind: str
    people_count: int
    prior_handling: str
    route: str
    route_body: str
    route_document: str
    result: str
    notes: str
    is_group: bool
    notify_by: date | None
    notified_on: date | None
    created_at: datetime

    @staticmethod
    def _identity(obj: ReceptionEntry, context: dict[str, Any], name: str) -> str:
        """A denouncer's identity goes only to those who may see it, never through an
        integration key (TC Art. 9, 47; cases.identity)."""
        shown = entry_disclosure_for_request(context["request"], obj)
        return str(getattr(obj, name)) if shown.visible else ""

    @staticmethod
    def resolve_summary(obj: ReceptionEntry, context: dict[str, Any]) -> str:
        return entry_disclosure_for_request(context["request"], obj).text(obj.summary)

    @staticmethod
    def resolve_notes(obj: ReceptionEntry, context: dict[str, Any]) -> str:
        return entry_disclosure_for_request(context["request"], obj).text(obj.notes)

    @staticmethod
    def resolve_result(obj: ReceptionEntry, context: dict[str, Any]) -> str:
        return entry_disclosure_for_request(context["request"], obj).text(obj.result)

    @staticmethod
    def resolve_full_name(obj: ReceptionEntry, context: dict[str, Any]) -> str:
        return EntryOut._identity(obj, context, "full_name")

    @staticmethod
    def resolve_address(obj: ReceptionEntry, context: dict[str, Any]) -> str:
        return EntryOut._identity(obj, context, "address")

    @staticmethod
    def resolve_id_number(obj: ReceptionEntry, context: dict[str, Any]) -> str:
        return EntryOut._identity(obj, context, "id_number")


class EntryFilter(QuerySchema):
    kind: ReceptionEntry.Kind | None = None
    route: ReceptionEntry.Route | None = None
    date_from: date | None = Field(None, alias="from")
    date_to: date | None = Field(None, alias="to")
    cursor: str | None = Field(None, max_length=64)
    limit: int = Field(50, ge=1, le=200)


class EntryListOut(EntryOut):
    @staticmethod
    def resolve_id_number(obj: ReceptionEntry, context: dict[str, Any]) -> str:
        """The book's list masks the document number (rule 26); one entry shows it in full."""
        return mask_cccd(EntryOut._identity(obj, context, "id_number"))


class EntryPageOut(Page):
    items: list[EntryListOut]
