"""What an inbox block shows: its title and capped count, its rows, and each row's clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tiepdan.lib.workdays import working_days_between

#: Rows shown per block, and the count shown exactly (above it: "50+").
ROWS = 5
CAP = 50


@dataclass(frozen=True)
class Clock:
    """How much time is left: its text, the date, and how urgent it is (late, soon, later, or
    day for an appointment rather than a deadline)."""

    text: str
    on: date | None
    level: str


@dataclass(frozen=True)
class Row:
    text: str
    url: str
    clock: Clock | None = None
    detail: str = ""


@dataclass(frozen=True)
class Block:
    key: str
    title: str
    count: int  # exact up to CAP, then CAP + 1
    rows: list[Row] = field(default_factory=list)
    more_url: str = ""
    note: str = ""  # a warning above the rows (the leader's Regulation 11 minimum)
    note_level: str = "warning"

    @property
    def shown_count(self) -> str:
        return f"{CAP}+" if self.count > CAP else str(self.count)

    @property
    def count_text(self) -> str:
        """The count in words, for those who do not see the badge."""
        if self.count > CAP:
            return _("more than %(count)s items waiting") % {"count": CAP}
        return ngettext("%(count)s item waiting", "%(count)s items waiting", self.count) % {
            "count": self.count
        }


# --- Clocks ----------------------------------------------------------------------------------


def deadline(due: date | None, today: date) -> Clock | None:
    """The clock of a legal time limit, in working days (the unit of the short periods)."""
    if due is None:
        return None
    if due < today:
        late = working_days_between(due, today)
        text = (
            ngettext("%(count)s working day overdue", "%(count)s working days overdue", late)
            % {"count": late}
            if late
            else _("Overdue")
        )
        return Clock(text, due, "late")
    if due == today:
        return Clock(_("Due today"), due, "late")
    left = working_days_between(today, due)
    if not left:
        return Clock(_("Due on the next working day"), due, "soon")
    text = ngettext("%(count)s working day left", "%(count)s working days left", left) % {
        "count": left
    }
    return Clock(text, due, "soon" if left <= 2 else "later")


def when(on: date, today: date, *, dated: bool = True) -> Clock:
    """The clock of an appointment: today, tomorrow, or its weekday; with its date unless the
    row's text already gives it."""
    shown = on if dated else None
    if on == today:
        return Clock(_("Today"), shown, "day")
    if on == today + timedelta(days=1):
        return Clock(_("Tomorrow"), shown, "day")
    return Clock(date_format(on, "l"), shown, "day")
