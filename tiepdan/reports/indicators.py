"""Built-in targets computed from the system's own data, stored as results of the programme."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports import queries
from tiepdan.reports.periods import Window, window
from tiepdan.targets import services
from tiepdan.targets.models import Programme, Target
from tiepdan.targets.periods import Period, periods_of_year

B = Target.Builtin
Compute = Callable[[list[int], Window, date], Decimal | None]


def _reception_days(ids: list[int], w: Window, today: date) -> Decimal | None:
    return Decimal(queries.reception_figures(ids, w).leader_days)


def _cases_on_time(ids: list[int], w: Window, today: date) -> Decimal | None:
    return queries.case_figures(ids, w, today).on_time_rate


def _cases_resolved(ids: list[int], w: Window, today: date) -> Decimal | None:
    return queries.case_figures(ids, w, today).resolved_rate


def _mediation(ids: list[int], w: Window, today: date) -> Decimal | None:
    return queries.mediation_figures(ids, w).success_rate


def _directives(ids: list[int], w: Window, today: date) -> Decimal | None:
    return queries.directive_figures(ids, w, today).on_time_rate


COMPUTE: dict[str, Compute] = {
    B.RECEPTION_DAYS: _reception_days,
    B.CASES_ON_TIME: _cases_on_time,
    B.CASES_GRASSROOTS: _cases_resolved,
    B.MEDIATION_SUCCESS: _mediation,
    B.DIRECTIVES_ON_TIME: _directives,
}


def _round(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.0001"))


def refresh_programme(programme: Programme, today: date, until: Period | None = None) -> int:
    """Compute every built-in target for each period of the year begun by `today`; return count."""
    targets = [t for t in programme.targets.all() if t.builtin in COMPUTE]
    if not targets:
        return 0
    ids = queries.unit_ids(programme.unit)
    written = 0
    for period in periods_of_year(programme.year):
        if period.start > today or (until is not None and period.end > until.end):
            continue
        now, before = window(period), window(period.same_period_last_year())
        for target in targets:
            compute = COMPUTE[target.builtin]
            value = _round(compute(ids, now, today))
            if value is None:
                continue
            previous = _round(compute(ids, before, today))
            services.record_result(
                target, period=period, value=value, previous=previous, computed=True
            )
            written += 1
    return written


def refresh_unit(unit: OrgUnit, year: int, today: date, until: Period | None = None) -> int:
    programme = Programme.objects.filter(unit=unit, year=year).first()
    return refresh_programme(programme, today, until) if programme else 0
