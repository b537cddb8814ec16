"""Background jobs of the reports (thin: fetch by id, call the service)."""

from __future__ import annotations

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from tiepdan.reports import indicators, services
from tiepdan.reports.models import GeneratedReport
from tiepdan.targets.models import Programme


@db_task()
def generate_report(report_id: int) -> None:
    report = GeneratedReport.objects.select_related("unit").filter(pk=report_id).first()
    if report is not None and report.status == GeneratedReport.Status.PENDING:
        services.generate(report)


@db_periodic_task(crontab(hour="1", minute="30"))
def refresh_builtin_targets() -> None:
    """Every night: recompute the built-in targets of this year's programmes."""
    today = timezone.localdate()
    for programme in Programme.objects.filter(year=today.year).select_related("unit"):
        indicators.refresh_programme(programme, today)
