"""The deadline check run every 15 minutes: reminders before a due date, escalation after it.

Idempotent with several workers: each case is claimed by a conditional UPDATE on the due date it
is flagged for (`reminded_for`, `escalated_for`); only the worker whose UPDATE changed the row
sends the message. An extension or resumption moves `due_on`, so the new date is flagged anew.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import F, Q

from tiepdan.accounts.models import User
from tiepdan.cases.models import Case, CaseEvent
from tiepdan.cases.models.settings import CasePolicy
from tiepdan.cases.services import notify
from tiepdan.lib import workdays

DEFAULT_REMINDER_WORKING_DAYS = 2


@dataclass
class CheckResult:
    reminded: int = 0
    escalated: int = 0


def _claim(case: Case, field: str) -> bool:
    """Mark `case` as flagged for its current due date; True only for the one who did it."""
    unflagged = Q(**{f"{field}__isnull": True}) | ~Q(**{field: F("due_on")})
    return (
        Case.objects.filter(unflagged, pk=case.pk, due_on=case.due_on).update(
            **{field: F("due_on")}
        )
        == 1
    )


def _reminder_horizons(today: date) -> dict[int, date]:
    """Per unit: remind cases due up to this day (N working days ahead, N per unit)."""
    return {
        p.unit_id: workdays.add_working_days(today, p.reminder_working_days)
        for p in CasePolicy.objects.all()
    }


def check_deadlines(today: date) -> CheckResult:
    """Remind the officers of cases due soon and escalate overdue cases to the unit leader."""
    result = CheckResult()
    default_until = workdays.add_working_days(today, DEFAULT_REMINDER_WORKING_DAYS)
    horizons = _reminder_horizons(today)
    latest = max([default_until, *horizons.values()])
    due_soon = (
        Case.objects.counted()  # a duplicate follows its original: no reminder of its own
        .due_soon(today, latest)
        .filter(Q(reminded_for__isnull=True) | ~Q(reminded_for=F("due_on")))
        .select_related("assignee", "unit")
    )
    for case in due_soon.iterator():
        if case.due_on and case.due_on > horizons.get(case.unit_id, default_until):
            continue
        if _claim(case, "reminded_for"):
            _record(case, CaseEvent.Kind.REMINDED)
            notify.remind(case)
            result.reminded += 1
    overdue = (
        Case.objects.counted()
        .overdue(today)
        .filter(Q(escalated_for__isnull=True) | ~Q(escalated_for=F("due_on")))
        .select_related("assignee", "unit")
    )
    for case in overdue.iterator():
        if _claim(case, "escalated_for"):
            _record(case, CaseEvent.Kind.ESCALATED)
            notify.escalate(case)
            result.escalated += 1
    return result


def _record(case: Case, kind: str) -> None:
    with transaction.atomic():
        CaseEvent.record(
            case, actor=None, kind=kind, due_on=case.due_on.isoformat() if case.due_on else None
        )


def send_digests(today: date) -> int:
    """One e-mail per officer with open cases: the overdue ones and those due within a week."""
    week = today + timedelta(days=7)
    sent = 0
    officer_ids = (
        Case.objects.running()
        .filter(assignee__isnull=False, due_on__lte=week)
        .values_list("assignee_id", flat=True)
        .distinct()
    )
    for user in User.objects.filter(pk__in=list(officer_ids), is_active=True):
        mine = Case.objects.running().filter(assignee=user).order_by("due_on", "id")
        overdue = list(mine.filter(due_on__lt=today)[:50])
        soon = list(mine.filter(due_on__gte=today, due_on__lte=week)[:50])
        sent += notify.digest(user, overdue, soon)
    return sent
