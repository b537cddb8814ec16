"""Bodies of the dialogues API."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Annotated

from ninja import Schema
from pydantic import Field

from tiepdan.api.schemas import DbId, InputSchema, Page, QuerySchema
from tiepdan.dialogues.models import Dialogue, Participant


class DialogueIn(InputSchema):
    kind: Dialogue.Kind = Dialogue.Kind.GENERAL
    topic: str = Field(min_length=1, max_length=300)
    description: str = Field("", max_length=20_000)
    held_at: datetime
    place: str = Field(min_length=1, max_length=300)
    chaired_by_id: DbId


class IssueIn(InputSchema):
    raised_by: str = Field(min_length=1, max_length=200)
    content: str = Field(min_length=1, max_length=20_000)
    answer: str = Field("", max_length=20_000)
    answered_by: str = Field("", max_length=200)


class ParticipantIn(InputSchema):
    name: str = Field(min_length=1, max_length=200)
    affiliation: str = Field("", max_length=300, description="Post, body or address.")
    role: Participant.Role = Participant.Role.CITIZEN


class InvitationsSentIn(InputSchema):
    sent_on: date


class HeldIn(InputSchema):
    attended: list[DbId] = Field(
        max_length=500, description="Ids of the participants present; the others were absent."
    )
    absence_notes: dict[DbId, Annotated[str, Field(max_length=300)]] = Field(
        default_factory=dict, max_length=500, description="Reason for absence by participant id."
    )
    result: str = Field(min_length=1, max_length=20_000, description="The conclusions.")
    ended_at: time | None = None
    minutes_copies: int = Field(3, ge=1, le=50)


class IssueOut(Schema):
    id: int
    raised_by: str
    content: str
    answer: str
    answered_by: str


class ParticipantOut(Schema):
    id: int
    name: str
    affiliation: str
    role: str
    attended: bool | None


class DialogueOut(Schema):
    id: int
    unit_id: int
    kind: str
    topic: str
    description: str
    held_at: datetime
    place: str
    chaired_by_id: int
    status: str
    invitations_sent_on: date | None
    result: str
    minutes_number: str
    public_summary: str
    published_at: datetime | None
    participants: list[ParticipantOut]
    issues: list[IssueOut]

    @staticmethod
    def resolve_participants(obj: Dialogue) -> list:
        return list(obj.participants.all())

    @staticmethod
    def resolve_issues(obj: Dialogue) -> list:
        return list(obj.issues.all())


class DialogueSummaryOut(Schema):
    id: int
    unit_id: int
    kind: str
    topic: str
    held_at: datetime
    place: str
    status: str


class DialogueFilter(QuerySchema):
    status: Dialogue.Status | None = None
    cursor: str | None = Field(None, max_length=64)
    limit: int = Field(50, ge=1, le=200)


class DialoguePageOut(Page):
    items: list[DialogueSummaryOut]


class InvitationsSentOut(Schema):
    dialogue: DialogueOut
    warning: str | None = Field(description="Set when the invitations went out late.")
