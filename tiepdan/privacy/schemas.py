"""Bodies of the data-subject request API."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Schema
from pydantic import Field

from tiepdan.api.schemas import InputSchema, QuerySchema
from tiepdan.privacy.models import DataSubjectRequest


class RequestIn(InputSchema):
    kind: DataSubjectRequest.Kind
    channel: DataSubjectRequest.Channel = DataSubjectRequest.Channel.IN_PERSON
    requester: str = Field(min_length=1, max_length=200)
    contact: str = Field(min_length=1, max_length=200)
    details: str = Field("", max_length=5000)


class CloseIn(InputSchema):
    outcome: DataSubjectRequest.Outcome
    note: str = Field(min_length=1, max_length=5000)


class RequestFilter(QuerySchema):
    open: bool = True


class RequestOut(Schema):
    id: int
    reference: str
    unit_id: int
    kind: str
    channel: str
    requester: str
    contact: str
    details: str
    received_at: datetime
    ack_due_on: date
    acknowledged_at: datetime | None
    closed_at: datetime | None
    outcome: str
    outcome_note: str
