"""Writes on grassroots mediation: teams and mediators (Law 35/2013 Arts. 8, 12, 14), cases
from intake to outcome (Arts. 3, 16, 20, 23, 24, 26, 27)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.mediation import rules
from tiepdan.mediation.models import (
    Agreement,
    FollowUp,
    MediationCase,
    MediationSession,
    MediationTeam,
    Mediator,
)
from tiepdan.orgunits.models import OrgUnit

if TYPE_CHECKING:
    from tiepdan.accounts.models import User


@dataclass(frozen=True)
class MediatorInput:
    full_name: str
    sex: str
    birth_year: int | None = None
    phone: str = ""
    address: str = ""
    occupation: str = ""
    recognition_decision: str = ""
    recognised_on: date | None = None


@dataclass(frozen=True)
class PartyInput:
    side: str
    full_name: str
    birth_year: int | None = None
    address: str = ""
    phone: str = ""


def _facts(mediators: Sequence[MediatorInput | Mediator]) -> list[rules.MemberFacts]:
    return [rules.MemberFacts(is_woman=m.sex == Mediator.Sex.FEMALE) for m in mediators]


def _check_leader_decision(number: str, on: date | None) -> None:
    if not number.strip() or on is None:
        raise DomainError(
            _(
                "The team leader is recognised by a decision of the commune Chairman "
                "(Law 35/2013 Art. 14): give its number and date."
            ),
            field="leader_decision_number",
        )


def establish_team(
    *,
    group: OrgUnit,
    name: str,
    mediators: Sequence[MediatorInput],
    leader_index: int | None = None,
    leader_decision_number: str = "",
    leader_decision_on: date | None = None,
    established_on: date | None = None,
) -> MediationTeam:
    """Set up a team with its mediators; at least 3, including a woman (Art. 12(1))."""
    if group.level != OrgUnit.Level.GROUP:
        raise DomainError(
            _("A mediation team belongs to a village or residential group."), field="group"
        )
    if any(not m.full_name.strip() for m in mediators):
        raise DomainError(_("Every mediator needs a name."), field="mediators")
    rules.check_team_composition(_facts(mediators))
    if leader_index is not None:
        _check_leader_decision(leader_decision_number, leader_decision_on)
    with transaction.atomic():
        team = MediationTeam.objects.create(
            group=group, name=name.strip(), established_on=established_on
        )
        members = [Mediator.objects.create(team=team, **vars(m)) for m in mediators]
        if leader_index is not None:
            team.leader = members[leader_index]
            team.leader_decision_number = leader_decision_number
            team.leader_decision_on = leader_decision_on
            team.save(update_fields=["leader", "leader_decision_number", "leader_decision_on"])
    return team


def add_mediator(team: MediationTeam, data: MediatorInput) -> Mediator:
    """Add a mediator elected in the village or residential group (Art. 8)."""
    if not data.full_name.strip():
        raise DomainError(_("Every mediator needs a name."), field="full_name")
    return Mediator.objects.create(team=team, **vars(data))


def retire_mediator(mediator: Mediator, *, left_on: date) -> Mediator:
    """Take a mediator off the team, unless the team would fall below Art. 12(1)."""
    with transaction.atomic():
        team = MediationTeam.objects.select_for_update().get(pk=mediator.team_id)
        remaining = team.mediators.filter(is_active=True).exclude(pk=mediator.pk)
        rules.check_team_composition(_facts(list(remaining)))
        mediator.is_active, mediator.left_on = False, left_on
        mediator.save(update_fields=["is_active", "left_on"])
        if team.leader_id == mediator.pk:
            team.leader = None
            team.save(update_fields=["leader"])
    return mediator


def recognise_leader(
    team: MediationTeam, *, mediator: Mediator, decision_number: str, decision_on: date
) -> MediationTeam:
    """Record the Chairman's decision recognising the team leader (Art. 14)."""
    if mediator.team_id != team.pk or not mediator.is_active:
        raise DomainError(
            _("The leader must be an active mediator of this team."), field="mediator"
        )
    _check_leader_decision(decision_number, decision_on)
    team.leader = mediator
    team.leader_decision_number, team.leader_decision_on = decision_number, decision_on
    team.save(update_fields=["leader", "leader_decision_number", "leader_decision_on"])
    return team


def team_mediators(team: MediationTeam, ids: Sequence[int]) -> list[Mediator]:
    """The active mediators of `team` with these ids; any other id is refused unnamed."""
    found = list(team.mediators.filter(pk__in=set(ids), is_active=True).order_by("pk"))
    if len(found) != len(set(ids)):
        raise DomainError(
            _("Choose among the active mediators of this team."), field="mediator_ids"
        )
    return found


def _check_mediators(team: MediationTeam, mediators: Sequence[Mediator]) -> None:
    for m in mediators:
        if m.team_id != team.pk or not m.is_active:
            raise DomainError(
                _("%(name)s is not an active mediator of this team.") % {"name": m},
                field="mediators",
            )


def register_case(
    *,
    team: MediationTeam,
    received_on: date,
    origin: str,
    field: str,
    summary: str,
    parties: Sequence[PartyInput],
    actor: User | None,
    requested_by: str = "",
    exclusion: str = "",
    refusal_note: str = "",
    mediators: Sequence[Mediator] = (),
    assigned_on: date | None = None,
) -> MediationCase:
    """Enter a case in the log book (Art. 21); an Art. 3 matter is recorded as refused."""
    if not summary.strip():
        raise DomainError(_("Describe the dispute."), field="summary")
    if not [p for p in parties if p.full_name.strip()]:
        raise DomainError(_("Name at least one party."), field="parties")
    if exclusion and not refusal_note.strip():
        raise DomainError(
            _("Explain to the parties why the matter cannot be mediated (Law 35/2013 Art. 3)."),
            field="refusal_note",
        )
    _check_mediators(team, mediators)
    if mediators and assigned_on is None:
        assigned_on = received_on
    with transaction.atomic():
        # Lock the team row so that two entries made at once get different numbers.
        MediationTeam.objects.select_for_update().filter(pk=team.pk).first()
        cases = MediationCase.objects.filter(team=team, year=received_on.year)
        last = cases.aggregate(n=Max("number"))["n"]
        case = MediationCase.objects.create(
            team=team,
            year=received_on.year,
            number=(last or 0) + 1,
            received_on=received_on,
            origin=origin,
            field=field,
            summary=summary,
            requested_by=requested_by,
            exclusion=exclusion,
            refusal_note=refusal_note if exclusion else "",
            status=MediationCase.Status.REFUSED if exclusion else MediationCase.Status.OPEN,
            outcome_on=received_on if exclusion else None,
            assigned_on=None if exclusion else assigned_on,
            created_by=actor,
        )
        for p in parties:
            if p.full_name.strip():
                case.parties.create(**vars(p))
        if mediators and not exclusion:
            case.mediators.set(mediators)
    return case


def _ensure_open(case: MediationCase) -> None:
    if case.status == MediationCase.Status.REFUSED:
        raise Conflict(
            _("This matter was refused under Law 35/2013 Art. 3 and cannot be mediated.")
        )
    if not case.is_open:
        raise Conflict(_("This mediation has already ended."))


def assign_mediators(
    case: MediationCase, *, mediators: Sequence[Mediator], assigned_on: date
) -> MediationCase:
    """Assign mediators; mediation must start within 3 days (Art. 20)."""
    _ensure_open(case)
    if not mediators:
        raise DomainError(_("Choose at least one mediator."), field="mediators")
    _check_mediators(case.team, mediators)
    with transaction.atomic():
        case.assigned_on = assigned_on
        case.save(update_fields=["assigned_on"])
        case.mediators.set(mediators)
    return case


def record_session(
    case: MediationCase,
    *,
    held_on: date,
    place: str,
    notes: str,
    mediators: Sequence[Mediator] = (),
    is_public: bool = False,
) -> MediationSession:
    """Record one mediation session; the first one marks the start of mediation."""
    _ensure_open(case)
    if held_on < case.received_on:
        raise DomainError(_("A session cannot be before the case was received."), field="held_on")
    if not notes.strip():
        raise DomainError(_("Write down what happened at the session."), field="notes")
    _check_mediators(case.team, mediators)
    with transaction.atomic():
        session = MediationSession.objects.create(
            case=case, held_on=held_on, place=place, notes=notes, is_public=is_public
        )
        session.mediators.set(mediators)
        if case.started_on is None or held_on < case.started_on:
            case.started_on = held_on
            case.save(update_fields=["started_on"])
    return session


def record_outcome(
    case: MediationCase, *, status: str, ended_on: date, note: str = "", stop_reason: str = ""
) -> MediationCase:
    """End mediation: successful, unsuccessful, or stopped with its Art. 23 reason."""
    _ensure_open(case)
    ended = {
        MediationCase.Status.SUCCESSFUL,
        MediationCase.Status.UNSUCCESSFUL,
        MediationCase.Status.STOPPED,
    }
    if status not in ended:
        raise DomainError(_("Choose how the mediation ended."), field="status")
    if not case.sessions.exists():
        raise DomainError(_("Record at least one mediation session first."), field="status")
    if status == MediationCase.Status.STOPPED and not stop_reason:
        raise DomainError(
            _("Say why the mediation stopped (Law 35/2013 Art. 23)."), field="stop_reason"
        )
    if ended_on < (case.started_on or case.received_on):
        raise DomainError(_("The end cannot be before mediation started."), field="ended_on")
    case.status, case.outcome_on, case.outcome_note = status, ended_on, note
    case.stop_reason = stop_reason if status == MediationCase.Status.STOPPED else ""
    case.save(update_fields=["status", "outcome_on", "outcome_note", "stop_reason"])
    return case


def record_agreement(case: MediationCase, **values: object) -> Agreement:
    """Write the successful mediation's record with every Art. 24(2) item."""
    if case.status != MediationCase.Status.SUCCESSFUL:
        raise Conflict(_("Only a successful mediation has an agreement record (Art. 24)."))
    rules.check_agreement({k: str(v or "") for k, v in values.items()})
    agreement, _created = Agreement.objects.update_or_create(case=case, defaults=values)
    return agreement


def record_follow_up(
    case: MediationCase, *, checked_on: date, result: str, note: str = ""
) -> FollowUp:
    """Record the mediator's check on how the agreement is carried out (Art. 26)."""
    if case.status != MediationCase.Status.SUCCESSFUL:
        raise Conflict(_("Only a successful mediation is followed up (Art. 26)."))
    if checked_on < (case.outcome_on or case.received_on):
        raise DomainError(_("A follow-up cannot be before the agreement."), field="checked_on")
    return FollowUp.objects.create(case=case, checked_on=checked_on, result=result, note=note)
