from datetime import date, datetime

import pytest

from tiepdan.dialogues import services
from tiepdan.dialogues.models import Dialogue
from tiepdan.dialogues.tests.conftest import VN, held, plan
from tiepdan.directives.models import Directive
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.orgunits.services import ensure_group

pytestmark = pytest.mark.django_db


def test_it_plans_a_dialogue_with_its_residential_groups(leader_a, ward_a, group_a):
    dialogue = plan(leader_a, ward_a, residential_groups=[group_a])
    assert list(dialogue.residential_groups.all()) == [group_a]
    assert dialogue.participants.get().name == str(leader_a)


def test_it_links_the_cases_concerned(leader_a, officer_a, ward_a):
    from tiepdan.cases.tests.factories import receive

    case = receive(ward_a, officer_a)
    dialogue = plan(leader_a, ward_a, cases=[case])
    assert list(case.dialogues.all()) == [dialogue]


def test_it_refuses_a_residential_group_of_another_ward(leader_a, ward_a, ward_b):
    other = ensure_group(ward_b, "Tổ dân phố 1")
    with pytest.raises(DomainError):
        plan(leader_a, ward_a, residential_groups=[other])
    assert not Dialogue.objects.exists()


def test_it_refuses_a_dialogue_in_the_past(leader_a, ward_a):
    with pytest.raises(DomainError) as err:
        services.plan_dialogue(
            unit=ward_a,
            kind="general",
            topic="X",
            held_at=datetime(2026, 11, 20, 8, tzinfo=VN),
            place="P",
            chaired_by=leader_a,
            actor=leader_a,
        )
    assert err.value.field == "held_at"


def test_late_complaint_invitations_are_refused_and_not_saved(leader_a, ward_a):
    """Decree 124/2020 Art. 28 as amended by Decree 155/2026: at least 5 days' notice."""
    dialogue = plan(leader_a, ward_a, kind=Dialogue.Kind.COMPLAINT, day=4)
    with pytest.raises(DomainError):
        services.record_invitations_sent(dialogue, sent_on=date(2026, 11, 30))
    dialogue.refresh_from_db()
    assert dialogue.invitations_sent_on is None


def test_late_general_invitations_are_saved_with_a_warning(leader_a, ward_a):
    dialogue = plan(leader_a, ward_a, day=4)
    assert services.record_invitations_sent(dialogue, sent_on=date(2026, 12, 1))
    dialogue.refresh_from_db()
    assert dialogue.invitations_sent_on == date(2026, 12, 1)


def test_a_dialogue_cannot_be_recorded_before_invitations(leader_a, ward_a):
    dialogue = plan(leader_a, ward_a)
    with pytest.raises(DomainError):
        services.record_held(dialogue, attended=[], result="x")


def test_recording_numbers_the_minutes_and_marks_attendance(leader_a, ward_a):
    dialogue = held(leader_a, ward_a)
    assert dialogue.status == Dialogue.Status.HELD
    assert dialogue.minutes_number == "01-BB/ĐU"
    assert set(dialogue.participants.values_list("attended", flat=True)) == {True}


def test_complaint_minutes_with_two_copies_are_refused(leader_a, ward_a):
    """Form 14 minutes in at least 3 copies (Decree 155/2026)."""
    with pytest.raises(DomainError):
        held(leader_a, ward_a, kind=Dialogue.Kind.COMPLAINT, copies=2)


def test_commitments_become_directives_sourced_from_the_dialogue(leader_a, ward_a, dept_a):
    dialogue = held(leader_a, ward_a)
    directive = services.add_commitment(
        dialogue,
        title="Lát lại vỉa hè trước chợ",
        actor=leader_a,
        owner_department=dept_a,
        due_in_working_days=10,
    )
    assert directive.source == dialogue
    assert directive.source_kind == Directive.SourceKind.DIALOGUE
    assert directive.issued_on == date(2026, 12, 4)
    assert list(dialogue.commitments.all()) == [directive]


def test_a_commitment_without_an_owner_is_refused(leader_a, ward_a):
    """Every commitment has an owner and a deadline (Decree 154/2026 Art. 25)."""
    dialogue = held(leader_a, ward_a)
    with pytest.raises(DomainError):
        services.add_commitment(dialogue, title="Không người chủ trì", actor=leader_a)
    assert not dialogue.commitments.exists()


def test_commitments_wait_for_the_dialogue_to_be_held(leader_a, ward_a, dept_a):
    dialogue = plan(leader_a, ward_a)
    with pytest.raises(Conflict):
        services.add_commitment(dialogue, title="x", actor=leader_a, owner_department=dept_a)


def test_only_a_held_dialogue_is_published(leader_a, ward_a):
    dialogue = plan(leader_a, ward_a)
    with pytest.raises(Conflict):
        services.publish_summary(dialogue, summary="Tóm tắt")
    dialogue = held(leader_a, ward_a)
    services.publish_summary(dialogue, summary="Tóm tắt")
    assert Dialogue.objects.published().get() == dialogue
