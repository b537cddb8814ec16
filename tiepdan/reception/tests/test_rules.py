"""Pure reception rules, each citing its article."""

from datetime import date, time

from hypothesis import given
from hypothesis import strategies as st

from tiepdan.lib.workdays import add_working_days, working_days_between
from tiepdan.reception import rules


def test_it_requires_five_working_days_notice_before_a_session():
    """Law on Citizen Reception Art. 24: the schedule is published ≥ 5 working days ahead."""
    session = date(2026, 12, 10)
    latest = rules.latest_publication_date(session)
    assert working_days_between(latest, session) == 5
    assert rules.is_published_in_time(session, latest)
    assert not rules.is_published_in_time(session, add_working_days(latest, 1))


@given(st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)))
def test_it_accepts_every_session_on_or_after_the_earliest_date(today):
    """TCD Art. 24: a session on the earliest date published today is in time."""
    assert rules.is_published_in_time(rules.earliest_session_date(today), today)


def test_it_gives_ten_working_days_to_notify_the_citizen():
    """TCD Art. 28 and Regulation 11: written notice within 10 working days of reception."""
    # Friday 20/11/2026: Tue 24/11 is Vietnamese Culture Day, so 10 WD end on Mon 7/12.
    assert rules.notify_by(date(2026, 11, 20)) == date(2026, 12, 7)


def test_it_gives_three_working_days_for_the_refusal_notice():
    """Decree 154 Art. 4: Form 01/TCD is issued within 3 working days."""
    assert rules.refusal_notice_due(date(2026, 11, 20)) == date(2026, 11, 26)


def test_it_needs_a_written_notice_only_for_grounds_9_3_and_h():
    """TCD Art. 9(3) and Decree 154 Art. 4(1)(h) need Form 01/TCD; other grounds are oral."""
    assert rules.needs_refusal_notice("tcd_9_3")
    assert rules.needs_refusal_notice("nd154_4_1_h")
    assert not rules.needs_refusal_notice("tcd_9_1")
    assert not rules.needs_refusal_notice("nd154_4_1_a")


def test_it_limits_representatives_by_group_size():
    """TCD Art. 29: 5–10 people name 1–2 representatives, more than 10 at most 5."""
    assert rules.representative_limits(4) == (0, 0)
    assert rules.representative_limits(5) == (1, 2)
    assert rules.representative_limits(10) == (1, 2)
    assert rules.representative_limits(11) == (1, 5)


def test_it_rejects_representatives_who_are_not_members():
    """TCD Art. 29: representatives are chosen among the group's members."""
    members = [f"Người {i}" for i in range(6)]
    assert rules.group_problems(members, ["Người 1"]) == []
    assert rules.group_problems(members, ["nguoi 2"]) == []  # accents and case do not matter
    assert rules.group_problems(members, ["Người lạ"]) == ["not_member"]
    assert rules.group_problems(members, []) == ["too_few"]
    assert rules.group_problems(members, members[:3]) == ["too_many"]
    assert rules.group_problems(members * 2, members[:5]) == []


def test_it_finds_overlapping_hours():
    assert rules.overlaps(time(7, 30), time(11), time(10), time(12))
    assert not rules.overlaps(time(7, 30), time(11), time(11), time(12))


def test_it_expands_the_second_and_fourth_thursday_skipping_days_off():
    dates, skipped = rules.occurrences(
        weekday=3, weeks_of_month=[2, 4], start=date(2026, 1, 1), end=date(2026, 3, 31)
    )
    assert dates == [
        date(2026, 1, 8),
        date(2026, 1, 22),
        date(2026, 2, 12),
        date(2026, 2, 26),
        date(2026, 3, 12),
        date(2026, 3, 26),
    ]
    assert skipped == []
    dates, skipped = rules.occurrences(
        weekday=2, weeks_of_month=[], start=date(2026, 2, 9), end=date(2026, 2, 28)
    )
    assert skipped == [date(2026, 2, 18)]  # Tết


def test_it_describes_a_recurrence_in_vietnamese():
    assert rules.describe_recurrence(3, [2, 4]) == "Thứ Năm tuần 2 và 4"
    assert rules.describe_recurrence(1, []) == "Thứ Ba hằng tuần"


def test_it_flags_a_secretary_month_with_one_day_as_short():
    """Regulation 11 as amended by KL 215: the commune Secretary receives ≥ 2 days a month."""
    result = rules.month_compliance(
        year=2026,
        month=10,
        held=[date(2026, 10, 8)],
        planned=[],
        minimum=(2, 0),
        today=date(2026, 11, 23),
    )
    assert (result.held, result.required, result.status) == (1, 2, "short")


def test_it_warns_before_the_month_runs_short():
    """Regulation 11: warn while the month can still be saved."""
    result = rules.month_compliance(
        year=2026,
        month=11,
        held=[date(2026, 11, 5)],
        planned=[],
        minimum=(2, 0),
        today=date(2026, 11, 23),
    )
    assert result.status == "at_risk"
    planned = rules.month_compliance(
        year=2026,
        month=11,
        held=[date(2026, 11, 5)],
        planned=[date(2026, 11, 26)],
        minimum=(2, 0),
        today=date(2026, 11, 23),
    )
    assert planned.status == "on_track"


def test_it_counts_the_chairman_week_by_week():
    """TCD Art. 15: the commune Chairman receives citizens at least 1 day every week."""
    held = [
        date(2026, 10, 1),
        date(2026, 10, 8),
        date(2026, 10, 9),
        date(2026, 10, 22),
        date(2026, 10, 29),
    ]
    result = rules.month_compliance(
        year=2026, month=10, held=held, planned=[], minimum=(0, 1), today=date(2026, 11, 23)
    )
    assert result.weeks == 5
    assert result.short_weeks == (date(2026, 10, 12),)
    assert result.status == "short"


def test_it_counts_a_weekly_quota_over_the_weeks_of_the_month():
    """TCD Art. 15: a week belongs to the month of its Thursday (30/12/2025 counts for January)."""
    held = [
        date(2025, 12, 30),
        date(2026, 1, 6),
        date(2026, 1, 13),
        date(2026, 1, 20),
        date(2026, 1, 27),
    ]
    result = rules.month_compliance(
        year=2026, month=1, held=held, planned=[], minimum=(0, 1), today=date(2026, 11, 23)
    )
    assert (result.held, result.required, result.status) == (5, 5, "met")
