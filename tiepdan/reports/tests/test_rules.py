from datetime import date

from tiepdan.reports import rules


def test_the_secretary_must_hold_two_days_a_month():
    """Regulation 11 as amended by KL 215: at least 2 reception days a month (rule 1)."""
    assert rules.secretary_days_required(date(2026, 1, 1), date(2026, 6, 30)) == 12
    assert rules.secretary_days_required(date(2025, 12, 15), date(2026, 6, 14)) == 12
    assert rules.secretary_days_required(date(2025, 12, 15), date(2026, 1, 14)) == 2


def test_the_chairman_must_hold_one_day_a_week():
    """Law on Citizen Reception Art. 15: at least 1 day a week (rule 2)."""
    # November 2026 starts on a Sunday: its weeks with working days are the 2nd to the 30th.
    assert rules.chairman_days_required(date(2026, 11, 1), date(2026, 11, 30)) == 5
    assert rules.weeks_touched(date(2026, 11, 7), date(2026, 11, 8)) == 0
