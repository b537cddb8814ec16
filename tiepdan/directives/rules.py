"""Pure rules for directives (ý kiến chỉ đạo, kết luận): deadlines and reminders. No ORM."""

from __future__ import annotations

from datetime import date

from django.utils.translation import gettext as _

from tiepdan.lib.errors import DomainError
from tiepdan.lib.workdays import WorkCalendar, add_working_days, working_days_between

# A head's conclusions notice sets each task's deadline (Decree 154/2026 Art. 25); when the
# notice names none, the unit's usual period for a task applies. Configurable default [L].
DEFAULT_DUE_WORKING_DAYS = 10

# Owners are reminded this many working days before the deadline.
REMIND_WORKING_DAYS_BEFORE = 2


def compute_due_on(
    *,
    issued_on: date,
    due_on: date | None = None,
    due_in_working_days: int | None = None,
    calendar: WorkCalendar | None = None,
) -> date:
    """Return the deadline: the date given, or `due_in_working_days` after the issue date."""
    if due_on is not None and due_in_working_days is not None:
        raise DomainError(
            _("Give either a deadline date or a number of working days, not both."),
            field="due_on",
        )
    if due_on is not None:
        if due_on < issued_on:
            raise DomainError(
                _("The deadline cannot be before the day the directive was issued."),
                field="due_on",
            )
        return due_on
    days = DEFAULT_DUE_WORKING_DAYS if due_in_working_days is None else due_in_working_days
    if days < 1:
        raise DomainError(
            _("The number of working days must be at least 1."), field="due_in_working_days"
        )
    return add_working_days(issued_on, days, calendar)


def check_percent(percent: int) -> None:
    """Refuse a progress figure outside 0–100."""
    if not 0 <= percent <= 100:
        raise DomainError(_("Percent done must be between 0 and 100."), field="percent_done")


def needs_reminder(*, due_on: date, today: date, calendar: WorkCalendar | None = None) -> bool:
    """Whether an open directive is close enough to its deadline to remind its owner."""
    if due_on < today:
        return False
    return working_days_between(today, due_on, calendar) <= REMIND_WORKING_DAYS_BEFORE
