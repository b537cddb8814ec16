"""The working-day arithmetic: hypothesis properties and the real 2025–2027 calendars.

The statutory calendar (`WorkCalendar()`) is what `holidays` 0.109 knows; announced days are
layered on with `extra_off` / `makeup` (in production they come from the Holiday table).
"""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tiepdan.lib.workdays import (
    WorkCalendar,
    add_days,
    add_working_days,
    is_working_day,
    previous_working_day_on_or_before,
    working_days_between,
)

STATUTORY = WorkCalendar()
# What VPCP 12729/VPCP-KGVX announced for New Year 2026 (also shipped as Holiday rows).
ANNOUNCED_2026 = WorkCalendar(extra_off=[date(2026, 1, 2)], makeup=[date(2026, 1, 10)])

days = st.dates(date(2020, 1, 1), date(2030, 12, 31))
counts = st.integers(min_value=0, max_value=400)
override_days = st.frozensets(st.dates(date(2025, 1, 1), date(2027, 12, 31)), max_size=20)
calendars = st.one_of(
    st.just(STATUTORY),
    st.builds(WorkCalendar, extra_off=override_days, makeup=override_days),
)


def naive_add_working_days(cal: WorkCalendar, start: date, n: int) -> date:
    """Walk day by day: the reference the fast version must agree with."""
    d, step = start, (1 if n > 0 else -1)
    for _ in range(abs(n)):
        d += timedelta(days=step)
        while not cal.is_working_day(d):
            d += timedelta(days=step)
    return d


# --- Properties ---------------------------------------------------------------------------


@given(cal=calendars, start=days, n=st.integers(-400, 400))
def test_it_agrees_with_walking_day_by_day(cal, start, n):
    """The n-th working day after start, start not counted (Civil Code Art. 147)."""
    assert add_working_days(start, n, cal) == naive_add_working_days(cal, start, n)


@given(cal=calendars, start=days, n=counts)
def test_it_is_monotonic_in_n(cal, start, n):
    """One more working day never gives an earlier date (Civil Code Art. 147)."""
    assert add_working_days(start, n, cal) <= add_working_days(start, n + 1, cal)
    assert add_working_days(start, n, cal) < add_working_days(start, n + 1, cal) or n == 0


@given(cal=calendars, start=days, n=st.integers(1, 400))
def test_it_never_lands_on_a_day_off(cal, start, n):
    """A working-day period ends on a working day, after the start (Civil Code Art. 147)."""
    end = add_working_days(start, n, cal)
    assert end > start
    assert is_working_day(end, cal)


@given(cal=calendars, start=days)
def test_zero_working_days_is_the_start_day_itself(cal, start):
    """n = 0 counts nothing, even from a day off (Civil Code Art. 147)."""
    assert add_working_days(start, 0, cal) == start


@given(cal=calendars, start=days, n=counts)
def test_counting_back_the_period_gives_n(cal, start, n):
    """(start, end] holds exactly n working days (Civil Code Art. 147)."""
    end = add_working_days(start, n, cal)
    assert working_days_between(start, end, cal) == n


@given(cal=calendars, start=days, n=st.integers(1, 400))
def test_negative_n_undoes_positive_n(cal, start, n):
    """Going n working days forward then back returns to the last working day <= start."""
    there = add_working_days(start, n, cal)
    assert add_working_days(there, -n, cal) == previous_working_day_on_or_before(start, cal)
    back = add_working_days(start, -n, cal)
    assert back < start and is_working_day(back, cal)
    if is_working_day(start, cal):
        assert add_working_days(back, n, cal) == start


@given(cal=calendars, start=days, n=st.integers(-400, 400))
def test_a_calendar_day_period_never_ends_on_a_day_off(cal, start, n):
    """A period ending on a day off ends on the next working day (Civil Code Art. 148(5))."""
    end = add_days(start, n, cal)
    assert is_working_day(end, cal)
    target = start + timedelta(days=n)
    if n >= 0:
        assert end >= target
        assert all(
            not cal.is_working_day(target + timedelta(days=i)) for i in range((end - target).days)
        )
    else:
        assert end <= target


@given(cal=calendars, a=days, b=days)
@settings(max_examples=50)
def test_working_days_between_counts_a_half_open_interval(cal, a, b):
    """The count is over (a, b]; nothing when b <= a."""
    expected = sum(cal.is_working_day(a + timedelta(days=i)) for i in range(1, (b - a).days + 1))
    assert working_days_between(a, b, cal) == expected


# --- The real calendars -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # Tết Bính Ngọ 2026: 9 days off, Sat 14/2 – Sun 22/2 (TB 9441/TB-BNV).
        (date(2026, 2, 13), 1, date(2026, 2, 23)),
        (date(2026, 2, 12), 2, date(2026, 2, 23)),
        (date(2026, 1, 15), 30, date(2026, 3, 5)),
        # Tết Đinh Mùi 2027: Thu 4/2 – Wed 10/2 off (rules of Art. 112, not yet announced).
        (date(2027, 2, 3), 1, date(2027, 2, 11)),
        # Giỗ Tổ 2026 is Sunday 26/4: Monday 27/4 is off instead (Labour Code Art. 111(3)).
        (date(2026, 4, 24), 1, date(2026, 4, 28)),
        (date(2026, 4, 24), 2, date(2026, 4, 29)),
        # 2025: Saturday 26/4 worked, Friday 2/5 off (TB 6150/TB-BLĐTBXH).
        (date(2025, 4, 25), 1, date(2025, 4, 26)),
        (date(2025, 4, 25), 2, date(2025, 4, 28)),
        (date(2025, 4, 25), 4, date(2025, 5, 5)),
        # Quốc khánh 2026: Saturday 22/8 worked, Mon 31/8 – Wed 2/9 off.
        (date(2026, 8, 21), 1, date(2026, 8, 22)),
        (date(2026, 8, 28), 1, date(2026, 9, 3)),
        # Ngày Văn hóa Việt Nam, 24/11, a day off from 2026 in holidays 0.109.
        (date(2026, 11, 23), 1, date(2026, 11, 25)),
        # 2027: 1/5 is a Saturday, so Monday 3/5 is off.
        (date(2027, 4, 29), 1, date(2027, 5, 4)),
    ],
)
def test_it_counts_the_real_calendar(start, n, expected):
    """Labour Code 2019 Arts. 111(3), 112 holidays, counted per Civil Code Art. 147."""
    assert add_working_days(start, n, STATUTORY) == expected
    if is_working_day(start, STATUTORY):
        assert add_working_days(expected, -n, STATUTORY) == start


def test_the_new_year_2026_swap_comes_from_the_announced_days():
    """Fri 2/1/2026 off, Sat 10/1/2026 worked (VPCP 12729/VPCP-KGVX); the library lacks it."""
    assert add_working_days(date(2025, 12, 31), 1, STATUTORY) == date(2026, 1, 2)
    assert add_working_days(date(2025, 12, 31), 1, ANNOUNCED_2026) == date(2026, 1, 5)
    assert add_working_days(date(2026, 1, 9), 1, ANNOUNCED_2026) == date(2026, 1, 10)
    assert working_days_between(date(2026, 1, 1), date(2026, 1, 11), ANNOUNCED_2026) == 6


def test_an_announced_day_overrides_the_statutory_calendar():
    """An announced make-up day is worked, an announced day off is not (DOMAIN rule 23)."""
    cal = WorkCalendar(extra_off=[date(2027, 3, 8)], makeup=[date(2027, 2, 6)])
    assert not cal.is_working_day(date(2027, 3, 8))
    assert cal.is_working_day(date(2027, 2, 6))  # mùng 1 Tết, a Saturday, if ever announced
    assert add_working_days(date(2027, 3, 5), 1, cal) == date(2027, 3, 9)


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        # 10/2/2026 + 5 days = Sun 15/2, inside Tết: the period ends Mon 23/2.
        (date(2026, 2, 10), 5, date(2026, 2, 23)),
        # 21/4/2026 + 5 = Sun 26/4 (Giỗ Tổ), Mon 27/4 off: ends Tue 28/4.
        (date(2026, 4, 21), 5, date(2026, 4, 28)),
        (date(2026, 3, 2), 30, date(2026, 4, 1)),
        (date(2026, 2, 14), 0, date(2026, 2, 23)),
        (date(2026, 3, 2), 0, date(2026, 3, 2)),
        # Counting back: 5 days before Wed 25/2 is Fri 20/2 (Tết): the last working day is 13/2.
        (date(2026, 2, 25), -5, date(2026, 2, 13)),
    ],
)
def test_a_calendar_day_period_moves_past_days_off(start, n, expected):
    """Civil Code Art. 148(5): a period ending on a day off ends on the next working day."""
    assert add_days(start, n, STATUTORY) == expected


def test_a_year_has_the_working_days_of_its_flags():
    """2026: 365 days − 104 weekend days − 13 weekday holidays + Saturday 22/8 = 249."""
    assert STATUTORY.working_days_in(2026) == sum(
        STATUTORY.is_working_day(date(2026, 1, 1) + timedelta(days=i)) for i in range(365)
    )
    assert STATUTORY.working_days_in(2026) == 249


def test_statutory_holidays_are_named_in_both_languages():
    assert STATUTORY.holiday_name(date(2026, 4, 26)) == "Ngày Giỗ Tổ Hùng Vương"
    assert "Hung Kings" in (STATUTORY.holiday_name(date(2026, 4, 26), "en") or "")
    assert STATUTORY.holiday_name(date(2026, 4, 28)) is None
