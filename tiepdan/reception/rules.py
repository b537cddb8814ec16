"""Pure rules of citizen reception (DOMAIN §1–3, §12 rules 1–11): no ORM, dates passed in.

Every legal duration is a constant here, next to the article it comes from.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from tiepdan.lib.workdays import (
    WorkCalendar,
    add_working_days,
    is_working_day,
    working_days_between,
)

# Law on Citizen Reception Art. 24: the head's schedule is published at least 5 working days
# before the session.
PUBLISH_LEAD_WORKING_DAYS = 5
# Law on Citizen Reception Art. 28; Regulation 11-QĐi/TW: the citizen is told in writing within
# 10 working days of reception whether the matter was accepted, transferred or refused.
NOTIFY_WORKING_DAYS = 10
# Decree 154/2026 Art. 4 (procedure for refusals under Law Art. 9(3) and Decree Art. 4(1)(h)):
# the written refusal notice (Form 01/TCD) is issued within 3 working days.
REFUSAL_NOTICE_WORKING_DAYS = 3
# Law on Citizen Reception Art. 29: groups of 5 or more name representatives; 5–10 people name
# 1–2 representatives, more than 10 people at most 5.
GROUP_MIN_PEOPLE = 5
GROUP_SMALL_MAX_PEOPLE = 10
GROUP_SMALL_MAX_REPRESENTATIVES = 2
GROUP_LARGE_MAX_REPRESENTATIVES = 5

# Refusal grounds (Law Art. 9; Decree 154 Art. 4(1)) that need the written notice Form 01/TCD.
GROUNDS_NEEDING_NOTICE = frozenset({"tcd_9_3", "nd154_4_1_h"})

# Decree 154/2026 Arts. 23–24: an online session's connection is tested at least 1 working day
# before it, and its recording is kept on state systems.
LINK_TEST_WORKING_DAYS = 1

# Regulation 11 as amended by KL 215: the commune Party Secretary receives citizens at least
# 2 days a month. Law on Citizen Reception Art. 15: the commune Chairman at least 1 day a week.
# Keys are User.Post values; each value is (days per month, days per week). Units may override.
DEFAULT_MINIMUMS: dict[str, tuple[int, int]] = {
    "secretary": (2, 0),
    "chairman": (0, 1),
}

WEEKDAY_NAMES_VI = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def latest_publication_date(session_on: date, calendar: WorkCalendar | None = None) -> date:
    """The last day a session's schedule may be published (TCD Art. 24: ≥ 5 WD ahead)."""
    return add_working_days(session_on, -PUBLISH_LEAD_WORKING_DAYS, calendar)


def is_published_in_time(
    session_on: date, published_on: date, calendar: WorkCalendar | None = None
) -> bool:
    """Whether publishing on `published_on` respects the 5-working-day notice (TCD Art. 24)."""
    return working_days_between(published_on, session_on, calendar) >= PUBLISH_LEAD_WORKING_DAYS


def earliest_session_date(today: date, calendar: WorkCalendar | None = None) -> date:
    """The first date a periodic session published today may take place (TCD Art. 24)."""
    return add_working_days(today, PUBLISH_LEAD_WORKING_DAYS, calendar)


def link_test_due(session_on: date, calendar: WorkCalendar | None = None) -> date:
    """The last day to test an online session's connection (Decree 154 Art. 24)."""
    return add_working_days(session_on, -LINK_TEST_WORKING_DAYS, calendar)


def notify_by(received_on: date, calendar: WorkCalendar | None = None) -> date:
    """The date the citizen must be told the outcome in writing (TCD Art. 28; QĐ 11)."""
    return add_working_days(received_on, NOTIFY_WORKING_DAYS, calendar)


def refusal_notice_due(refused_on: date, calendar: WorkCalendar | None = None) -> date:
    """The date Form 01/TCD must be issued by (Decree 154 Art. 4; TCD Art. 9(3))."""
    return add_working_days(refused_on, REFUSAL_NOTICE_WORKING_DAYS, calendar)


def needs_refusal_notice(ground: str) -> bool:
    """Grounds Law Art. 9(3) and Decree 154 Art. 4(1)(h) need Form 01/TCD; others are oral."""
    return ground in GROUNDS_NEEDING_NOTICE


def overlaps(a_start: time, a_end: time, b_start: time, b_end: time) -> bool:
    """Whether two time ranges on the same day share any minute (touching ends do not)."""
    return a_start < b_end and b_start < a_end


def representative_limits(people: int) -> tuple[int, int]:
    """How many representatives a group of `people` names: (minimum, maximum) (TCD Art. 29)."""
    if people < GROUP_MIN_PEOPLE:
        return (0, 0)
    if people <= GROUP_SMALL_MAX_PEOPLE:
        return (1, GROUP_SMALL_MAX_REPRESENTATIVES)
    return (1, GROUP_LARGE_MAX_REPRESENTATIVES)


def group_problems(members: Sequence[str], representatives: Sequence[str]) -> list[str]:
    """Problems with a group's representatives (TCD Art. 29) as codes; empty when valid.

    Codes: "too_few", "too_many", "not_member", "group_too_small".
    """
    from tiepdan.lib.text import fold

    problems: list[str] = []
    people = len(members)
    if people < GROUP_MIN_PEOPLE:
        return ["group_too_small"] if representatives else []
    low, high = representative_limits(people)
    if len(representatives) < low:
        problems.append("too_few")
    if len(representatives) > high:
        problems.append("too_many")
    folded = {fold(name) for name in members}
    if any(fold(name) not in folded for name in representatives):
        problems.append("not_member")
    return problems


def occurrences(
    *,
    weekday: int,
    weeks_of_month: Iterable[int],
    start: date,
    end: date,
    working: Callable[[date], bool] = is_working_day,
) -> tuple[list[date], list[date]]:
    """Dates of a recurring rule in [start, end]: (working dates, dates skipped as days off).

    `weeks_of_month` holds 1–5 for the n-th such weekday of the month and -1 for the last one;
    empty means every week.
    """
    wanted = set(weeks_of_month)
    dates: list[date] = []
    skipped: list[date] = []
    d = start + timedelta(days=(weekday - start.weekday()) % 7)
    while d <= end:
        nth = (d.day - 1) // 7 + 1
        last = d.day + 7 > _calendar.monthrange(d.year, d.month)[1]
        if not wanted or nth in wanted or (-1 in wanted and last):
            (dates if working(d) else skipped).append(d)
        d += timedelta(days=7)
    return dates, skipped


def parse_weeks(text: str) -> list[int]:
    """Parse '2,4' or '1, -1' into week numbers; raise ValueError on anything else."""
    weeks = [int(part) for part in text.replace(";", ",").split(",") if part.strip()]
    if any(w not in (1, 2, 3, 4, 5, -1) for w in weeks):
        raise ValueError(text)
    return sorted(set(weeks))


def describe_recurrence(weekday: int, weeks: Sequence[int]) -> str:
    """'Thứ Năm tuần 2 và 4' / 'Thứ Ba hằng tuần' / 'Thứ Sáu cuối tháng' (Vietnamese only)."""
    name = WEEKDAY_NAMES_VI[weekday]
    if not weeks:
        return f"{name} hằng tuần"
    parts = ["cuối tháng" if w == -1 else str(w) for w in weeks]
    numbered = [p for p in parts if p != "cuối tháng"]
    text = name
    if numbered:
        text += " tuần " + " và ".join(numbered)
    if "cuối tháng" in parts:
        text += (" và " if numbered else " ") + "cuối tháng"
    return text


# --- Regulation 11 / TCD Art. 15 compliance -----------------------------------------------------


@dataclass(frozen=True)
class MonthCompliance:
    """Reception days a leader held in one month against the minimum."""

    year: int
    month: int
    held: int
    planned: int
    per_month: int
    per_week: int
    weeks: int
    short_weeks: tuple[date, ...] = field(default=())
    shortfall: int = 0
    projected_shortfall: int = 0
    finished: bool = True

    @property
    def required(self) -> int:
        return self.per_month + self.per_week * self.weeks

    @property
    def status(self) -> str:
        """'met', 'short' (a finished month fell short), 'at_risk' or 'on_track'."""
        if self.shortfall == 0:
            return "met"
        if self.finished:
            return "short"
        return "at_risk" if self.projected_shortfall else "on_track"


def weeks_of(year: int, month: int, working: Callable[[date], bool] = is_working_day) -> list[date]:
    """Mondays of the weeks that belong to a month (ISO rule: their Thursday is in it) and have
    at least one working day."""
    first = date(year, month, 1)
    monday = first - timedelta(days=first.weekday())
    mondays = []
    while monday.year < year or (monday.year == year and monday.month <= month):
        thursday = monday + timedelta(days=3)
        if (thursday.year, thursday.month) == (year, month) and any(
            working(monday + timedelta(days=i)) for i in range(7)
        ):
            mondays.append(monday)
        monday += timedelta(days=7)
    return mondays


def _in_week(d: date, monday: date) -> bool:
    return monday <= d <= monday + timedelta(days=6)


def month_compliance(
    *,
    year: int,
    month: int,
    held: Iterable[date],
    planned: Iterable[date],
    minimum: tuple[int, int],
    today: date,
    working: Callable[[date], bool] = is_working_day,
) -> MonthCompliance:
    """Evaluate one month of a leader's periodic reception days (QĐ 11 / KL 215; TCD 15, 18)."""
    per_month, per_week = minimum
    held_dates = sorted(set(held))
    planned_dates = sorted(set(planned) - set(held_dates))
    mondays = weeks_of(year, month, working) if per_week else []
    in_month = [d for d in held_dates if (d.year, d.month) == (year, month)]
    planned_in_month = [d for d in planned_dates if (d.year, d.month) == (year, month)]

    def week_count(dates: Sequence[date], monday: date) -> int:
        return sum(monday <= d <= monday + timedelta(days=6) for d in dates)

    short_weeks = tuple(m for m in mondays if week_count(held_dates, m) < per_week)
    shortfall = max(0, per_month - len(in_month)) + sum(
        per_week - week_count(held_dates, m) for m in short_weeks
    )
    both = held_dates + planned_dates
    projected = max(0, per_month - len(in_month) - len(planned_in_month)) + sum(
        max(0, per_week - week_count(both, m)) for m in mondays
    )
    last_day = date(year, month, _calendar.monthrange(year, month)[1])
    return MonthCompliance(
        year=year,
        month=month,
        held=len(set(in_month) | {d for d in held_dates for m in mondays if _in_week(d, m)}),
        planned=len(planned_in_month),
        per_month=per_month,
        per_week=per_week,
        weeks=len(mondays),
        short_weeks=short_weeks,
        shortfall=shortfall,
        projected_shortfall=projected if last_day >= today else shortfall,
        finished=last_day < today,
    )
