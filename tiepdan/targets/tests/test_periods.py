from datetime import date

import pytest

from tiepdan.lib.errors import DomainError
from tiepdan.targets.periods import Period, parse_period, periods_of_year


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2026-01", date(2026, 1, 1), date(2026, 1, 31)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30)),
        ("2026-9M", date(2026, 1, 1), date(2026, 9, 30)),
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_it_reads_the_period_codes_of_the_reports(code, start, end):
    """Monthly, Q1, 6-month, 9-month and yearly periods (DOMAIN §12 rule 28)."""
    period = parse_period(code)
    assert (period.start, period.end, period.code) == (start, end, code)


@pytest.mark.parametrize("code", ["2026-13", "2026-Q5", "2026-H3", "26", "", "2026-6M"])
def test_it_refuses_what_is_not_a_period(code):
    with pytest.raises(DomainError):
        parse_period(code)


def test_it_labels_periods_for_report_titles():
    assert parse_period("2026-H1").label() == "6 tháng đầu năm 2026"


def test_a_year_has_twenty_periods_and_all_round_trip():
    periods = periods_of_year(2026)
    assert len(periods) == 20
    assert all(parse_period(p.code) == p for p in periods)
    assert Period(2026, "half", 1).same_period_last_year().code == "2025-H1"
