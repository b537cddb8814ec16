"""The installed calendar: shipped announced days, and refresh across processes."""

from datetime import date

import pytest
from django.core.cache import cache

from tiepdan.lib.workdays import add_working_days, installed_calendar, is_working_day
from tiepdan.workcalendar import loader
from tiepdan.workcalendar.models import Holiday
from tiepdan.workcalendar.tests.factories import HolidayFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shipped")]


def test_the_announced_2025_and_2026_days_are_shipped():
    """VPCP 12729/VPCP-KGVX: Fri 2/1/2026 off, Sat 10/1/2026 worked; 2025 and 2/9/2026 swaps."""
    assert Holiday.objects.get(date=date(2026, 1, 10)).source == "12729/VPCP-KGVX"
    assert not is_working_day(date(2026, 1, 2))
    assert is_working_day(date(2026, 1, 10))
    assert add_working_days(date(2025, 12, 31), 1) == date(2026, 1, 5)
    assert is_working_day(date(2025, 4, 26)) and not is_working_day(date(2025, 5, 2))
    assert is_working_day(date(2026, 8, 22)) and not is_working_day(date(2026, 8, 31))
    assert Holiday.objects.filter(year=2026, source="9441/TB-BNV").count() == 7


def test_the_calendar_is_built_once_and_reused():
    assert installed_calendar() is installed_calendar()


def test_another_process_edit_is_seen_after_the_check_interval():
    """A change made elsewhere bumps the shared stamp; this process rebuilds within 30 s."""
    before = installed_calendar()
    HolidayFactory(date=date(2027, 3, 8))  # written by "another worker"
    cache.set(loader.CACHE_KEY, "changed-elsewhere")
    assert installed_calendar() is before  # checked less than 30 s ago
    loader.freshness.checked_at -= loader.CHECK_EVERY_SECONDS + 1
    assert installed_calendar() is not before
    assert not is_working_day(date(2027, 3, 8))


def test_an_unchanged_stamp_keeps_the_built_calendar():
    before = installed_calendar()
    loader.freshness.checked_at -= loader.CHECK_EVERY_SECONDS + 1
    assert installed_calendar() is before


def test_without_a_database_it_falls_back_to_the_statutory_days_and_retries(django_db_blocker):
    """Before migrate (or with no database) deadlines still follow the statutory holidays."""
    from tiepdan.lib.workdays import reset_installed_calendar

    reset_installed_calendar()
    with django_db_blocker.block():
        cal = installed_calendar()
    assert cal.is_working_day(date(2026, 1, 2))  # the 2026 swap is only in the table
    assert not cal.is_working_day(date(2026, 2, 17))
    assert not installed_calendar().is_working_day(date(2026, 1, 2))  # database back: reloaded
