"""The reception app's models: `schedule` (schedules, days, bookings), `book` (the reception
book and its group members) and `documents` (receipts, refusal notices, the head's sessions)."""

from tiepdan.reception.models.book import EntryQuerySet, GroupMember, ReceptionEntry
from tiepdan.reception.models.documents import (
    ConclusionItem,
    LeaderSession,
    Receipt,
    ReceiptItem,
    ReceptionMinimum,
    RefusalNotice,
)
from tiepdan.reception.models.schedule import (
    Appointment,
    AppointmentQuerySet,
    ReceptionDay,
    ReceptionDayQuerySet,
    ReceptionSchedule,
)

__all__ = [
    "Appointment",
    "AppointmentQuerySet",
    "ConclusionItem",
    "EntryQuerySet",
    "GroupMember",
    "LeaderSession",
    "Receipt",
    "ReceiptItem",
    "ReceptionDay",
    "ReceptionDayQuerySet",
    "ReceptionEntry",
    "ReceptionMinimum",
    "ReceptionSchedule",
    "RefusalNotice",
]
