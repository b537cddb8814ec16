from datetime import date

import pytest

from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.mediation import services
from tiepdan.mediation.models import MediationCase, MediationTeam, Mediator
from tiepdan.mediation.referral import refer_to_authorities
from tiepdan.mediation.services import MediatorInput
from tiepdan.mediation.tests.conftest import AGREEMENT, F, M, members, register

pytestmark = pytest.mark.django_db


def test_it_sets_up_a_team_with_its_recognised_leader(team):
    assert team.mediators.count() == 3
    assert team.leader.full_name == "Trần Văn Long"
    assert team.leader_decision_number == "125/QĐ-UBND"


def test_a_team_without_a_woman_is_refused_and_nothing_is_saved(group_a):
    """Law 35/2013 Art. 12(1): a team includes a woman mediator."""
    with pytest.raises(DomainError) as err:
        services.establish_team(group=group_a, name="Tổ 1", mediators=members(M, M, M))
    assert "Art. 12" in err.value.message or "Điều 12" in err.value.message
    assert not MediationTeam.objects.exists() and not Mediator.objects.exists()


def test_a_team_of_two_is_refused(group_a):
    """Law 35/2013 Art. 12(1): at least 3 mediators."""
    with pytest.raises(DomainError):
        services.establish_team(group=group_a, name="Tổ 1", mediators=members(F, M))


def test_a_leader_needs_the_chairmans_decision(group_a):
    """Law 35/2013 Art. 14: the commune Chairman recognises the team leader."""
    with pytest.raises(DomainError) as err:
        services.establish_team(
            group=group_a, name="Tổ 1", mediators=members(F, M, M), leader_index=0
        )
    assert err.value.field == "leader_decision_number"


def test_a_team_belongs_to_a_residential_group(ward_a):
    with pytest.raises(DomainError):
        services.establish_team(group=ward_a, name="Tổ", mediators=members(F, M, M))


def test_retiring_the_only_woman_is_refused(team):
    """Law 35/2013 Art. 12(1) keeps holding when a mediator leaves."""
    woman = team.mediators.get(sex=F)
    with pytest.raises(DomainError):
        services.retire_mediator(woman, left_on=date(2026, 11, 1))
    services.add_mediator(team, MediatorInput(full_name="Hồ Thị Yến", sex=F))
    services.retire_mediator(woman, left_on=date(2026, 11, 1))
    woman.refresh_from_db()
    assert woman.is_active is False


def test_cases_are_numbered_per_team_and_year(team):
    first, second = register(team), register(team)
    other_year = register(team, received_on=date(2027, 1, 4))
    assert (first.number, second.number, other_year.number) == (1, 2, 1)


def test_an_excluded_matter_is_refused_with_its_reason(team):
    """Law 35/2013 Art. 3: acts subject to criminal or administrative penalties are not mediated."""
    case = register(
        team,
        exclusion="offence",
        refusal_note="Hành vi cố ý gây thương tích, chuyển Công an phường",
    )
    assert case.status == MediationCase.Status.REFUSED
    with pytest.raises(Conflict):
        services.record_session(case, held_on=date(2026, 11, 3), place="Nhà văn hóa", notes="x")


def test_an_excluded_matter_needs_the_reason(team):
    """Law 35/2013 Art. 3: the refusal is explained."""
    with pytest.raises(DomainError):
        register(team, exclusion="state")
    assert not MediationCase.objects.exists()


def test_a_late_start_is_flagged(team):
    """Law 35/2013 Art. 20: mediation starts within 3 days of assignment."""
    mediator = team.mediators.first()
    case = register(team, origin="assigned", mediators=[mediator], assigned_on=date(2026, 11, 2))
    services.record_session(
        case, held_on=date(2026, 11, 9), place="Nhà văn hóa", notes="Nghe hai bên trình bày"
    )
    case.refresh_from_db()
    assert case.started_on == date(2026, 11, 9)
    assert case.started_late


def test_a_mediator_of_another_team_cannot_be_assigned(team, ward_a):
    from tiepdan.orgunits.services import ensure_group

    other = services.establish_team(
        group=ensure_group(ward_a, "Khu phố 2"), name="Tổ KP2", mediators=members(F, M, M)
    )
    case = register(team)
    with pytest.raises(DomainError):
        services.assign_mediators(
            case, mediators=[other.mediators.first()], assigned_on=date(2026, 11, 3)
        )


def _mediated(team, **kw):
    case = register(team, **kw)
    services.record_session(
        case, held_on=date(2026, 11, 4), place="Nhà văn hóa", notes="Hai bên trình bày"
    )
    return case


def test_stopping_needs_an_art_23_reason(team):
    """Law 35/2013 Art. 23: mediation ends on agreement, a party's stop, or the mediator's end."""
    case = _mediated(team)
    with pytest.raises(DomainError):
        services.record_outcome(case, status="stopped", ended_on=date(2026, 11, 5))
    services.record_outcome(case, status="stopped", ended_on=date(2026, 11, 5), stop_reason="party")
    assert case.status == "stopped"


def test_an_outcome_needs_a_session(team):
    case = register(team)
    with pytest.raises(DomainError):
        services.record_outcome(case, status="successful", ended_on=date(2026, 11, 5))


def test_a_successful_case_gets_its_agreement_and_follow_up(team):
    """Law 35/2013 Arts. 24(2) and 26: the record and the mediator's follow-up."""
    case = _mediated(team)
    services.record_outcome(case, status="successful", ended_on=date(2026, 11, 6))
    agreement = services.record_agreement(case, **AGREEMENT)
    assert agreement.carry_out_by == date(2026, 11, 20)
    services.record_follow_up(case, checked_on=date(2026, 11, 21), result="fulfilled")
    assert case.follow_ups.count() == 1


def test_an_agreement_for_an_unsuccessful_case_is_refused(team):
    case = _mediated(team)
    services.record_outcome(case, status="unsuccessful", ended_on=date(2026, 11, 6))
    with pytest.raises(Conflict):
        services.record_agreement(case, **AGREEMENT)


def test_an_unsuccessful_case_is_referred_and_opens_a_ward_case(team, ward_a, officer_a):
    """Law 35/2013 Art. 27(2): the parties may take the matter to the competent authority."""
    case = _mediated(team)
    services.record_outcome(
        case, status="unsuccessful", ended_on=date(2026, 11, 6), note="Hai bên không thống nhất"
    )
    refer_to_authorities(
        case, referred_to="UBND phường Bến Thành", referred_on=date(2026, 11, 9), actor=officer_a
    )
    case.refresh_from_db()
    assert case.referred_case is not None
    assert case.referred_case.unit == ward_a
    assert "Đỗ Văn Hải" in case.referred_case.content
    with pytest.raises(Conflict):
        refer_to_authorities(case, referred_to="x", referred_on=date(2026, 11, 9), actor=officer_a)


def test_a_successful_case_is_not_referred(team, officer_a):
    case = _mediated(team)
    services.record_outcome(case, status="successful", ended_on=date(2026, 11, 6))
    with pytest.raises(Conflict):
        refer_to_authorities(
            case, referred_to="UBND", referred_on=date(2026, 11, 9), actor=officer_a
        )
