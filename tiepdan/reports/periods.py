"""The dates a report covers: a period of the year, cut off on a configurable day (DOMAIN §11).

With a cut-off day of 14 a six-month State report covers 15/12 of the previous year to 14/6
(Decree 09/2019, [L] in DOMAIN: configurable); without one, the calendar period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports.models import DEFAULT_STATE_CUTOFF_DAY, GeneratedReport, ReportSettings
from tiepdan.targets.periods import Period


@dataclass(frozen=True)
class Window:
    """A period and the first and last day of data it counts."""

    period: Period
    start: date
    end: date
    cutoff_day: int | None = None

    def last_year(self) -> Window:
        return window(self.period.same_period_last_year(), self.cutoff_day)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def window(period: Period, cutoff_day: int | None = None) -> Window:
    """The data window of `period`; a cut-off day moves both ends back to that day."""
    if not cutoff_day:
        return Window(period, period.start, period.end, None)
    day = max(1, min(28, cutoff_day))
    end = date(period.year, period.last_month, day)
    first = period.first_month
    before = (
        date(period.year - 1, 12, day + 1) if first == 1 else date(period.year, first - 1, day + 1)
    )
    return Window(period, before, end, day)


def cutoff_day_for(unit: OrgUnit, kind: str) -> int | None:
    """The cut-off day of the unit's own settings, else its nearest ancestor's, else the default."""
    ids = [int(part) for part in unit.path.strip("/").split("/") if part]
    found = {s.unit_id: s for s in ReportSettings.objects.filter(unit_id__in=ids)}
    for unit_id in reversed(ids):
        settings = found.get(unit_id)
        if settings is not None:
            if kind == GeneratedReport.Kind.PARTY:
                return settings.party_cutoff_day
            return settings.state_cutoff_day
    return DEFAULT_STATE_CUTOFF_DAY if kind == GeneratedReport.Kind.STATE else None
