"""Bodies of the directives API."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Schema
from pydantic import Field

from tiepdan.api.schemas import DbId, InputSchema, Page, QuerySchema
from tiepdan.directives.models import Directive, DirectiveUpdate


class AssignmentIn(InputSchema):
    """What is to be done, by whom and by when (a directive, or a dialogue's commitment)."""

    title: str = Field(min_length=1, max_length=300)
    content: str = Field("", max_length=20_000)
    owner_department_id: DbId | None = None
    owner_user_id: DbId | None = None
    due_on: date | None = None
    due_in_working_days: int | None = Field(None, ge=1, le=365)


class DirectiveIn(AssignmentIn):
    source_kind: Directive.SourceKind = Directive.SourceKind.WORK_MEETING
    source_label: str = Field("", max_length=200)


class ProgressIn(InputSchema):
    percent: int = Field(ge=0, le=100)
    note: str = Field(min_length=1, max_length=5_000)


class DirectiveOut(Schema):
    id: int
    unit_id: int
    title: str
    content: str
    source_kind: str
    source_label: str
    issued_by_id: int | None
    issued_on: date
    owner_department_id: int | None
    owner_user_id: int | None
    due_on: date
    status: str
    percent_done: int
    completed_on: date | None
    created_at: datetime


class DirectiveFilter(QuerySchema):
    status: Directive.Status | None = None
    cursor: str | None = Field(None, max_length=64)
    limit: int = Field(50, ge=1, le=200)


class DirectivePageOut(Page):
    items: list[DirectiveOut]


class UpdateOut(Schema):
    id: int
    kind: str
    note: str
    percent_done: int | None
    actor_id: int | None
    at: datetime
    has_evidence: bool = Field(description="Download it at …/updates/{id}/evidence.")

    @staticmethod
    def resolve_has_evidence(obj: DirectiveUpdate) -> bool:
        return bool(obj.evidence)
