"""Referral of an unsuccessful mediation to the authorities (Law 35/2013 Art. 27(2)).

When the parties take the matter to the ward, a case is opened through the cases intake so the
ward's deadlines apply from the day it is received.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from tiepdan.cases.models import Case
from tiepdan.cases.services import intake as case_intake
from tiepdan.citizens.models import Citizen
from tiepdan.lib.errors import Conflict, DomainError
from tiepdan.mediation.models import MediationCase, Party

if TYPE_CHECKING:
    from tiepdan.accounts.models import User


def _intake(case: MediationCase, received_on: date) -> case_intake.Intake:
    first = case.parties.filter(side=Party.Side.FIRST).first() or case.parties.first()
    citizens = []
    if first is not None:
        citizen = Citizen.objects.create(
            full_name=first.full_name, address=first.address, birth_year=first.birth_year
        )
        citizens.append((citizen, "submitter"))
    parties = ", ".join(p.full_name for p in case.parties.all())
    return case_intake.Intake(
        channel=Case.Channel.FORWARDED,
        kind=Case.Kind.PETITION,
        subject=_("Unsuccessful mediation: %(summary)s") % {"summary": case.summary[:200]},
        content=_(
            "Mediation no. %(number)s/%(year)s of %(team)s between %(parties)s ended "
            "without agreement on %(on)s.\n\n%(summary)s\n\n%(note)s"
        )
        % {
            "number": case.number,
            "year": case.year,
            "team": case.team,
            "parties": parties,
            "on": case.outcome_on.strftime("%d/%m/%Y") if case.outcome_on else "",
            "summary": case.summary,
            "note": case.outcome_note,
        },
        received_on=received_on,
        source=Case.Source.OTHER,
        source_name=str(case.team),
        citizens=citizens,
    )


def refer_to_authorities(
    case: MediationCase,
    *,
    referred_to: str,
    referred_on: date,
    actor: User,
    open_case: bool = True,
) -> MediationCase:
    """Record that an unsuccessful case went to the authorities, opening a ward case for it."""
    if case.status != MediationCase.Status.UNSUCCESSFUL:
        raise Conflict(_("Only an unsuccessful mediation is referred (Law 35/2013 Art. 27)."))
    if case.referred_on is not None:
        raise Conflict(_("This case has already been referred."))
    if not referred_to.strip():
        raise DomainError(_("Say which body the case goes to."), field="referred_to")
    ward = case.team.group.parent
    with transaction.atomic():
        if open_case and ward is not None:
            case.referred_case = case_intake.receive_case(
                _intake(case, referred_on), unit=ward, actor=actor, today=referred_on
            )
        case.referred_to, case.referred_on = referred_to.strip(), referred_on
        case.save(update_fields=["referred_to", "referred_on", "referred_case"])
    return case
