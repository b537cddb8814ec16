"""Bodies of the targets API: programmes, their indicators and results per period."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ninja import Schema
from pydantic import Field

from tiepdan.integrations.schemas import InputSchema
from tiepdan.targets.models import Target, TargetResult


class ResultOut(Schema):
    id: int
    period: str
    year: int
    kind: str
    index: int
    value: Decimal
    previous: Decimal | None
    percent_of_plan: Decimal | None
    change_on_last_year: Decimal | None
    computed: bool
    note: str
    entered_at: datetime

    @staticmethod
    def resolve_period(obj: TargetResult) -> str:
        return obj.period.code

    @staticmethod
    def resolve_percent_of_plan(obj: TargetResult) -> Decimal | None:
        return obj.percent()

    @staticmethod
    def resolve_change_on_last_year(obj: TargetResult) -> Decimal | None:
        return obj.change()


class TargetOut(Schema):
    id: int
    programme_id: int
    code: str
    order: int
    name: str
    group: str
    measure: str
    plan: Decimal
    direction: str
    builtin: str
    responsible_id: int | None
    results: list[ResultOut]

    @staticmethod
    def resolve_results(obj: Target) -> list:
        return list(obj.results.all())


class ProgrammeOut(Schema):
    id: int
    unit_id: int
    year: int
    title: str
    source: str
    targets: list[TargetOut]

    @staticmethod
    def resolve_targets(obj: object) -> list:
        return list(obj.targets.prefetch_related("results").all())  # type: ignore[attr-defined]


class ProgrammeSummaryOut(Schema):
    id: int
    unit_id: int
    year: int
    title: str


class ResultIn(InputSchema):
    period: str = Field(max_length=10, description="2026-01, 2026-Q1, 2026-H1, 2026-9M or 2026.")
    value: Decimal = Field(ge=0, max_digits=18, decimal_places=4)
    previous: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=4)
    note: str = Field("", max_length=255)
