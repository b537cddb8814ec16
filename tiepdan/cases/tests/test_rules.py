"""Legal periods, deadlines across Tết 2026 and 2027, and classification outcomes."""

from datetime import date, timedelta

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from tiepdan.cases import rules
from tiepdan.cases.rules import Classification, Decision, Kind, Stage
from tiepdan.lib.errors import DomainError
from tiepdan.lib.workdays import WorkCalendar, is_working_day

CAL = WorkCalendar()


@pytest.fixture(autouse=True)
def english():
    """Messages are matched in English (the msgids); the Vietnamese catalogue is tested apart."""
    with translation.override("en"):
        yield


def test_it_gives_ten_working_days_to_notify_across_tet_2026():
    """Notification within 10 WD (Law on Citizen Reception Art. 28): Tết 14–22/2/2026 is skipped."""
    # 12/2 Thu → 13 (1), [14–22 off], 23..27 (2–6), 2..5/3 (7–10)
    assert rules.due("notify", date(2026, 2, 12), calendar=CAL) == date(2026, 3, 5)


def test_it_gives_seven_working_days_of_initial_handling_across_tet_2026():
    """Denunciation initial handling 7 WD (Law on Denunciations Art. 24)."""
    key = rules.handling_key(Kind.DENUNCIATION, date(2026, 2, 12))
    assert key == "denunciation_handling"
    assert rules.due(key, date(2026, 2, 12), calendar=CAL) == date(2026, 3, 2)


def test_it_moves_a_calendar_period_ending_in_tet_2026_to_the_next_working_day():
    """Denunciation resolution 30 days (Law on Denunciations Art. 30); Civil Code Art. 148(5)."""
    # 20/1 + 30 days = 19/2 (Tết, Thursday) → Monday 23/2
    assert rules.due("denunciation_resolution", date(2026, 1, 20), calendar=CAL) == date(
        2026, 2, 23
    )


def test_it_counts_working_days_across_tet_2027():
    """Tết 2027 is 4–10/2 (Thu–Wed): 1/2/2027 + 10 WD lands on Monday 22/2 (TCD Art. 28)."""
    # 2 (1), 3 (2), [4–10 off], 11 (3), 12 (4), 15–19 (5–9), 22 (10)
    assert rules.due("notify", date(2027, 2, 1), calendar=CAL) == date(2027, 2, 22)


def test_it_ends_a_thirty_day_period_after_tet_2027():
    """Complaint round 1, 30 days (Law on Complaints Art. 28): 8/1/2027 + 30 = 7/2 (Tết) → 11/2."""
    assert rules.due("complaint_round1", date(2027, 1, 8), calendar=CAL) == date(2027, 2, 11)


def test_it_skips_the_new_cultural_day_holiday():
    """24/11 is a day off from 2026: 23/11/2026 + 1 WD is Wednesday 25/11."""
    assert rules.due("notify", date(2026, 11, 23), calendar=CAL, overrides={"notify": 1}) == date(
        2026, 11, 25
    )


def test_it_uses_ten_days_for_complaints_received_before_july_2026():
    """Complaint acceptance: 10 days before 01/7/2026 (KN Art. 27), 7 WD after (ND 155, 124)."""
    before = rules.handling_key(Kind.COMPLAINT, date(2026, 6, 25))
    after = rules.handling_key(Kind.COMPLAINT, date(2026, 7, 1))
    assert before == "complaint_acceptance_before_2026_07"
    assert rules.due(before, date(2026, 6, 25), calendar=CAL) == date(2026, 7, 6)  # 5/7 is Sunday
    assert after == "complaint_acceptance"
    assert rules.due(after, date(2026, 7, 1), calendar=CAL) == date(2026, 7, 10)


@pytest.mark.parametrize(
    ("stage", "remote", "complex_", "days"),
    [
        (Stage.RESOLUTION, False, False, 30),
        (Stage.RESOLUTION, False, True, 45),
        (Stage.RESOLUTION, True, False, 45),
        (Stage.RESOLUTION, True, True, 60),
        (Stage.SECOND_ROUND, False, False, 45),
        (Stage.SECOND_ROUND, False, True, 60),
        (Stage.SECOND_ROUND, True, False, 60),
        (Stage.SECOND_ROUND, True, True, 70),
    ],
)
def test_it_gives_complaints_the_round_periods_of_the_law(stage, remote, complex_, days):
    """Round 1 30/45 (remote 45/60), round 2 45/60 (remote 60/70): KN Arts. 28, 37."""
    key = rules.resolution_key(Kind.COMPLAINT, stage, remote=remote, complex_=complex_)
    assert rules.PERIODS[key].days == days
    assert rules.PERIODS[key].working is False


def test_it_lets_a_unit_override_the_feedback_answer_period():
    """Feedback and petitions: a per-unit setting, 10 WD by default."""
    start = date(2026, 3, 2)
    assert rules.due("feedback_answer", start, calendar=CAL) == date(2026, 3, 16)
    assert rules.due("feedback_answer", start, {"feedback_answer": 5}, CAL) == date(2026, 3, 9)


def test_it_transfers_a_denunciation_within_five_working_days_when_not_competent():
    """Law on Denunciations Art. 24: transfer within 5 WD of receipt."""
    key = rules.handling_key(Kind.DENUNCIATION, date(2026, 3, 2), competent=False)
    assert rules.due(key, date(2026, 3, 2), calendar=CAL) == date(2026, 3, 9)


def test_it_extends_a_denunciation_twice_by_thirty_days_and_no_more():
    """Law on Denunciations Art. 30(1): +30 days once or twice, 90 days at most."""
    kwargs = dict(kind=Kind.DENUNCIATION, stage=Stage.RESOLUTION, received_on=date(2026, 3, 2))
    first = rules.extended_due(
        **kwargs, due_on=date(2026, 4, 1), extensions=0, reason="Phức tạp", calendar=CAL
    )
    assert first == date(2026, 5, 4)  # 1/5 is a holiday, 2–3/5 weekend
    rules.extended_due(
        **kwargs, due_on=first, extensions=1, reason="Đặc biệt phức tạp", calendar=CAL
    )
    with pytest.raises(DomainError, match="at most twice"):
        rules.extended_due(**kwargs, due_on=first, extensions=2, reason="x", calendar=CAL)


def test_it_refuses_an_extension_without_a_reason():
    """Each extension is a written decision with its reason (Law on Denunciations Art. 30)."""
    with pytest.raises(DomainError) as caught:
        rules.extended_due(
            kind=Kind.DENUNCIATION,
            stage=Stage.RESOLUTION,
            received_on=date(2026, 3, 2),
            due_on=date(2026, 4, 1),
            extensions=0,
            reason="  ",
        )
    assert caught.value.field == "reason"


def test_it_extends_initial_handling_of_a_denunciation_to_ten_working_days_once():
    """Law on Denunciations Art. 24: 7 WD, up to 10 with a reason."""
    kwargs = dict(kind=Kind.DENUNCIATION, stage=Stage.HANDLING, received_on=date(2026, 3, 2))
    assert rules.extended_due(
        **kwargs, due_on=date(2026, 3, 11), extensions=0, reason="Cần xác minh", calendar=CAL
    ) == date(2026, 3, 16)
    with pytest.raises(DomainError):
        rules.extended_due(
            **kwargs, due_on=date(2026, 3, 16), extensions=1, reason="x", calendar=CAL
        )


def test_it_does_not_extend_a_complaint():
    """Complaints get the longer 'complex' period instead (Law on Complaints Arts. 28, 37)."""
    with pytest.raises(DomainError, match="complex"):
        rules.extended_due(
            kind=Kind.COMPLAINT,
            stage=Stage.RESOLUTION,
            received_on=date(2026, 3, 2),
            due_on=date(2026, 4, 1),
            extensions=0,
            reason="x",
        )


def test_it_restarts_a_suspended_calendar_clock_with_the_days_left():
    """Suspension stops the clock; resumption restarts it with what remained (Decree 155)."""
    left = rules.remaining_days(date(2026, 3, 10), date(2026, 3, 1), working=False, calendar=CAL)
    assert left == 9
    # 20/3 + 9 days = 29/3 (Sunday) → Monday 30/3
    assert rules.resumed_due(date(2026, 3, 20), left, working=False, calendar=CAL) == date(
        2026, 3, 30
    )


def test_it_restarts_a_suspended_working_day_clock_across_tet():
    """A working-day period keeps its remaining working days across a suspension over Tết 2027."""
    left = rules.remaining_days(date(2027, 1, 29), date(2027, 1, 26), working=True, calendar=CAL)
    assert left == 3  # 27, 28, 29/1
    assert rules.resumed_due(date(2027, 2, 3), left, working=True, calendar=CAL) == date(
        2027, 2, 15
    )


def test_it_counts_five_or_more_signers_as_a_multi_signer_letter():
    """Circular 05/2021: many signers means 5 or more."""
    assert not rules.is_multi_signer(4)
    assert rules.is_multi_signer(5)


def test_it_refuses_a_received_date_in_the_future():
    """The received date is the basis of every deadline; it cannot be after today."""
    rules.check_received_on(date(2026, 11, 23), date(2026, 11, 23))
    with pytest.raises(DomainError) as caught:
        rules.check_received_on(date(2026, 11, 24), date(2026, 11, 23))
    assert caught.value.field == "received_on"


# --- Classification --------------------------------------------------------------------------


def test_it_never_accepts_an_anonymous_letter_as_a_denunciation():
    """Law on Denunciations Art. 25 (rule 14)."""
    c = Classification(kind=Kind.DENUNCIATION, anonymous=True)
    assert rules.allowed_decisions(c) == [Decision.ARCHIVE]
    with pytest.raises(DomainError, match="anonymous"):
        rules.check_decision(c, Decision.ACCEPT)


def test_it_lets_an_anonymous_letter_with_evidence_be_passed_on():
    """Law on Denunciations Art. 25: verifiable evidence may be inspected or transferred."""
    c = Classification(kind=Kind.DENUNCIATION, anonymous=True, has_evidence=True)
    assert Decision.TRANSFER in rules.allowed_decisions(c)
    assert Decision.ACCEPT not in rules.allowed_decisions(c)


def test_it_transfers_a_denunciation_only_once():
    """Circular 05/2021 Art. 14 (rule 15)."""
    c = Classification(kind=Kind.DENUNCIATION, competent=False, transfer_count=1)
    with pytest.raises(DomainError, match="already been transferred"):
        rules.check_decision(c, Decision.TRANSFER)
    rules.check_decision(Classification(kind=Kind.DENUNCIATION, competent=False), Decision.TRANSFER)


def test_it_routes_a_party_member_denunciation_to_the_party_inspection_body():
    """Circular 05/2021 Art. 15 (rule 20)."""
    c = Classification(kind=Kind.DENUNCIATION, party_rule_breach=True)
    assert rules.allowed_decisions(c) == [Decision.TRANSFER]
    with pytest.raises(DomainError, match="Party inspection"):
        rules.check_decision(c, Decision.ACCEPT)


def test_it_archives_or_guides_an_inadmissible_letter_with_a_listed_reason():
    """Inadmissible letters: a closed list of reasons (Circular 05/2021; rule 13)."""
    with pytest.raises(DomainError):
        rules.check_classification(Classification(kind=Kind.PETITION, admissible=False))
    c = Classification(kind=Kind.PETITION, admissible=False, inadmissible_reason="unsigned")
    rules.check_classification(c)
    assert rules.allowed_decisions(c) == [Decision.ARCHIVE, Decision.GUIDE]
    with pytest.raises(DomainError):
        rules.check_decision(c, Decision.ACCEPT)


def test_it_guides_a_complaint_outside_the_units_competence():
    """Law on Citizen Reception Art. 26: a complaint outside competence is guided."""
    c = Classification(kind=Kind.COMPLAINT, competent=False)
    assert rules.allowed_decisions(c) == [Decision.GUIDE]


def test_it_accepts_an_admissible_letter_within_competence():
    """Circular 05/2021 Art. 13: accept (thụ lý)."""
    assert rules.allowed_decisions(Classification(kind=Kind.FEEDBACK)) == [Decision.ACCEPT]


# --- Properties ------------------------------------------------------------------------------

days_2025_2028 = st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 6, 30))
period_keys = st.sampled_from(sorted(rules.PERIODS))


@settings(max_examples=300, deadline=None)
@given(start=days_2025_2028, key=period_keys)
def test_a_deadline_never_falls_on_a_day_off(start, key):
    """Every deadline, in working or calendar days, ends on a working day (rule 23)."""
    end = rules.due(key, start, calendar=CAL)
    assert is_working_day(end, CAL)
    assert end > start


@settings(max_examples=200, deadline=None)
@given(a=days_2025_2028, gap=st.integers(0, 60), key=period_keys)
def test_a_later_start_never_gives_an_earlier_deadline(a, gap, key):
    """Deadlines are monotonic in the start date."""
    b = a + timedelta(days=gap)
    assert rules.due(key, a, calendar=CAL) <= rules.due(key, b, calendar=CAL)


@settings(max_examples=200, deadline=None)
@given(start=days_2025_2028, n=st.integers(1, 60), extra=st.integers(0, 30), working=st.booleans())
def test_a_longer_period_never_gives_an_earlier_deadline(start, n, extra, working):
    """Deadlines are monotonic in the number of days."""
    p = rules.Period(n, working, "", "")
    assert p.end(start, CAL) <= p.end(start, CAL, n + extra)


@settings(max_examples=200, deadline=None)
@given(
    due=days_2025_2028, before=st.integers(0, 40), pause=st.integers(0, 60), working=st.booleans()
)
def test_a_suspension_never_shortens_the_period(due, before, pause, working):
    """After suspend + resume the due date is no earlier than it was (Decree 155)."""
    if working and not is_working_day(due, CAL):
        return
    suspended = due - timedelta(days=before)
    left = rules.remaining_days(due, suspended, working=working, calendar=CAL)
    resumed = suspended + timedelta(days=pause)
    new_due = rules.resumed_due(resumed, left, working=working, calendar=CAL)
    assert new_due >= due or left == 0
    assert is_working_day(new_due, CAL) or left == 0
