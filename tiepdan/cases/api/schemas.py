"""Request and response bodies of the cases API (thin: shapes and input checks only)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from django.utils import timezone
from ninja import Schema
from pydantic import Field, field_validator

from tiepdan.api.schemas import DbId, InputSchema, Page, QuerySchema
from tiepdan.cases.identity import Disclosure, Via, disclosure_for_request
from tiepdan.cases.models import Case, CaseEvent, Response, Status
from tiepdan.cases.rules import (
    ComplexReason,
    Decision,
    InadmissibleReason,
    Kind,
    allowed_decisions,
)
from tiepdan.citizens.models import Citizen
from tiepdan.lib.ids import normalize_phone, parse_cccd

EARLIEST = date(2000, 1, 1)
Latitude = Annotated[float, Field(ge=-90, le=90)]
Longitude = Annotated[float, Field(ge=-180, le=180)]


def coordinate(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(round(value, 6)))


class CitizenIn(InputSchema):
    full_name: str = Field(min_length=1, max_length=200)
    id_kind: Citizen.IdKind = Citizen.IdKind.NONE
    id_number: str = Field("", max_length=30)
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)
    address: str = Field("", max_length=300)

    def to_citizen(self) -> Citizen:
        """An unsaved Citizen, with the CCCD and phone checked as on the intake form."""
        errors: dict[str, list[str]] = {}
        number, phone = self.id_number.strip(), self.phone.strip()
        try:
            if self.id_kind == Citizen.IdKind.CCCD:
                number = parse_cccd(number, today=timezone.localdate()).number
        except ValidationError as exc:
            errors["citizen.id_number"] = exc.messages
        try:
            phone = normalize_phone(phone) if phone else ""
        except ValidationError as exc:
            errors["citizen.phone"] = exc.messages
        if errors:
            raise ValidationError(errors)
        return Citizen(
            full_name=self.full_name.strip(),
            id_kind=self.id_kind,
            id_number=number,
            phone=phone,
            email=self.email.strip(),
            address=self.address.strip(),
        )


class CaseIn(InputSchema):
    channel: Case.Channel
    kind: Kind
    subject: str = Field(min_length=1, max_length=300)
    content: str = Field(min_length=1, max_length=10_000)
    received_on: date
    unit_id: DbId | None = Field(None, description="Defaults to the caller's unit.")
    field_id: DbId | None = None
    location_text: str = Field("", max_length=300)
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    incoming_number: str = Field("", max_length=60)
    signer_count: int = Field(1, ge=1, le=10_000)
    source: Case.Source = Case.Source.NONE
    source_name: str = Field("", max_length=200)
    is_anonymous: bool = False
    accused_is_party_member: bool = False
    is_remote_area: bool = False
    citizen: CitizenIn | None = None

    @field_validator("received_on")
    @classmethod
    def not_ancient(cls, value: date) -> date:
        if value < EARLIEST:
            raise ValueError("received_on must be in 2000 or later")
        return value


class ClassifyIn(InputSchema):
    kind: Kind
    field_id: DbId | None = None
    signer_count: int = Field(1, ge=1, le=10_000)
    admissible: bool = True
    inadmissible_reason: InadmissibleReason | None = None
    competent: bool = True
    is_anonymous: bool = False
    has_evidence: bool = False
    accused_is_party_member: bool = False
    party_rule_breach: bool = False
    is_remote_area: bool = False
    is_complex: bool = False
    complex_reason: ComplexReason | None = None


class DecideIn(InputSchema):
    decision: Decision
    target: str = Field("", max_length=200, description="The body it is transferred/guided to.")
    number: str = Field("", max_length=60, description="Empty: the next notice number.")
    note: str = Field("", max_length=5_000)


class AssignIn(InputSchema):
    department_id: DbId | None = None
    officer_id: DbId | None = None


class TextIn(InputSchema):
    text: str = Field(min_length=1, max_length=20_000)


class NoteIn(TextIn):
    public: bool = Field(False, description="Shown to the citizen on the tracking page.")


class ReasonIn(InputSchema):
    reason: str = Field(min_length=1, max_length=2_000)


class FieldOut(Schema):
    id: int
    unit_id: int
    code: str
    name: str


class CaseSummaryOut(Schema):
    id: int
    registration_number: str
    tracking_code: str
    unit_id: int
    channel: str
    kind: str
    field_id: int | None
    subject: str
    status: str
    stage: str
    received_on: date
    due_on: date | None
    overdue: bool
    assignee_id: int | None
    assignee_department_id: int | None
    created_at: datetime
    updated_at: datetime = Field(description="The time of the case's latest timeline event.")

    @staticmethod
    def resolve_overdue(obj: Case) -> bool:
        return obj.is_overdue(timezone.localdate())


def _shown(case: Case, context: dict[str, Any]) -> Disclosure:
    """What the caller may see of the case's denouncer (rule 19; logged when shown)."""
    return disclosure_for_request(context["request"], case, Via.API)


CITIZEN_FIELDS = ("full_name", "id_kind", "id_number", "phone", "email", "address")


class CitizenOut(Schema):
    role: str
    full_name: str
    id_kind: str
    id_number: str
    phone: str
    email: str
    address: str


class CaseOut(CaseSummaryOut):
    content: str
    location_text: str
    latitude: float | None
    longitude: float | None
    incoming_number: str
    signer_count: int
    source: str
    source_name: str
    is_anonymous: bool
    is_admissible: bool
    inadmissible_reason: str
    is_competent: bool
    decision: str
    decided_on: date | None
    decision_target: str
    decision_number: str
    notify_due_on: date | None
    notified_on: date | None
    due_period: str
    extensions: int
    answered_on: date | None
    closed_on: date | None
    rating: int | None
    citizens: list[CitizenOut] = Field(
        description="Empty when the caller may not see who sent it (a denouncer's identity)."
    )
    allowed_decisions: list[str]
    duplicate_of_id: int | None = Field(
        description="The original this case duplicates: it follows it and is counted once."
    )
    matter_id: int | None

    @staticmethod
    def resolve_latitude(obj: Case) -> float | None:
        return None if obj.latitude is None else float(obj.latitude)

    @staticmethod
    def resolve_longitude(obj: Case) -> float | None:
        return None if obj.longitude is None else float(obj.longitude)

    @staticmethod
    def resolve_subject(obj: Case, context: dict[str, Any]) -> str:
        return _shown(obj, context).text(obj.subject)

    @staticmethod
    def resolve_content(obj: Case, context: dict[str, Any]) -> str:
        return _shown(obj, context).text(obj.content)

    @staticmethod
    def resolve_source_name(obj: Case, context: dict[str, Any]) -> str:
        return _shown(obj, context).text(obj.source_name)

    @staticmethod
    def resolve_citizens(obj: Case, context: dict[str, Any]) -> list[dict[str, Any]]:
        if not _shown(obj, context).visible:
            return []
        return [
            {"role": link.role, **{name: getattr(link.citizen, name) for name in CITIZEN_FIELDS}}
            for link in obj.case_citizens.select_related("citizen")
        ]

    @staticmethod
    def resolve_allowed_decisions(obj: Case) -> list[str]:
        if obj.status != Status.CLASSIFIED:
            return []
        return [str(d) for d in allowed_decisions(obj.classification())]


class CaseFilter(QuerySchema):
    view: Literal["mine", "department", "unassigned", "week", "overdue", "all"] = "all"
    kind: Kind | None = None
    channel: Case.Channel | None = None
    status: Status | None = None
    field: DbId | None = None
    received_from: date | None = None
    received_to: date | None = None
    q: str | None = Field(
        None,
        max_length=10_000,
        description='Accent-insensitive search: words or "quoted phrases" of the subject, '
        "content or citizens' names (a denunciation's letter and sender only for those who "
        "may see them), a registration number (125/2026) or a tracking code. Without `sort`: "
        "best match first when at most 200 cases match, else newest first.",
    )
    updated_since: datetime | None = Field(
        None,
        description="Only cases changed (any timeline event) at or after this time; "
        "sorted by `updated` unless another sort is given.",
    )
    sort: Literal["due", "received", "updated"] | None = Field(
        None,
        description="`due`: soonest due first; `received`: newest first; `updated`: last "
        "changed last, for polling. Default: `received` for view=all, else `due`.",
    )
    cursor: str | None = Field(None, max_length=64, description="`next_cursor` of the last page.")
    limit: int = Field(50, ge=1, le=200)


class CasePageOut(Page):
    items: list[CaseSummaryOut]


class EventOut(Schema):
    id: int
    kind: str
    from_status: str
    to_status: str
    text: str
    is_public: bool
    actor: str | None
    at: datetime
    data: dict[str, Any]

    @staticmethod
    def resolve_actor(obj: CaseEvent) -> str | None:
        return str(obj.actor) if obj.actor_id else None

    @staticmethod
    def resolve_text(obj: CaseEvent, context: dict[str, Any]) -> str:
        return _shown(obj.case, context).text(obj.text)

    @staticmethod
    def resolve_data(obj: CaseEvent, context: dict[str, Any]) -> dict[str, Any]:
        return _shown(obj.case, context).data(obj.data)  # type: ignore[no-any-return]


class ReturnIn(InputSchema):
    comment: str = Field(
        "", max_length=2_000, description="What should change (required: not blank)."
    )


class ApproveIn(InputSchema):
    text: str | None = Field(
        None,
        max_length=20_000,
        description="The wording as the leader edited it (the edit is recorded); "
        "omit it to approve the draft as submitted.",
    )


class ResponseOut(Schema):
    id: int
    case_id: int
    text: str
    state: Response.State = Field(
        description="draft → submitted → approved → sent; a submitted draft may be returned "
        "(then revised into a draft again)."
    )
    drafted_at: datetime
    submitted_at: datetime | None
    approved_at: datetime | None
    sent_at: datetime | None
    return_comment: str = Field(
        description="The comment of the leader who last returned it (empty if never)."
    )

    @staticmethod
    def resolve_text(obj: Response, context: dict[str, Any]) -> str:
        return _shown(obj.case, context).text(obj.text)

    @staticmethod
    def resolve_return_comment(obj: Response, context: dict[str, Any]) -> str:
        returned = obj.last_return()
        if returned is None:
            return ""
        return _shown(obj.case, context).text(str(returned.data.get("comment", "")))


class ApprovalOut(Schema):
    """A draft awaiting approval in the caller's units (search.approvals.awaiting)."""

    id: int = Field(description="The answer's id, for /responses/{id}/approve or /return.")
    case_id: int
    registration_number: str
    subject: str = Field(description="Redacted for a denunciation whose sender you may not see.")
    kind: str
    drafted_by: str | None
    submitted_at: datetime | None
    due_on: date | None

    @staticmethod
    def resolve_registration_number(obj: Response) -> str:
        return obj.case.registration_number

    @staticmethod
    def resolve_subject(obj: Response) -> str:
        return obj.case.subject

    @staticmethod
    def resolve_kind(obj: Response) -> str:
        return str(obj.case.kind)

    @staticmethod
    def resolve_drafted_by(obj: Response) -> str | None:
        return str(obj.drafted_by) if obj.drafted_by_id else None

    @staticmethod
    def resolve_due_on(obj: Response) -> date | None:
        return obj.case.due_on


class DuplicateOfIn(InputSchema):
    original_id: DbId = Field(description="The case this one duplicates.")


class SuggestionOut(Schema):
    """A case that may be the same matter, and why (cases.duplicates)."""

    case_id: int
    registration_number: str
    unit_id: int
    kind: str
    status: str
    received_on: date
    subject: str = Field(description="Empty for a denunciation whose sender you may not see.")
    reasons: list[Literal["same_citizen", "similar_text", "same_place"]]
    explanation: list[str]
    cosine: float | None = Field(description="TF-IDF cosine of the texts (0–1).")
    token_set: float | None = Field(description="rapidfuzz token_set_ratio (0–100).")
    place_score: float | None = Field(description="How alike the places are (0–100).")


class SuggestionsOut(Schema):
    items: list[SuggestionOut]
    elsewhere: int = Field(description="Similar cases in units of the province you cannot see.")
