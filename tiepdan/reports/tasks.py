"""Background jobs of the reports (thin: fetch by id, call the service)."""

from __future__ import annotations

from huey.contrib.djhuey import db_task

from tiepdan.reports import services
from tiepdan.reports.models import GeneratedReport


@db_task()
def generate_report(report_id: int) -> None:
    report = GeneratedReport.objects.select_related("unit").filter(pk=report_id).first()
    if report is not None and report.status == GeneratedReport.Status.PENDING:
        services.generate(report)
