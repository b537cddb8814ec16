"""Generating periodic reports: one code path for the page's button, the job and the command."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tiepdan.accounts.models import User
from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.models import OrgUnit
from tiepdan.orgunits.services import next_document_number
from tiepdan.reports.content.party import build_party
from tiepdan.reports.content.report import Report
from tiepdan.reports.content.state import build_state
from tiepdan.reports.export_docx import to_docx
from tiepdan.reports.export_xlsx import to_xlsx
from tiepdan.reports.indicators import refresh_unit
from tiepdan.reports.models import GeneratedReport, ReportSettings
from tiepdan.reports.periods import cutoff_day_for, window
from tiepdan.targets.periods import MONTH, parse_period

SERIES: dict[str, str] = {"state": "BC-UBND", "party": "BC/ĐU"}


def request_report(
    *, unit: OrgUnit, kind: str, period: str, fmt: str, actor: User | None
) -> GeneratedReport:
    """Record a report to generate; the job (or the command) then runs `generate`."""
    parsed = parse_period(period)
    if kind == GeneratedReport.Kind.STATE and parsed.kind == MONTH:
        raise DomainError(
            _("State reports are quarterly, six-monthly, nine-monthly and yearly, not monthly."),
            field="period",
        )
    if kind not in GeneratedReport.Kind.values or fmt not in GeneratedReport.Format.values:
        raise DomainError(_("Choose a report and a format."), field="kind")
    with transaction.atomic():
        return GeneratedReport.objects.create(
            unit=unit, kind=kind, period=parsed.code, fmt=fmt, requested_by=actor
        )


def build(
    unit: OrgUnit, kind: str, period: str, today: date, progress: Callable[[int], None]
) -> Report:
    """Gather the figures and write the report's content (no file yet)."""
    parsed = parse_period(period)
    data_window = window(parsed, cutoff_day_for(unit, kind))
    refresh_unit(unit, parsed.year, today, until=parsed)
    builder = build_party if kind == GeneratedReport.Kind.PARTY else build_state
    return builder(unit, data_window, today, progress)


def number_for(report: GeneratedReport, year: int) -> str:
    """'07/BC-UBND' (State) or '07-BC/ĐU' (Party): the next number of the unit's year."""
    number = next_document_number(report.unit, year, SERIES[report.kind])
    if report.kind == GeneratedReport.Kind.PARTY:
        return f"{number:02d}-BC/ĐU"
    return f"{number:02d}/BC-UBND"


def _set_progress(report: GeneratedReport, value: int) -> None:
    GeneratedReport.objects.filter(pk=report.pk).update(progress=value)


def generate(report: GeneratedReport, *, today: date | None = None) -> GeneratedReport:
    """Build the file of a requested report and keep it; a failure is recorded, then raised."""
    today = today or timezone.localdate()
    GeneratedReport.objects.filter(pk=report.pk).update(status=GeneratedReport.Status.RUNNING)
    try:
        with translation.override("vi"):
            content = build(
                report.unit, report.kind, report.period, today, lambda v: _set_progress(report, v)
            )
            if report.fmt == GeneratedReport.Format.DOCX:
                report.number = number_for(report, today.year)
                content.number = report.number
                data = to_docx(content)
            else:
                data = to_xlsx(content)
    except Exception as exc:
        report.status, report.error = GeneratedReport.Status.FAILED, str(exc)[:2000]
        report.finished_at = timezone.now()
        report.save(update_fields=["status", "error", "finished_at"])
        raise
    with transaction.atomic():
        report.file.save(report.filename, ContentFile(data), save=False)
        report.status, report.progress = GeneratedReport.Status.DONE, 100
        report.finished_at = timezone.now()
        report.save(update_fields=["file", "status", "progress", "number", "finished_at"])
    return report


def save_settings(
    *, unit: OrgUnit, state_cutoff_day: int | None, party_cutoff_day: int | None
) -> ReportSettings:
    """Set a unit's cut-off days (empty: calendar periods); units below follow it."""
    for day in (state_cutoff_day, party_cutoff_day):
        if day is not None and not 1 <= day <= 28:
            raise DomainError(_("A cut-off day lies between 1 and 28."), field="state_cutoff_day")
    with transaction.atomic():
        settings, _created = ReportSettings.objects.update_or_create(
            unit=unit,
            defaults={"state_cutoff_day": state_cutoff_day, "party_cutoff_day": party_cutoff_day},
        )
    return settings
