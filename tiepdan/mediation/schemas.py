"""Bodies of the grassroots mediation API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ninja import Schema
from pydantic import Field

from tiepdan.api.schemas import DbId, InputSchema, Page, QuerySchema
from tiepdan.lib.ids import mask_phone
from tiepdan.mediation.access import parties_visible
from tiepdan.mediation.models import Agreement, MediationCase, MediationSession, Party


class PartyIn(InputSchema):
    side: Party.Side
    full_name: str = Field(min_length=1, max_length=200)
    birth_year: int | None = Field(None, ge=1900, le=2100)
    address: str = Field("", max_length=300)
    phone: str = Field("", max_length=20)


class MediationCaseIn(InputSchema):
    team_id: DbId
    received_on: date
    origin: MediationCase.Origin
    field: MediationCase.Field
    summary: str = Field(min_length=1, max_length=20_000)
    parties: list[PartyIn] = Field(min_length=1, max_length=50)
    requested_by: str = Field("", max_length=200)
    exclusion: MediationCase.Exclusion = MediationCase.Exclusion.NONE
    refusal_note: str = Field("", max_length=5_000)


class OutcomeIn(InputSchema):
    status: MediationCase.Status
    ended_on: date
    note: str = Field("", max_length=5_000)
    stop_reason: MediationCase.StopReason = MediationCase.StopReason.NONE


class TeamOut(Schema):
    id: int
    group_id: int
    name: str
    leader_id: int | None
    established_on: date | None


class PartyOut(Schema):
    side: str
    full_name: str
    birth_year: int | None
    address: str
    phone: str


class MediationCaseOut(Schema):
    id: int
    team_id: int
    year: int
    number: int
    received_on: date
    origin: str
    field: str
    summary: str
    status: str
    exclusion: str
    assigned_on: date | None
    started_on: date | None
    outcome_on: date | None
    stop_reason: str
    outcome_note: str
    referred_to: str
    created_at: datetime
    parties: list[PartyOut] = Field(
        description="Empty for an integration key: mediation stays private (Law 35/2013 Art. 4)."
    )

    @staticmethod
    def resolve_parties(obj: MediationCase, context: dict[str, Any]) -> list:
        if getattr(context["request"], "api_key", None) is not None:
            return []
        return list(obj.parties.all())


class PartyListOut(PartyOut):
    @staticmethod
    def resolve_phone(obj: Party) -> str:
        """Lists mask the number (rule 26); one case's page shows it in full."""
        return mask_phone(obj.phone) if obj.phone else ""


class MediationCaseListOut(MediationCaseOut):
    parties: list[PartyListOut] = Field(  # type: ignore[assignment]
        description="As in one case, with phone numbers masked (0912•••678)."
    )


class MediationFilter(QuerySchema):
    status: MediationCase.Status | None = None
    year: int | None = Field(None, ge=2000, le=2100)
    cursor: str | None = Field(None, max_length=64)
    limit: int = Field(50, ge=1, le=200)


class MediationPageOut(Page):
    items: list[MediationCaseListOut]


class SessionIn(InputSchema):
    held_on: date
    place: str = Field(min_length=1, max_length=300)
    notes: str = Field(min_length=1, max_length=20_000, description="What happened.")
    mediator_ids: list[DbId] = Field(default_factory=list, max_length=50)
    is_public: bool = Field(False, description="Held in public because the parties chose so.")


class SessionOut(Schema):
    id: int
    held_on: date
    place: str
    is_public: bool
    mediator_ids: list[int]
    notes: str = Field(description="Empty for an integration key (it names the parties).")

    @staticmethod
    def resolve_mediator_ids(obj: MediationSession) -> list[int]:
        return [m.pk for m in obj.mediators.all()]

    @staticmethod
    def resolve_notes(obj: MediationSession, context: dict[str, Any]) -> str:
        return obj.notes if parties_visible(context["request"]) else ""


class AgreementIn(InputSchema):
    """Every item of Law 35/2013 Art. 24(2)."""

    made_on: date
    place: str = Field(min_length=1, max_length=300)
    grounds: str = Field(min_length=1, max_length=5_000)
    parties: str = Field(min_length=1, max_length=5_000)
    summary: str = Field(min_length=1, max_length=20_000)
    course: str = Field(min_length=1, max_length=20_000)
    agreement: str = Field(min_length=1, max_length=20_000)
    rights_and_duties: str = Field(min_length=1, max_length=20_000)
    method_and_deadline: str = Field(min_length=1, max_length=5_000)
    carry_out_by: date | None = None
    signed: bool = Field(False, description="Signed or fingerprinted by parties and mediators.")


class AgreementOut(Schema):
    case_id: int
    made_on: date
    place: str
    grounds: str
    parties: str = Field(description="Empty for an integration key (Law 35/2013 Art. 4).")
    summary: str
    course: str
    agreement: str
    rights_and_duties: str
    method_and_deadline: str
    carry_out_by: date | None
    signed: bool

    @staticmethod
    def resolve_parties(obj: Agreement, context: dict[str, Any]) -> str:
        return obj.parties if parties_visible(context["request"]) else ""
