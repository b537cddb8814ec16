"""/api/v1/reports: request a periodic report, follow its generation, download the file."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import FileResponse, HttpRequest
from ninja import Router, Status

from tiepdan.accounts.access import require, scoped
from tiepdan.api import messages
from tiepdan.api.routing import PathId, caller, file_download, ok
from tiepdan.lib.errors import Conflict
from tiepdan.reports import access, services, tasks
from tiepdan.reports.models import GeneratedReport
from tiepdan.reports.schemas import ReportIn, ReportOut

router = Router(tags=["reports"])
FILE_RESPONSE = file_download("The report file (Word or Excel).")


@router.get("/reports", response=ok(list[ReportOut]), summary="Reports requested lately")
def list_reports(request: HttpRequest) -> Any:
    user = caller(request)
    require(user, access.MAKE_REPORTS)
    return scoped(GeneratedReport.objects.all(), user).order_by("-created_at", "-id")[:50]


@router.post("/reports", response=ok(ReportOut, 202), summary="Generate a report")
def request_report(request: HttpRequest, payload: ReportIn) -> Status:
    """The file is made in the background: poll the report until its status is done."""
    user = caller(request)
    unit = access.get_unit_for(user, payload.unit_id, access.MAKE_REPORTS)
    report = services.request_report(
        unit=unit, kind=payload.kind, period=payload.period, fmt=payload.fmt, actor=user
    )
    transaction.on_commit(lambda: tasks.generate_report(report.pk))
    return Status(202, report)


@router.get("/reports/{report_id}", response=ok(ReportOut), summary="A report's status")
def read_report(request: HttpRequest, report_id: int = PathId) -> GeneratedReport:
    return access.get_report_for(caller(request), report_id)


@router.get(
    "/reports/{report_id}/download",
    response=ok(None),
    summary="Download the file",
    openapi_extra=FILE_RESPONSE,
)
def download_report(request: HttpRequest, report_id: int = PathId) -> FileResponse:
    report = access.get_report_for(caller(request), report_id)
    if report.status != GeneratedReport.Status.DONE or not report.file:
        raise Conflict(messages.report_not_ready())
    return FileResponse(report.file.open("rb"), as_attachment=True, filename=report.filename)
