"""The legal clock of a row, counted in working days on the installed calendar."""

from datetime import date

import pytest

from tiepdan.inbox import rows
from tiepdan.inbox.rows import CAP, Block
from tiepdan.inbox.tests.conftest import TODAY

pytestmark = pytest.mark.django_db  # the calendar of working days reads the announced days


def test_the_clock_counts_working_days_left_and_overdue():
    """From Monday 23/11 to Friday 27/11 are 3 working days: 24/11 is Vietnamese Culture Day,
    a day off from 2026; Friday 20/11 is 1 working day late."""
    assert rows.deadline(date(2026, 11, 27), TODAY).text == "Còn 3 ngày làm việc"
    assert rows.deadline(date(2026, 11, 27), TODAY).level == "later"
    assert rows.deadline(date(2026, 11, 25), TODAY).level == "soon"
    assert rows.deadline(TODAY, TODAY).text == "Đến hạn hôm nay"
    assert rows.deadline(date(2026, 11, 20), TODAY).text == "Quá hạn 1 ngày làm việc"
    assert rows.deadline(date(2026, 11, 20), TODAY).level == "late"
    assert rows.deadline(None, TODAY) is None


def test_a_deadline_passed_over_the_weekend_is_overdue_without_a_count():
    """Due on Friday, seen on Saturday: no working day has passed, yet it is late."""
    saturday = date(2026, 11, 28)
    assert rows.deadline(date(2026, 11, 27), saturday).text == "Quá hạn"


def test_a_count_is_told_in_words_and_capped():
    assert Block("k", "Tiêu đề", 3).count_text == "3 việc đang chờ"
    assert Block("k", "Tiêu đề", CAP + 1).shown_count == "50+"


def test_an_appointment_says_today_tomorrow_or_its_weekday():
    assert rows.when(TODAY, TODAY).text == "Hôm nay"
    assert rows.when(date(2026, 11, 24), TODAY).text == "Ngày mai"
    assert rows.when(date(2026, 11, 26), TODAY, dated=False) == rows.Clock("Thứ Năm", None, "day")
