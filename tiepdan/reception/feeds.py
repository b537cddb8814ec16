"""iCalendar feeds of reception days (RFC 5545): per unit and per leader.

UIDs come from the day's id so calendar applications update an event instead of adding a copy;
SEQUENCE grows with every change; cancelled and postponed days stay in the feed as cancelled
events, so subscribers see them disappear from their agenda.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from tiepdan.reception.models import ReceptionDay


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def _event(day: ReceptionDay, base_url: str) -> Event:
    event = Event()
    event.add("uid", day.uid)
    event.add("sequence", day.sequence)
    event.add("dtstamp", day.updated_at or timezone.now())
    event.add("dtstart", _aware(day.start()))
    event.add("dtend", _aware(day.end()))
    summary = f"Tiếp công dân: {day.leader}"
    description = [f"Lãnh đạo tiếp: {day.leader}"]
    if day.leader.position:
        description[0] += f" ({day.leader.position})"
    if day.attendees:
        description.append(f"Thành phần: {day.attendees}")
    if day.topics:
        description.append(f"Nội dung: {day.topics}")
    if day.is_withdrawn:
        event.add("status", "CANCELLED")
        word = "Hoãn" if day.status == ReceptionDay.Status.POSTPONED else "Hủy"
        summary = f"[{word}] {summary}"
        description.append(f"Lý do: {day.change_reason}")
        if day.replaced_by:
            description.append(f"Ngày mới: {day.replaced_by.on:%d/%m/%Y}")
    else:
        event.add("status", "CONFIRMED")
    event.add("summary", summary)
    event.add("location", day.place)
    event.add("description", "\n".join(description))
    event.add("url", base_url + day.unit.code + "/")
    return event


def build_calendar(name: str, days: Iterable[ReceptionDay], base_url: str) -> bytes:
    """An iCalendar document with one VEVENT per published (or withdrawn) day."""
    cal = Calendar()
    cal.add("prodid", "-//tiepdan//Lich tiep cong dan//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for day in days:
        cal.add_component(_event(day, base_url))
    cal.add_missing_timezones()  # RFC 5545 §3.2.19: every TZID needs its VTIMEZONE
    return cal.to_ical()
