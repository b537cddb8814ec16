"""Bodies of the targets API: programmes, their indicators and results per period."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ninja import Schema
from pydantic import Field

from tiepdan.api.schemas import DbId, InputSchema
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


class ProgrammeIn(InputSchema):
    year: int = Field(ge=2000, le=2100)
    title: str = Field(min_length=1, max_length=255)
    source: str = Field("", max_length=255, description="The resolution that sets the targets.")


class TargetIn(InputSchema):
    code: str = Field(
        min_length=1,
        max_length=40,
        pattern=r"^[-a-zA-Z0-9_]+$",
        description="Keeps the same target together from year to year; an existing code is "
        "changed in place.",
    )
    name: str = Field(min_length=1, max_length=255)
    group: Target.Group
    plan: Decimal = Field(ge=0, max_digits=18, decimal_places=4)
    measure: str = Field("", max_length=40)
    direction: Target.Direction = Target.Direction.HIGHER
    order: int = Field(0, ge=0, le=32_767)
    decimals: int = Field(1, ge=0, le=4)
    value_decimals: int = Field(0, ge=0, le=4)
    change_decimals: int = Field(0, ge=0, le=4)
    source: str = Field("", max_length=255)
    builtin: Target.Builtin = Target.Builtin.MANUAL
    responsible_id: DbId | None = None
