from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiepdan.directives import rules
from tiepdan.lib.errors import DomainError
from tiepdan.lib.workdays import WorkCalendar, is_working_day, working_days_between

PLAIN = WorkCalendar()


def test_it_counts_the_deadline_in_working_days_after_the_issue_day():
    """A conclusions notice sets each task's deadline (Decree 154/2026 Art. 25): 3 WD from a
    Friday ends on the Wednesday."""
    due = rules.compute_due_on(issued_on=date(2026, 12, 4), due_in_working_days=3)
    assert due == date(2026, 12, 9)


def test_it_uses_the_default_period_when_none_is_given():
    """Without a date or a count the default of 10 working days applies (Decree 154 Art. 25)."""
    due = rules.compute_due_on(issued_on=date(2026, 12, 4))
    assert working_days_between(date(2026, 12, 4), due) == rules.DEFAULT_DUE_WORKING_DAYS


def test_it_keeps_a_given_deadline():
    assert rules.compute_due_on(issued_on=date(2026, 12, 4), due_on=date(2026, 12, 31)) == date(
        2026, 12, 31
    )


def test_it_refuses_a_deadline_before_the_issue_day():
    with pytest.raises(DomainError) as err:
        rules.compute_due_on(issued_on=date(2026, 12, 4), due_on=date(2026, 12, 1))
    assert err.value.field == "due_on"


def test_it_refuses_both_a_date_and_a_count():
    with pytest.raises(DomainError):
        rules.compute_due_on(
            issued_on=date(2026, 12, 4), due_on=date(2026, 12, 31), due_in_working_days=5
        )


def test_it_refuses_zero_working_days():
    with pytest.raises(DomainError):
        rules.compute_due_on(issued_on=date(2026, 12, 4), due_in_working_days=0)


@given(
    issued=st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)),
    days=st.integers(min_value=1, max_value=60),
)
def test_a_working_day_deadline_is_always_a_working_day_exactly_n_working_days_later(issued, days):
    """Working-day periods end on a working day, n working days after the issue day (rule 23)."""
    due = rules.compute_due_on(issued_on=issued, due_in_working_days=days, calendar=PLAIN)
    assert due > issued
    assert is_working_day(due, PLAIN)
    assert working_days_between(issued, due, PLAIN) == days


@pytest.mark.parametrize("percent", [-1, 101])
def test_it_refuses_a_percent_outside_0_to_100(percent):
    with pytest.raises(DomainError):
        rules.check_percent(percent)


def test_it_reminds_only_within_two_working_days_of_the_deadline():
    monday = date(2026, 12, 7)
    assert rules.needs_reminder(due_on=monday + timedelta(days=2), today=monday, calendar=PLAIN)
    assert not rules.needs_reminder(due_on=monday + timedelta(days=3), today=monday, calendar=PLAIN)
    assert rules.needs_reminder(due_on=monday, today=monday, calendar=PLAIN)
    assert not rules.needs_reminder(due_on=monday - timedelta(days=1), today=monday, calendar=PLAIN)
