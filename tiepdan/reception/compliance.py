"""Regulation 11 (KL 215) and Law on Citizen Reception Art. 15 compliance per leader and month."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from tiepdan.accounts.models import User
from tiepdan.reception import rules
from tiepdan.reception.models import ReceptionDay, ReceptionMinimum


def minimum_for(leader: User) -> tuple[int, int] | None:
    """(days per month, days per week) for the leader's post; the unit's own figure wins."""
    if not leader.post:
        return None
    custom = ReceptionMinimum.objects.filter(unit_id=leader.unit_id, post=leader.post).first()
    if custom:
        return (custom.per_month, custom.per_week)
    return rules.DEFAULT_MINIMUMS.get(leader.post)


@dataclass(frozen=True)
class LeaderCompliance:
    leader: User
    minimum: tuple[int, int]
    months: list[rules.MonthCompliance]

    @property
    def short_months(self) -> int:
        return sum(m.status == "short" for m in self.months)


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _months(start: date, end: date) -> list[tuple[int, int]]:
    months = []
    y, m = start.year, start.month
    while (y, m) <= (end.year, end.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def leader_compliance(
    leader: User, *, start: date, end: date, today: date
) -> LeaderCompliance | None:
    """Periodic days held and planned by a leader, month by month over [start, end]."""
    minimum = minimum_for(leader)
    if minimum is None:
        return None
    days = ReceptionDay.objects.filter(
        leader=leader,
        kind=ReceptionDay.Kind.PERIODIC,
        on__gte=date(start.year, start.month, 1) - timedelta(days=7),
        on__lte=_month_end(end) + timedelta(days=7),
    )
    held, planned = [], []
    for on, status in days.values_list("on", "status"):
        if status == ReceptionDay.Status.HELD:
            held.append(on)
        elif status == ReceptionDay.Status.PUBLISHED and on >= today:
            planned.append(on)
    months = [
        rules.month_compliance(
            year=y, month=m, held=held, planned=planned, minimum=minimum, today=today
        )
        for y, m in _months(start, end)
    ]
    return LeaderCompliance(leader, minimum, months)


def unit_leaders(unit_id: int | None) -> list[User]:
    posts = [p for p in rules.DEFAULT_MINIMUMS] + list(
        ReceptionMinimum.objects.filter(unit_id=unit_id).values_list("post", flat=True)
    )
    return list(
        User.objects.filter(unit_id=unit_id, post__in=posts, is_active=True).order_by("post")
    )


def current_warning(leader: User, today: date) -> rules.MonthCompliance | None:
    """This month's result when it is at risk of falling short, for the leader's dashboard."""
    result = leader_compliance(leader, start=today.replace(day=1), end=today, today=today)
    if result is None:
        return None
    month = result.months[-1]
    return month if month.status in ("at_risk", "short") else None
