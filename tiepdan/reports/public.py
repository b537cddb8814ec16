"""What a ward owes its citizens in figures: cases received and answered on time, reception days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports import queries
from tiepdan.reports.periods import window
from tiepdan.targets.periods import MONTH, YEAR, Period


@dataclass
class PublicStatistics:
    year: queries.CaseFigures
    month: queries.CaseFigures
    reception_year: queries.ReceptionFigures
    published_answers: int
    year_label: str
    month_label: str


def unit_statistics(unit: OrgUnit, today: date) -> PublicStatistics:
    """This year's and this month's figures of the unit's subtree (no personal data)."""
    ids = queries.unit_ids(unit)
    year = window(Period(today.year, YEAR))
    month = window(Period(today.year, MONTH, today.month))
    return PublicStatistics(
        year=queries.case_figures(ids, year, today),
        month=queries.case_figures(ids, month, today),
        reception_year=queries.reception_figures(ids, year),
        published_answers=queries.published_answers(ids, year),
        year_label=year.period.label(),
        month_label=month.period.label(),
    )
