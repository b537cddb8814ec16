"""A target with its result for a period, written out as a ward's report states it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from tiepdan.targets import rules
from tiepdan.targets.models import Target, TargetResult
from tiepdan.targets.periods import Period

STATUS_LABELS = {
    rules.NOT_YET: _("Not yet achieved"),
    rules.ACHIEVED: _("Achieved"),
    rules.EXCEEDED: _("Exceeded"),
}


@dataclass(frozen=True)
class TargetLine:
    target_id: int
    code: str
    name: str
    group: str
    group_label: str
    measure: str
    plan: Decimal
    value: Decimal | None
    previous: Decimal | None
    period: Period | None
    plan_text: str
    value_text: str
    previous_text: str
    percent: Decimal | None
    percent_text: str
    change: Decimal | None
    change_text: str
    status: str
    computed: bool

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def behind(self) -> bool:
        return self.status == rules.NOT_YET


def line_for(target: Target, result: TargetResult | None) -> TargetLine:
    """Write one target's result (or its absence) with the indicator's own decimals."""
    value = result.value if result else None
    previous = result.previous if result else None
    percent = rules.percent_of_plan(value, target.plan)
    change = rules.change_on_last_year(value, previous)
    return TargetLine(
        target_id=target.pk,
        code=target.code,
        name=target.name,
        group=target.group,
        group_label=str(target.get_group_display()),
        measure=target.measure,
        plan=target.plan,
        value=value,
        previous=previous,
        period=result.period if result else None,
        plan_text=rules.format_number(target.plan, target.value_decimals),
        value_text=rules.format_number(value, target.value_decimals),
        previous_text=rules.format_number(previous, target.value_decimals),
        percent=percent,
        percent_text=rules.format_percent(percent, target.decimals),
        change=change,
        change_text=rules.format_change(change, target.change_decimals),
        status=rules.status(value, target.plan, target.direction),
        computed=bool(result and result.computed),
    )


def latest_result(
    results: Iterable[TargetResult], until: Period | None = None
) -> TargetResult | None:
    """The result covering the most of the year up to `until`: the latest end, then the longest."""
    best: TargetResult | None = None
    for result in results:
        period = result.period
        if until is not None and (period.year != until.year or period.end > until.end):
            continue
        key = (period.end, period.months)
        if best is None or key > (best.period.end, best.period.months):
            best = result
    return best


def programme_lines(targets: Iterable[Target], until: Period | None = None) -> list[TargetLine]:
    """Every target of a programme with its latest result (prefetch `results` first)."""
    return [line_for(t, latest_result(t.results.all(), until)) for t in targets]
