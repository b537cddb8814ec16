from datetime import date

import pytest

from tiepdan.reports.models import GeneratedReport, ReportSettings
from tiepdan.reports.periods import cutoff_day_for, window
from tiepdan.targets.periods import parse_period


def test_a_six_month_window_runs_from_15_december_to_14_june():
    """Data cut-off of Decree 09/2019: 15/12 of the previous year to 14/6 (DOMAIN §11)."""
    w = window(parse_period("2026-H1"), 14)
    assert (w.start, w.end) == (date(2025, 12, 15), date(2026, 6, 14))


def test_a_yearly_window_runs_to_14_december():
    """DOMAIN §11: to 14/12 for the yearly report."""
    w = window(parse_period("2026"), 14)
    assert (w.start, w.end) == (date(2025, 12, 15), date(2026, 12, 14))


def test_a_month_and_a_quarter_are_cut_off_the_same_way():
    assert window(parse_period("2026-03"), 14).start == date(2026, 2, 15)
    assert window(parse_period("2026-Q3"), 14).start == date(2026, 6, 15)
    assert window(parse_period("2026-9M"), 14).end == date(2026, 9, 14)


def test_without_a_cut_off_day_the_window_is_the_calendar_period():
    w = window(parse_period("2026-Q1"))
    assert (w.start, w.end) == (date(2026, 1, 1), date(2026, 3, 31))
    assert w.last_year().start == date(2025, 1, 1)


@pytest.mark.django_db
def test_a_ward_uses_its_provinces_cut_off_unless_it_has_its_own(ward_a):
    """Cut-off dates are configurable (DOMAIN §12 rule 28)."""
    assert cutoff_day_for(ward_a, GeneratedReport.Kind.STATE) == 14
    assert cutoff_day_for(ward_a, GeneratedReport.Kind.PARTY) is None
    ReportSettings.objects.create(unit=ward_a.parent, state_cutoff_day=20, party_cutoff_day=25)
    assert cutoff_day_for(ward_a, GeneratedReport.Kind.STATE) == 20
    ReportSettings.objects.create(unit=ward_a, state_cutoff_day=None)
    assert cutoff_day_for(ward_a, GeneratedReport.Kind.STATE) is None
