"""The Vietnamese working-day calendar every deadline uses (DOMAIN §10, rule 23).

Officials work Monday–Friday. Statutory holidays (Labour Code 2019 Art. 112, with the weekend
carry-over of Art. 111(3)) come from the `holidays` package; each year's announced extra days off
and make-up working Saturdays are data (the `Holiday` table), layered on top.

Counting follows the Civil Code: a period starts the day after the event (Art. 147), and a period
in calendar days whose last day is a day off ends on the next working day (Art. 148(5)).
"""

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import cache

import holidays

# A working-day count never needs more than this many calendar days per working day
# (the longest break, Tết, is 9 days); it bounds loops against bad data.
_MAX_SPAN_FACTOR = 30


@cache
def _statutory(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Statutory days off and the library's known make-up Saturdays for one year."""
    vn = holidays.country_holidays("VN", years=year)
    off = frozenset(d for d in vn if d.year == year)
    makeup = frozenset(d for d in getattr(vn, "weekend_workdays", ()) if d.year == year)
    return off, makeup


class WorkCalendar:
    """Working days: Mon–Fri, minus statutory and announced days off, plus make-up days."""

    def __init__(self, extra_off: Iterable[date] = (), makeup: Iterable[date] = ()) -> None:
        self.extra_off = frozenset(extra_off)
        self.makeup = frozenset(makeup)

    def is_day_off(self, d: date) -> bool:
        return not self.is_working_day(d)

    def is_working_day(self, d: date) -> bool:
        statutory_off, statutory_makeup = _statutory(d.year)
        if d in self.makeup or d in statutory_makeup:
            return True
        return d.weekday() < 5 and d not in statutory_off and d not in self.extra_off

    def holiday_name(self, d: date) -> str | None:
        """The statutory holiday's name in the active language, if `d` is one."""
        names = holidays.country_holidays("VN", years=d.year)
        return names.get(d)


_loader: Callable[[], WorkCalendar] | None = None
_installed: WorkCalendar | None = None


def set_calendar_loader(loader: Callable[[], WorkCalendar]) -> None:
    """Install the function that builds the calendar from stored data (see workcalendar app)."""
    global _loader, _installed
    _loader, _installed = loader, None


def reset_installed_calendar() -> None:
    """Forget the cached calendar so the next call reloads it (after an admin edits days)."""
    global _installed
    _installed = None


def installed_calendar() -> WorkCalendar:
    """The calendar in force: statutory days plus the stored announced days, built once."""
    global _installed
    if _installed is None:
        _installed = _loader() if _loader else WorkCalendar()
    return _installed


def is_working_day(d: date, calendar: WorkCalendar | None = None) -> bool:
    """Whether `d` is a working day."""
    return (calendar or installed_calendar()).is_working_day(d)


def add_working_days(start: date, n: int, calendar: WorkCalendar | None = None) -> date:
    """The n-th working day after `start` (the start day itself is not counted).

    n = 0 returns `start` unchanged; a negative n counts backwards.
    """
    cal = calendar or installed_calendar()
    step = 1 if n >= 0 else -1
    remaining, d = abs(n), start
    limit = start + timedelta(days=step * (abs(n) + 1) * _MAX_SPAN_FACTOR)
    while remaining:
        d += timedelta(days=step)
        if cal.is_working_day(d):
            remaining -= 1
        if d == limit:
            raise ValueError("no working day found: the calendar has no working days")
    return d


def next_working_day_on_or_after(d: date, calendar: WorkCalendar | None = None) -> date:
    """`d` itself if it is a working day, else the next working day."""
    cal = calendar or installed_calendar()
    while not cal.is_working_day(d):
        d += timedelta(days=1)
    return d


def add_days(start: date, n: int, calendar: WorkCalendar | None = None) -> date:
    """The end of a period of n calendar days from `start` (Civil Code Arts. 147, 148(5)).

    The period ends on day start + n; if that is a weekend or a day off it ends on the next
    working day.
    """
    return next_working_day_on_or_after(start + timedelta(days=n), calendar)


def working_days_between(a: date, b: date, calendar: WorkCalendar | None = None) -> int:
    """The number of working days in (a, b]: after `a`, up to and including `b` (0 if b <= a)."""
    cal = calendar or installed_calendar()
    count, d = 0, a
    while d < b:
        d += timedelta(days=1)
        count += cal.is_working_day(d)
    return count
