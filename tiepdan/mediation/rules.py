"""Pure rules of grassroots mediation (Law 35/2013/QH13 on hòa giải ở cơ sở). No ORM."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

from tiepdan.lib.errors import DomainError
from tiepdan.lib.workdays import WorkCalendar, add_days

# A team has at least 3 mediators, at least one of them a woman (Law 35/2013 Art. 12(1)).
MIN_TEAM_MEDIATORS = 3

# The assigned mediator starts mediating within 3 days of the assignment (Law 35/2013 Art. 20).
START_WITHIN_DAYS = 3

# The Art. 24(2) contents of a successful-mediation agreement record.
AGREEMENT_FIELDS = (
    "grounds",
    "parties",
    "summary",
    "course",
    "agreement",
    "rights_and_duties",
    "method_and_deadline",
)


@dataclass(frozen=True)
class MemberFacts:
    """What the composition rule needs to know about one active mediator."""

    is_woman: bool


def check_team_composition(members: Iterable[MemberFacts]) -> None:
    """Refuse a team of fewer than 3 mediators or without a woman (Law 35/2013 Art. 12(1))."""
    members = list(members)
    if len(members) < MIN_TEAM_MEDIATORS:
        raise DomainError(
            _(
                "A mediation team needs at least %(n)s mediators (Law 35/2013 Art. 12(1)); "
                "it has %(count)s."
            )
            % {"n": MIN_TEAM_MEDIATORS, "count": len(members)},
            field="mediators",
        )
    if not any(m.is_woman for m in members):
        raise DomainError(
            _("A mediation team must include a woman mediator (Law 35/2013 Art. 12(1))."),
            field="mediators",
        )


def start_due_on(assigned_on: date, calendar: WorkCalendar | None = None) -> date:
    """The last day to start mediating an assigned case (Law 35/2013 Art. 20: 3 days)."""
    return add_days(assigned_on, START_WITHIN_DAYS, calendar)


def last_late_assignment(today: date, calendar: WorkCalendar | None = None) -> date:
    """The latest assignment date whose 3-day start limit (Art. 20) has passed by `today`: a case
    not yet started is late exactly when it was assigned on or before this day."""
    assigned_on = today - timedelta(days=START_WITHIN_DAYS + 1)
    # The limit moves past days off, so step back until it ends before today.
    while start_due_on(assigned_on, calendar) >= today:
        assigned_on -= timedelta(days=1)
    return assigned_on


def is_start_late(
    *,
    assigned_on: date | None,
    started_on: date | None,
    today: date,
    calendar: WorkCalendar | None = None,
) -> bool:
    """Whether mediation started, or is still not started, after the 3-day limit (Art. 20)."""
    if assigned_on is None:
        return False
    due = start_due_on(assigned_on, calendar)
    return (started_on or today) > due


def check_agreement(values: dict[str, str]) -> None:
    """A successful mediation's record carries every Art. 24(2) content (Law 35/2013)."""
    missing = [name for name in AGREEMENT_FIELDS if not (values.get(name) or "").strip()]
    if missing:
        raise DomainError(
            _("The agreement record must state every item of Law 35/2013 Art. 24(2)."),
            field=missing[0],
        )


def success_rate(successful: int, closed: int) -> float | None:
    """Share of successful mediations among those that ended, in percent (None if none)."""
    return round(100 * successful / closed, 1) if closed else None
