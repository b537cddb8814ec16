"""Every write of the reception app: schedules, bookings, the book, documents and sessions."""

from tiepdan.reception.services.book import (
    add_receipt,
    attach_statement_scan,
    issue_refusal_notice,
    mark_notified,
    record_entry,
)
from tiepdan.reception.services.booking import book, cancel_booking, mark_attendance
from tiepdan.reception.services.schedule import (
    attach_recording,
    cancel_day,
    create_day,
    create_schedule,
    generate_days,
    mark_held,
    postpone_day,
    publish_day,
    publish_planned,
    record_link_test,
)
from tiepdan.reception.services.session import add_conclusion_item, issue_conclusions, save_session

__all__ = [
    "add_conclusion_item",
    "add_receipt",
    "attach_recording",
    "attach_statement_scan",
    "book",
    "cancel_booking",
    "cancel_day",
    "create_day",
    "create_schedule",
    "generate_days",
    "issue_conclusions",
    "issue_refusal_notice",
    "mark_attendance",
    "mark_held",
    "mark_notified",
    "postpone_day",
    "publish_day",
    "publish_planned",
    "record_entry",
    "record_link_test",
    "save_session",
]
