"""The Vietnamese working-day calendar every deadline uses (DOMAIN §10, rule 23).

Officials work Monday–Friday. Statutory holidays (Labour Code 2019 Art. 112, with the weekend
carry-over of Art. 111(3)) come from the `holidays` package; each year's announced extra days off
and make-up working Saturdays are data (the `Holiday` table), layered on top.

Counting follows the Civil Code: a period starts the day after the event (Art. 147), and a period
in calendar days whose last day is a day off ends on the next working day (Art. 148(5)).

Each year is built once per calendar (a sorted list of its working days as ordinals), so every
function is a lookup or a binary search, whatever the length of the period.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

import holidays

# Holiday names exist in Vietnamese and English (and Thai) in the `holidays` package.
_NAME_LANGUAGES = {"vi": "vi", "en": "en_US"}


@cache
def _statutory(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """Statutory days off and the library's known make-up Saturdays for one year."""
    vn = holidays.country_holidays("VN", years=year)
    off = frozenset(d for d in vn if d.year == year)
    makeup = frozenset(d for d in getattr(vn, "weekend_workdays", ()) if d.year == year)
    return off, makeup


@cache
def statutory_names(year: int, language: str = "vi") -> dict[date, str]:
    """The statutory holidays of `year` by date, named in `language` ("vi" or "en")."""
    lang = _NAME_LANGUAGES.get(language.split("-")[0].lower(), "vi")
    vn = holidays.country_holidays("VN", years=year, language=lang)
    return {d: name for d, name in sorted(vn.items()) if d.year == year}


@dataclass(frozen=True)
class _Year:
    """One year's working days: a per-day flag and the sorted ordinals of the working days."""

    first: int  # ordinal of 1 January
    flags: bytes  # flags[ordinal - first] == 1 on a working day
    days: list[int]


class WorkCalendar:
    """Working days: Mon–Fri, minus statutory and announced days off, plus make-up days.

    An announced make-up day is a working day whatever else falls on it; an announced day off is
    off; otherwise the statutory calendar (with its own known make-up Saturdays) applies.
    """

    def __init__(self, extra_off: Iterable[date] = (), makeup: Iterable[date] = ()) -> None:
        self.extra_off = frozenset(extra_off)
        self.makeup = frozenset(makeup)
        self._years: dict[int, _Year] = {}

    def _decide(
        self, d: date, statutory_off: frozenset[date], statutory_makeup: frozenset[date]
    ) -> bool:
        if d in self.makeup:
            return True
        if d in self.extra_off:
            return False
        if d in statutory_makeup:
            return True
        return d.weekday() < 5 and d not in statutory_off

    def _year(self, year: int) -> _Year:
        built = self._years.get(year)
        if built is None:
            off, makeup = _statutory(year)
            first = date(year, 1, 1)
            length = (date(year + 1, 1, 1) - first).days if year < 9999 else 365
            flags = bytes(
                self._decide(first + timedelta(days=i), off, makeup) for i in range(length)
            )
            base = first.toordinal()
            days = [base + i for i, flag in enumerate(flags) if flag]
            built = self._years[year] = _Year(base, flags, days)
        return built

    def is_working_day(self, d: date) -> bool:
        """Whether `d` is a working day."""
        year = self._year(d.year)
        return year.flags[d.toordinal() - year.first] == 1

    def is_day_off(self, d: date) -> bool:
        """Whether `d` is a weekend day, a holiday or an announced day off."""
        return not self.is_working_day(d)

    def working_days_in(self, year: int) -> int:
        """How many working days `year` has."""
        return len(self._year(year).days)

    def holiday_name(self, d: date, language: str = "vi") -> str | None:
        """The statutory holiday's name in `language`, if `d` is one."""
        return statutory_names(d.year, language).get(d)

    def nth_after(self, start: date, n: int) -> date:
        """The n-th working day after `start` (n >= 1); see `add_working_days`."""
        year_no = start.year
        year = self._year(year_no)
        index = bisect_right(year.days, start.toordinal()) + n - 1
        while index >= len(year.days):
            index -= len(year.days)
            year_no += 1
            year = self._year(_checked_year(year_no))
        return date.fromordinal(year.days[index])

    def nth_before(self, start: date, n: int) -> date:
        """The n-th working day before `start` (n >= 1)."""
        year_no = start.year
        year = self._year(year_no)
        index = bisect_left(year.days, start.toordinal()) - n
        while index < 0:
            year_no -= 1
            year = self._year(_checked_year(year_no))
            index += len(year.days)
        return date.fromordinal(year.days[index])

    def count_up_to(self, d: date) -> int:
        """Working days from 1 January of `d`'s year up to and including `d`."""
        return bisect_right(self._year(d.year).days, d.toordinal())

    def count_between(self, a: date, b: date) -> int:
        """Working days in (a, b], for a < b."""
        total = self.count_up_to(b) - self.count_up_to(a)
        for year in range(a.year, b.year):
            total += self.working_days_in(year)
        return total


def _checked_year(year: int) -> int:
    if not date.min.year <= year <= date.max.year:
        raise ValueError("no working day found within the supported range of dates")
    return year


# --- The installed calendar ------------------------------------------------------------------

_loader: Callable[[], WorkCalendar] | None = None
_is_stale: Callable[[], bool] | None = None
_installed: WorkCalendar | None = None
_default: WorkCalendar | None = None


def set_calendar_loader(
    loader: Callable[[], WorkCalendar], stale: Callable[[], bool] | None = None
) -> None:
    """Install the function that builds the calendar from stored data (see workcalendar app).

    `stale`, when given, is asked on every use whether the built calendar is out of date (it
    must be cheap: the workcalendar app checks a shared version stamp at most every 30 s).
    """
    global _loader, _is_stale, _installed
    _loader, _is_stale, _installed = loader, stale, None


def reset_installed_calendar() -> None:
    """Forget the cached calendar so the next call reloads it (after an admin edits days)."""
    global _installed
    _installed = None


def installed_calendar() -> WorkCalendar:
    """The calendar in force: statutory days plus the stored announced days, built once."""
    global _installed, _default
    calendar = _installed
    if calendar is None or (_is_stale is not None and _is_stale()):
        if _loader is None:
            if _default is None:
                _default = WorkCalendar()
            return _default
        calendar = _installed = _loader()
    return calendar


# --- Arithmetic ------------------------------------------------------------------------------


def is_working_day(d: date, calendar: WorkCalendar | None = None) -> bool:
    """Whether `d` is a working day."""
    return (calendar or installed_calendar()).is_working_day(d)


def add_working_days(start: date, n: int, calendar: WorkCalendar | None = None) -> date:
    """The n-th working day after `start` (the start day itself is not counted: Art. 147).

    n = 0 returns `start` unchanged, even on a day off; a negative n gives the |n|-th working
    day before `start`.
    """
    cal = calendar or installed_calendar()
    if n > 0:
        return cal.nth_after(start, n)
    if n < 0:
        return cal.nth_before(start, -n)
    return start


def next_working_day_on_or_after(d: date, calendar: WorkCalendar | None = None) -> date:
    """`d` itself if it is a working day, else the next working day."""
    cal = calendar or installed_calendar()
    return d if cal.is_working_day(d) else cal.nth_after(d, 1)


def previous_working_day_on_or_before(d: date, calendar: WorkCalendar | None = None) -> date:
    """`d` itself if it is a working day, else the last working day before it."""
    cal = calendar or installed_calendar()
    return d if cal.is_working_day(d) else cal.nth_before(d, 1)


def add_days(start: date, n: int, calendar: WorkCalendar | None = None) -> date:
    """The end of a period of n calendar days from `start` (Civil Code Arts. 147, 148(5)).

    The period ends on day start + n; if that is a weekend or a day off it ends on the next
    working day. n = 0 gives `start`, moved the same way. A negative n (a time limit counted
    back from an event, such as "at least 5 days before") ends on the last working day on or
    before start + n, so that the limit is never overstepped.
    """
    end = start + timedelta(days=n)
    if n < 0:
        return previous_working_day_on_or_before(end, calendar)
    return next_working_day_on_or_after(end, calendar)


def working_days_between(a: date, b: date, calendar: WorkCalendar | None = None) -> int:
    """The number of working days in (a, b]: after `a`, up to and including `b` (0 if b <= a)."""
    if b <= a:
        return 0
    return (calendar or installed_calendar()).count_between(a, b)
