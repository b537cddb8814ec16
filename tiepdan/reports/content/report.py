"""What a periodic report says, independent of its file format: sections of blocks.

`build_state` and `build_party` gather the figures (queries.py) and write them out; the
exporters (export_docx, export_xlsx) only lay them out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tiepdan.accounts.models import User
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports import charts, queries
from tiepdan.reports.periods import Window
from tiepdan.targets.rules import (
    change_on_last_year,
    format_change,
    format_number,
    format_percent,
    quantize,
)

Progress = Callable[[int], None]


@dataclass
class Table:
    title: str
    headers: list[str]
    rows: list[list[object]]
    widths_cm: list[float] | None = None


@dataclass
class Chart:
    title: str
    png: bytes
    width_cm: float = 15


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class Report:
    kind: str
    unit: OrgUnit
    window: Window
    issuer: str
    superior: str
    place: str
    on: date
    title: str
    summary: str
    number: str = ""
    sections: list[Section] = field(default_factory=list)
    signer_on_behalf: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: list[str] = field(default_factory=list)

    @property
    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]


def unit_title(unit: OrgUnit) -> str:
    """The unit's name as a heading writes it: 'Phường Bến Thành', 'Tỉnh Lâm Đồng'."""
    if unit.kind == OrgUnit.Kind.PROVINCE and not unit.name.lower().startswith("tỉnh"):
        return f"Tỉnh {unit.name}"
    return unit.name


def signer(unit: OrgUnit, post: str) -> str:
    user = User.objects.filter(unit=unit, post=post, is_active=True).order_by("pk").first()
    return user.get_full_name() if user else ""


def compare(now: int, before: int) -> str:
    """' (tăng 12 % so với cùng kỳ)' or '' when last year gives nothing to compare with."""
    exact = change_on_last_year(now, before)  # type: ignore[arg-type]
    if exact is None:
        return ""
    change = quantize(exact, 0)  # a change that rounds to 0 % is "the same as last year"
    if change > 0:
        return " " + _("(up %(change)s on the same period last year)") % {
            "change": format_change(change).lstrip("+")
        }
    if change < 0:
        return " " + _("(down %(change)s on the same period last year)") % {
            "change": format_change(-change)
        }
    return " " + _("(the same as the same period last year)")


def pct(value: object, decimals: int = 1) -> str:
    return format_percent(value, decimals) or "—"  # type: ignore[arg-type]


def n(value: int) -> str:
    return format_number(value)


def targets_section(
    unit: OrgUnit, window: Window, heading: str, groups: set[str] | None
) -> Section:
    """The programme's targets with plan, result, % of plan, change and status."""
    figures = queries.target_figures(unit, window)
    section = Section(heading)
    lines = [ln for ln in figures.lines if groups is None or ln.group in groups]
    if not lines:
        section.paragraphs.append(_("No target of the work programme applies to this period."))
        return section
    if figures.source:
        section.paragraphs.append(_("Targets set by %(source)s.") % {"source": figures.source})
    rows: list[list[object]] = [
        [index, ln.name, f"{ln.plan_text} {ln.measure}", f"{ln.value_text or '—'}",
         ln.percent_text or "—", ln.change_text or "—", ln.status_label]
        for index, ln in enumerate(lines, start=1)
    ]  # fmt: skip
    headers = [pgettext("table", "No."), _("Indicator"), pgettext("target", "Plan"), _("Result"),
               _("Percent of plan"), _("On last year"), _("Status")]  # fmt: skip
    section.tables.append(
        Table(_("Work programme targets"), headers, rows, [1.2, 5, 2.4, 1.9, 1.9, 1.8, 2.3])
    )
    if figures.rating:
        section.paragraphs.append(
            _("In %(year)s the unit was rated: %(rating)s.")
            % {"year": window.period.year, "rating": figures.rating}
        )
    behind = [ln.name for ln in lines if ln.behind]
    if behind:
        section.paragraphs.append(
            _("Targets not yet achieved: %(names)s.") % {"names": "; ".join(behind)}
        )
    with_percent = [ln for ln in lines if ln.percent is not None]
    if with_percent:
        png = charts.percent_bars(
            [ln.name for ln in with_percent],
            [ln.percent for ln in with_percent],
            [ln.percent_text for ln in with_percent],
            title=_("Targets: result against plan"),
        )
        section.charts.append(Chart(_("Targets: result against plan"), png))
    return section
