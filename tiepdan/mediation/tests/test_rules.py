from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiepdan.lib.errors import DomainError
from tiepdan.lib.workdays import WorkCalendar
from tiepdan.mediation import rules
from tiepdan.mediation.rules import MemberFacts

PLAIN = WorkCalendar()


def test_a_team_of_two_is_refused():
    """A team has at least 3 mediators (Law 35/2013 Art. 12(1))."""
    with pytest.raises(DomainError) as err:
        rules.check_team_composition([MemberFacts(True), MemberFacts(False)])
    assert "12" in err.value.message


def test_a_team_without_a_woman_is_refused():
    """A team includes a woman mediator (Law 35/2013 Art. 12(1))."""
    with pytest.raises(DomainError):
        rules.check_team_composition([MemberFacts(False)] * 5)


@given(st.lists(st.booleans(), min_size=0, max_size=8))
def test_composition_is_valid_exactly_with_three_members_and_a_woman(women):
    """Law 35/2013 Art. 12(1): ≥ 3 mediators including a woman, for any composition."""
    valid = len(women) >= 3 and any(women)
    try:
        rules.check_team_composition([MemberFacts(w) for w in women])
    except DomainError:
        assert not valid
    else:
        assert valid


def test_mediation_starts_within_three_days_of_assignment():
    """Law 35/2013 Art. 20: start within 3 days of the assignment."""
    assigned = date(2026, 12, 7)  # a Monday
    assert rules.start_due_on(assigned, PLAIN) == date(2026, 12, 10)
    assert not rules.is_start_late(
        assigned_on=assigned,
        started_on=date(2026, 12, 10),
        today=date(2026, 12, 20),
        calendar=PLAIN,
    )
    assert rules.is_start_late(
        assigned_on=assigned,
        started_on=date(2026, 12, 11),
        today=date(2026, 12, 20),
        calendar=PLAIN,
    )


def test_a_case_not_started_is_late_once_the_three_days_pass():
    """Law 35/2013 Art. 20: still not started after 3 days is flagged."""
    assigned = date(2026, 12, 7)
    assert not rules.is_start_late(
        assigned_on=assigned, started_on=None, today=date(2026, 12, 10), calendar=PLAIN
    )
    assert rules.is_start_late(
        assigned_on=assigned, started_on=None, today=date(2026, 12, 11), calendar=PLAIN
    )
    assert not rules.is_start_late(assigned_on=None, started_on=None, today=date(2026, 12, 31))


def test_an_agreement_missing_an_art_24_item_is_refused():
    """The record states grounds, parties, case, course, agreement, rights and duties, method
    and deadline (Law 35/2013 Art. 24(2))."""
    values = {name: "x" for name in rules.AGREEMENT_FIELDS}
    rules.check_agreement(values)
    values["rights_and_duties"] = " "
    with pytest.raises(DomainError) as err:
        rules.check_agreement(values)
    assert err.value.field == "rights_and_duties"


def test_success_rate_is_among_ended_cases():
    assert rules.success_rate(3, 4) == 75.0
    assert rules.success_rate(0, 0) is None


@given(st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)), st.integers(0, 20))
def test_the_last_late_assignment_splits_the_late_cases_from_the_others(today, days_ago):
    """A case not started is late exactly when assigned on or before that day (Art. 20), across
    weekends and the Tết days off."""
    assigned = today - timedelta(days=days_ago)
    late = rules.is_start_late(assigned_on=assigned, started_on=None, today=today, calendar=PLAIN)
    assert late == (assigned <= rules.last_late_assignment(today, PLAIN))


def test_on_a_monday_the_cases_assigned_by_tuesday_are_late():
    """Assigned on Wednesday 18/11/2026 the 3 days end on Saturday, so on Monday 23/11."""
    assert rules.last_late_assignment(date(2026, 11, 23), PLAIN) == date(2026, 11, 17)
