"""Reporting periods of a year: a month, a quarter, a half, nine months or the whole year.

Written as codes the wards use in their file names and the command line: `2026-01` (month),
`2026-Q1`, `2026-H1`, `2026-9M`, `2026` (DOMAIN §11, rule 28). Pure: no ORM.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from tiepdan.lib.errors import DomainError

MONTH, QUARTER, HALF, NINE_MONTHS, YEAR = "month", "quarter", "half", "nine_months", "year"
KINDS = (MONTH, QUARTER, HALF, NINE_MONTHS, YEAR)

_PATTERNS = [
    (re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$"), MONTH),
    (re.compile(r"^(\d{4})-Q([1-4])$"), QUARTER),
    (re.compile(r"^(\d{4})-H([12])$"), HALF),
    (re.compile(r"^(\d{4})-(9)M$"), NINE_MONTHS),
    (re.compile(r"^(\d{4})$"), YEAR),
]


@dataclass(frozen=True, order=True)
class Period:
    """One period of one year; `index` is the month, quarter or half (1 for 9M and the year)."""

    year: int
    kind: str
    index: int = 1

    def __post_init__(self) -> None:
        limits = {MONTH: 12, QUARTER: 4, HALF: 2, NINE_MONTHS: 1, YEAR: 1}
        if self.kind not in limits or not 1 <= self.index <= limits[self.kind]:
            raise DomainError(_("This is not a reporting period."), field="period")
        if not 1900 <= self.year <= 2999:
            raise DomainError(_("The year of the period is out of range."), field="period")

    @property
    def code(self) -> str:
        return {
            MONTH: f"{self.year}-{self.index:02d}",
            QUARTER: f"{self.year}-Q{self.index}",
            HALF: f"{self.year}-H{self.index}",
            NINE_MONTHS: f"{self.year}-9M",
            YEAR: f"{self.year}",
        }[self.kind]

    @property
    def first_month(self) -> int:
        return {MONTH: self.index, QUARTER: 3 * self.index - 2, HALF: 6 * self.index - 5}.get(
            self.kind, 1
        )

    @property
    def last_month(self) -> int:
        return {
            MONTH: self.index,
            QUARTER: 3 * self.index,
            HALF: 6 * self.index,
            NINE_MONTHS: 9,
            YEAR: 12,
        }[self.kind]

    @property
    def start(self) -> date:
        """First calendar day of the period."""
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        """Last calendar day of the period."""
        return date(self.year, self.last_month, calendar.monthrange(self.year, self.last_month)[1])

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1

    def same_period_last_year(self) -> Period:
        return Period(self.year - 1, self.kind, self.index)

    def label(self) -> str:
        """The period as a report title names it: 'quý I năm 2026', '6 tháng đầu năm 2026'."""
        roman = {1: "I", 2: "II", 3: "III", 4: "IV"}
        if self.kind == MONTH:
            return _("month %(month)02d/%(year)s") % {"month": self.index, "year": self.year}
        if self.kind == QUARTER:
            return _("quarter %(q)s of %(year)s") % {"q": roman[self.index], "year": self.year}
        if self.kind == HALF and self.index == 1:
            return _("the first six months of %(year)s") % {"year": self.year}
        if self.kind == HALF:
            return _("the last six months of %(year)s") % {"year": self.year}
        if self.kind == NINE_MONTHS:
            return _("the first nine months of %(year)s") % {"year": self.year}
        return _("the year %(year)s") % {"year": self.year}

    def __str__(self) -> str:
        return self.code


def parse_period(code: str) -> Period:
    """Read a period code such as `2026-H1`; a clear error for anything else."""
    text = (code or "").strip().upper()
    for pattern, kind in _PATTERNS:
        match = pattern.match(text)
        if match:
            index = int(match.group(2)) if kind in (MONTH, QUARTER, HALF) else 1
            return Period(int(match.group(1)), kind, index)
    raise DomainError(
        _("“%(code)s” is not a period: write 2026-01, 2026-Q1, 2026-H1, 2026-9M or 2026.")
        % {"code": code},
        field="period",
    )


def periods_of_year(year: int) -> list[Period]:
    """Every period of a year, months first, then quarters, halves, nine months, the year."""
    return (
        [Period(year, MONTH, m) for m in range(1, 13)]
        + [Period(year, QUARTER, q) for q in range(1, 5)]
        + [Period(year, HALF, h) for h in (1, 2)]
        + [Period(year, NINE_MONTHS), Period(year, YEAR)]
    )
