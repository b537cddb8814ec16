"""Lay out one year of the calendar for the page: 12 month grids and the list of special days."""

from __future__ import annotations

import calendar as stdlib_calendar
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tiepdan.lib.workdays import WorkCalendar, statutory_names
from tiepdan.workcalendar.models import Holiday

WEEKDAY_HEADERS = [
    pgettext_lazy("weekday", "Mon"),
    pgettext_lazy("weekday", "Tue"),
    pgettext_lazy("weekday", "Wed"),
    pgettext_lazy("weekday", "Thu"),
    pgettext_lazy("weekday", "Fri"),
    pgettext_lazy("weekday", "Sat"),
    pgettext_lazy("weekday", "Sun"),
]

STATUTORY_SOURCE = _("Labour Code 2019, Art. 112")


@dataclass
class Day:
    on: date
    working: bool
    css: str
    notes: list[str] = field(default_factory=list)


@dataclass
class Month:
    number: int
    name: str
    weeks: list[list[Day | None]]
    working_days: int


@dataclass
class Entry:
    """A line of the year's list: a statutory holiday, an announced day, or both on one date."""

    on: date
    kind: str
    name: str
    source: str
    holiday: Holiday | None = None
    statutory_name: str = ""


def _css(day: date, working: bool, announced: Holiday | None, statutory: bool) -> str:
    if announced is not None:
        return "wd-makeup" if announced.is_makeup else "wd-off"
    if statutory:
        return "wd-holiday"
    if working and day.weekday() >= 5:
        return "wd-makeup"
    return "" if working else "wd-weekend"


def build_months(
    year: int, cal: WorkCalendar, announced: dict[date, Holiday], names: dict[date, str]
) -> list[Month]:
    """The 12 month grids (weeks from Monday) with each day's status and notes."""
    months = []
    for number in range(1, 13):
        weeks: list[list[Day | None]] = []
        count = 0
        for week in stdlib_calendar.Calendar().monthdatescalendar(year, number):
            row: list[Day | None] = []
            for on in week:
                if on.month != number:
                    row.append(None)
                    continue
                working = cal.is_working_day(on)
                count += working
                entry = announced.get(on)
                notes = [n for n in (names.get(on), entry.name if entry else None) if n]
                row.append(Day(on, working, _css(on, working, entry, on in names), notes))
            weeks.append(row)
        months.append(Month(number, date_format(date(year, number, 1), "F"), weeks, count))
    return months


def build_entries(
    announced: Iterable[Holiday], names: dict[date, str], kind_label: dict[str, str]
) -> list[Entry]:
    """Statutory holidays and announced days of the year by date, one line per date."""
    statutory, source = str(_("Statutory holiday")), str(STATUTORY_SOURCE)
    entries = {on: Entry(on, statutory, name, source) for on, name in names.items()}
    for h in announced:
        entries[h.date] = Entry(
            h.date, kind_label[h.kind], h.name, h.source, h, statutory_name=names.get(h.date, "")
        )
    return [entries[on] for on in sorted(entries)]


def year_context(year: int, cal: WorkCalendar, language: str) -> dict[str, object]:
    """Everything the year page shows."""
    rows = list(Holiday.objects.filter(year=year).select_related("created_by"))
    names = statutory_names(year, language)
    announced = {h.date: h for h in rows}
    kind_label = {value: str(label) for value, label in Holiday.Kind.choices}
    return {
        "year": year,
        "months": build_months(year, cal, announced, names),
        "entries": build_entries(rows, names, kind_label),
        "working_days": cal.working_days_in(year),
        "weekday_headers": WEEKDAY_HEADERS,
    }
