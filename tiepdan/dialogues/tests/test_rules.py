from datetime import date

import pytest

from tiepdan.dialogues import rules
from tiepdan.lib.errors import DomainError

HELD = date(2026, 12, 10)


def test_complaint_invitations_five_days_ahead_are_accepted():
    """Participants are notified at least 5 days before a complaint dialogue (Decree 124/2020
    Art. 28 as amended by Decree 155/2026)."""
    assert (
        rules.invitation_warning(is_complaint=True, sent_on=date(2026, 12, 5), held_on=HELD) is None
    )


def test_complaint_invitations_four_days_ahead_are_refused():
    """Decree 124/2020 Art. 28 (as amended by Decree 155/2026): fewer than 5 days is too late."""
    with pytest.raises(DomainError) as err:
        rules.invitation_warning(is_complaint=True, sent_on=date(2026, 12, 6), held_on=HELD)
    assert err.value.field == "invitations_sent_on"
    assert "05/12/2026" in err.value.message


def test_general_dialogue_late_invitations_only_warn():
    """Regulation 11-QĐi/TW sets no notice for a general dialogue; the 5 days are advice."""
    warning = rules.invitation_warning(is_complaint=False, sent_on=date(2026, 12, 8), held_on=HELD)
    assert warning and "05/12/2026" in warning


def test_invitations_after_the_dialogue_are_refused():
    with pytest.raises(DomainError):
        rules.invitation_warning(is_complaint=False, sent_on=date(2026, 12, 11), held_on=HELD)


def test_complaint_minutes_need_three_copies():
    """Complaint dialogue minutes (Form 14) are made in at least 3 copies (Decree 155/2026)."""
    with pytest.raises(DomainError):
        rules.check_minutes_copies(is_complaint=True, copies=2)
    rules.check_minutes_copies(is_complaint=True, copies=3)
    rules.check_minutes_copies(is_complaint=False, copies=1)


def test_a_complaint_dialogue_too_soon_for_notice_is_refused_at_planning():
    """Decree 124/2020 Art. 28 (as amended by Decree 155/2026): 5 days' notice must still be
    possible when the dialogue is planned."""
    with pytest.raises(DomainError) as err:
        rules.planning_warning(is_complaint=True, today=date(2026, 12, 6), held_on=HELD)
    assert err.value.field == "held_at"
    assert rules.planning_warning(is_complaint=True, today=date(2026, 12, 5), held_on=HELD) is None


def test_a_general_dialogue_too_soon_only_warns():
    assert rules.planning_warning(is_complaint=False, today=date(2026, 12, 8), held_on=HELD)
