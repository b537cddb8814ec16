"""The month at a glance for a ward, and the same across a province's wards with a ranking."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports import charts, queries
from tiepdan.reports.content.state import KIND_KEYS, kind_labels
from tiepdan.reports.periods import Window, window
from tiepdan.targets.models import Programme
from tiepdan.targets.periods import MONTH, YEAR, Period, parse_period
from tiepdan.targets.rules import format_percent


@dataclass
class WardMonth:
    unit: OrgUnit
    window: Window
    cases: queries.CaseFigures
    reception: queries.ReceptionFigures
    directives: queries.DirectiveFigures
    overdue_by_department: list[queries.DepartmentLine]
    targets: queries.TargetFigures
    programme_year: int | None
    charts: dict[str, str] = field(default_factory=dict)


@dataclass
class ProvinceMonth:
    unit: OrgUnit
    window: Window
    cases: queries.CaseFigures
    reception: queries.ReceptionFigures
    ranking: list[queries.UnitCaseLine]
    charts: dict[str, str] = field(default_factory=dict)


def month_window(month: str | None, today: date) -> Window:
    """The calendar month to show: `2026-11`, or the current month."""
    period = parse_period(month) if month else Period(today.year, MONTH, today.month)
    if period.kind != MONTH:
        period = Period(period.year, MONTH, today.month if period.year == today.year else 12)
    return window(period)


def latest_programme_year(unit: OrgUnit, year: int) -> int | None:
    """The most recent year up to `year` for which the unit has a work programme."""
    programme = Programme.objects.filter(unit=unit, year__lte=year).order_by("-year").first()
    return programme.year if programme else None


def ward_month(
    unit: OrgUnit, month_window: Window, today: date, *, with_charts: bool = True
) -> WardMonth:
    ids = queries.unit_ids(unit)
    programme_year = latest_programme_year(unit, month_window.period.year)
    targets = (
        queries.target_figures(unit, window(Period(programme_year, YEAR)))
        if programme_year
        else queries.TargetFigures()
    )
    data = WardMonth(
        unit=unit,
        window=month_window,
        cases=queries.case_figures(ids, month_window, today),
        reception=queries.reception_figures(ids, month_window),
        directives=queries.directive_figures(ids, month_window, today),
        overdue_by_department=queries.overdue_by_department(ids, today),
        targets=targets,
        programme_year=programme_year,
    )
    if with_charts:
        data.charts = _ward_charts(data)
    return data


def _ward_charts(data: WardMonth) -> dict[str, str]:
    labels = kind_labels()
    out = {}
    if data.cases.received:
        out["kinds"] = charts.data_uri(
            charts.bars(
                [labels[k] for k in KIND_KEYS],
                [(_("Received"), [data.cases.by_kind.get(k, 0) for k in KIND_KEYS])],
                title=_("Cases received this month by type"),
                fmt="svg",
            )
        )
    lines = [ln for ln in data.targets.lines if ln.percent is not None]
    if lines:
        out["targets"] = charts.data_uri(
            charts.percent_bars(
                [ln.name for ln in lines],
                [ln.percent for ln in lines],
                [ln.percent_text for ln in lines],
                title=_("Targets: result against plan"),
                fmt="svg",
            )
        )
    return out


def province_month(unit: OrgUnit, month_window: Window, today: date) -> ProvinceMonth:
    ids = queries.unit_ids(unit)
    communes = OrgUnit.objects.subtree_of(unit).communes().count()
    by_unit = queries.case_counts_by_unit(ids, month_window, today)
    data = ProvinceMonth(
        unit=unit,
        window=month_window,
        cases=queries.case_figures(ids, month_window, today, by_unit),
        reception=queries.reception_figures(ids, month_window, communes),
        ranking=queries.cases_by_commune(unit, month_window, today, by_unit),
    )
    days = queries.reception_days_by_unit(ids, month_window)
    behind = queries.targets_behind_by_unit(ids, month_window.period.year)
    for line in data.ranking:
        line.reception_days = days.get(line.unit_id, 0)
        line.targets_behind = behind.get(line.unit_id, 0)
    ranked = [line for line in data.ranking if line.on_time_rate is not None][:30]
    if ranked:
        data.charts["ranking"] = charts.data_uri(
            charts.percent_bars(
                [line.name for line in ranked],
                [line.on_time_rate for line in ranked],
                [format_percent(line.on_time_rate, 1) for line in ranked],
                title=_("Cases answered on time, by ward"),
                fmt="svg",
            )
        )
    return data


def list_links(month: Window) -> dict[str, str]:
    """The case lists each figure summarises (the same filters, so the counts agree)."""
    base = reverse("cases:list")
    received = {"view": "all", "received_from": month.start, "received_to": month.end}
    return {
        "received": f"{base}?{urlencode(received)}",
        "overdue": f"{base}?{urlencode({'view': 'overdue'})}",
    }
