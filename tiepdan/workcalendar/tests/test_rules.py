from datetime import date

import pytest

from tiepdan.lib.errors import DomainError
from tiepdan.workcalendar.rules import check_announced_day


def test_a_make_up_day_must_be_a_weekend_day():
    """A make-up working day replaces a weekly rest day (Labour Code 2019 Art. 111)."""
    check_announced_day(date(2026, 1, 10), makeup=True)
    check_announced_day(date(2026, 1, 11), makeup=True)
    with pytest.raises(DomainError) as exc:
        check_announced_day(date(2026, 1, 9), makeup=True)
    assert exc.value.field == "date"


def test_an_extra_day_off_must_be_a_weekday():
    """An extra day off replaces a working weekday (Labour Code 2019 Art. 111)."""
    check_announced_day(date(2026, 1, 2), makeup=False)
    with pytest.raises(DomainError) as exc:
        check_announced_day(date(2026, 1, 3), makeup=False)
    assert exc.value.field == "date"


def test_it_refuses_years_outside_the_calendar():
    with pytest.raises(DomainError):
        check_announced_day(date(2200, 1, 5), makeup=False)
