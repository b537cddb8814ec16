"""Bodies of the reports API: request a periodic report, follow it, download it."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field

from tiepdan.api.schemas import DbId, InputSchema
from tiepdan.reports.models import GeneratedReport


class ReportIn(InputSchema):
    kind: GeneratedReport.Kind
    period: str = Field(max_length=10, description="2026-Q1, 2026-H1, 2026-9M, 2026 (or a month).")
    fmt: GeneratedReport.Format = GeneratedReport.Format.DOCX
    unit_id: DbId | None = Field(None, description="Defaults to the caller's unit.")


class ReportOut(Schema):
    id: int
    unit_id: int
    kind: str
    period: str
    fmt: str
    status: str
    progress: int
    number: str
    created_at: datetime
    finished_at: datetime | None
    download: str | None = Field(description="Where to fetch the file once the status is done.")

    @staticmethod
    def resolve_download(obj: GeneratedReport) -> str | None:
        if obj.status != GeneratedReport.Status.DONE or not obj.file:
            return None
        return f"/api/v1/reports/{obj.pk}/download"
