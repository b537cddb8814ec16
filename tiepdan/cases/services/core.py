"""Small shared pieces of the case writes: period overrides, numbering, status moves."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import F

from tiepdan.accounts.models import User
from tiepdan.cases import rules
from tiepdan.cases.models import Case, CaseEvent, CasePolicy, RegistrationCounter
from tiepdan.orgunits.models import OrgUnit


def overrides_for(unit_id: int) -> dict[str, int]:
    policy = CasePolicy.objects.filter(unit_id=unit_id).first()
    return dict(policy.periods) if policy else {}


def next_number(unit: OrgUnit, year: int) -> int:
    """The next registration number of `unit` in `year`; call inside a transaction."""
    RegistrationCounter.objects.get_or_create(unit=unit, year=year)
    # The UPDATE locks the counter row until commit, so concurrent intakes queue up.
    RegistrationCounter.objects.filter(unit=unit, year=year).update(last=F("last") + 1)
    return RegistrationCounter.objects.get(unit=unit, year=year).last


def set_due(case: Case, key: str, start: date, overrides: dict[str, int]) -> None:
    case.due_period = key
    case.due_on = rules.due(key, start, overrides)


def set_handling_due(case: Case, key: str, overrides: dict[str, int]) -> None:
    """The deadline before the decision: the handling period, but never past the day the
    citizen must be told of the decision (Law on Citizen Reception Art. 28: 10 WD; rule 10)."""
    set_due(case, key, case.received_on, overrides)
    if case.notify_due_on and case.due_on and case.due_on > case.notify_due_on:
        case.due_period, case.due_on = "notify", case.notify_due_on


def move_status(
    case: Case, target: str, *, actor: User | None, kind: str, fields: list[str], **event: Any
) -> None:
    """Save `fields` plus the new status and record one event, inside the caller's transaction."""
    source = case.status
    case.status = target
    case.save(update_fields=[*fields, "status"])
    CaseEvent.record(case, actor=actor, kind=kind, from_status=source, to_status=target, **event)
