"""Pure rules for announced days (no ORM)."""

from __future__ import annotations

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from tiepdan.lib.errors import DomainError

# Officials work Monday to Friday (Decision 188/1999/QĐ-TTg), so a make-up working day replaces a
# weekly rest day and an extra day off replaces a working weekday (Labour Code 2019 Art. 111).
FIRST_WEEKEND_DAY = 5  # date.weekday(): Saturday

# The page shows and accepts years in this range.
FIRST_YEAR, LAST_YEAR = 1990, 2100


def is_weekend(on: date) -> bool:
    """Whether `on` is a Saturday or a Sunday."""
    return on.weekday() >= FIRST_WEEKEND_DAY


def check_announced_day(on: date, *, makeup: bool) -> None:
    """Refuse a make-up day on a weekday or an extra day off on a weekend (Art. 111)."""
    day = date_format(on, "d/m/Y")
    if makeup and not is_weekend(on):
        raise DomainError(
            _("A make-up working day replaces a Saturday or Sunday; %(date)s is a weekday.")
            % {"date": day},
            field="date",
        )
    if not makeup and is_weekend(on):
        raise DomainError(
            _("An extra day off replaces a working weekday; %(date)s is a Saturday or Sunday.")
            % {"date": day},
            field="date",
        )
    if not FIRST_YEAR <= on.year <= LAST_YEAR:
        raise DomainError(
            _("The calendar covers the years %(first)s to %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR},
            field="date",
        )
