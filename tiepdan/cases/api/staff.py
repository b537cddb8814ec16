"""/api/v1/cases: intake, work lists, the case, its decisions, routing, answers and timeline.

Thin: each handler goes through cases.access and calls the same service as the HTML views;
DomainError and friends become the API's error shape in one place (integrations.handlers).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.errors import ValidationError
from pydantic import ValidationError as PydanticError

from tiepdan.accounts.access import require
from tiepdan.accounts.models import User
from tiepdan.api import messages
from tiepdan.api.routing import PathId, caller, ok
from tiepdan.cases import services
from tiepdan.cases.access import get_case_for, get_response_for
from tiepdan.cases.api.schemas import (
    ApprovalOut,
    ApproveIn,
    AssignIn,
    CaseFilter,
    CaseIn,
    CaseOut,
    CasePageOut,
    ClassifyIn,
    DecideIn,
    DuplicateOfIn,
    EventOut,
    FieldOut,
    NoteIn,
    ResponseOut,
    ReturnIn,
    SuggestionsOut,
    TextIn,
    coordinate,
)
from tiepdan.cases.models import Case, Field
from tiepdan.cases.search import approvals, caselist
from tiepdan.cases.services import answers, duplicates
from tiepdan.lib.errors import DomainError
from tiepdan.orgunits.models import Department, OrgUnit

router = Router(tags=["cases"])


def _today() -> Any:
    return timezone.localdate()


@router.get("/cases", response=ok(CasePageOut), summary="Work list, keyset-paged")
def list_cases(request: HttpRequest, filters: Query[CaseFilter]) -> dict:
    user = caller(request)
    require(user, "cases.view_case")
    data = filters.dict()
    page = caselist.find(
        user,
        data,
        view=data["view"],
        today=_today(),
        cursor=data["cursor"] or "",
        size=data["limit"],
    )
    return {"items": page.cases, "next_cursor": page.next_cursor}


@router.get("/cases/fields", response=ok(list[FieldOut]), summary="Case fields of your units")
def list_fields(request: HttpRequest) -> Any:
    units = caller(request).visible_units()
    return Field.objects.filter(unit__in=units, is_active=True).order_by("unit_id", "position")


def _intake_unit(user: User, unit_id: int | None) -> OrgUnit:
    if unit_id is None:
        if user.unit is None:
            raise DomainError(messages.no_unit(), field="unit_id")
        return user.unit
    unit = user.visible_units().filter(pk=unit_id).first()
    if unit is None:
        raise Http404
    return unit


def _field(unit: OrgUnit | int, field_id: int | None) -> Field | None:
    if field_id is None:
        return None
    field = Field.objects.filter(pk=field_id, unit=unit).first()
    if field is None:
        raise DomainError(messages.unknown_field(), field="field_id")
    return field


def _intake(payload: CaseIn, unit: OrgUnit) -> services.Intake:
    return services.Intake(
        channel=payload.channel,
        kind=payload.kind,
        subject=payload.subject,
        content=payload.content,
        received_on=payload.received_on,
        field=_field(unit, payload.field_id),
        location_text=payload.location_text,
        latitude=coordinate(payload.latitude),
        longitude=coordinate(payload.longitude),
        incoming_number=payload.incoming_number,
        signer_count=payload.signer_count,
        source=payload.source,
        source_name=payload.source_name,
        is_anonymous=payload.is_anonymous,
        accused_is_party_member=payload.accused_is_party_member,
        is_remote_area=payload.is_remote_area,
    )


@router.post("/cases", response=ok(CaseOut, 201), summary="Register a case")
def create_case(request: HttpRequest, payload: CaseIn) -> Any:
    """Send an `Idempotency-Key` header: a retried request returns the case already made."""
    user = caller(request)
    require(user, "cases.receive_case")
    unit = _intake_unit(user, payload.unit_id)
    raw_key = request.headers.get("Idempotency-Key", "").strip()
    # Keys are per caller, so one client's key can never fetch another's case.
    key = f"api:{user.pk}:{raw_key[:48]}" if raw_key else None
    citizen = payload.citizen.to_citizen() if payload.citizen else None
    case = services.receive_with_sender(
        _intake(payload, unit),
        citizen=citizen,
        unit=unit,
        actor=user,
        today=_today(),
        idempotency_key=key,
    )
    return Status(201, case)


@router.get("/cases/{case_id}", response=ok(CaseOut), summary="One case")
def read_case(request: HttpRequest, case_id: int = PathId) -> Case:
    return get_case_for(caller(request), case_id)


@router.get("/cases/{case_id}/events", response=ok(list[EventOut]), summary="Timeline")
def case_events(request: HttpRequest, case_id: int = PathId) -> Any:
    case = get_case_for(caller(request), case_id)
    return case.events.select_related("actor").order_by("at", "id")


@router.post("/cases/{case_id}/classify", response=ok(CaseOut), summary="Classify")
def classify_case(request: HttpRequest, payload: ClassifyIn, case_id: int = PathId) -> Case:
    user = caller(request)
    case = get_case_for(user, case_id, capability="classify_case")
    data = services.ClassifyInput(
        **payload.dict(exclude={"field_id", "inadmissible_reason", "complex_reason"}),
        field=_field(case.unit_id, payload.field_id),
        inadmissible_reason=payload.inadmissible_reason or "",
        complex_reason=payload.complex_reason or "",
    )
    return services.classify(case, data, actor=user)


@router.post("/cases/{case_id}/decide", response=ok(CaseOut), summary="Accept/transfer/…")
def decide_case(request: HttpRequest, payload: DecideIn, case_id: int = PathId) -> Case:
    user = caller(request)
    case = get_case_for(user, case_id, capability="decide_case")
    return services.decide(case, actor=user, today=_today(), **payload.dict())


@router.post("/cases/{case_id}/assign", response=ok(CaseOut), summary="Route to a department")
def assign_case(request: HttpRequest, payload: AssignIn, case_id: int = PathId) -> Case:
    user = caller(request)
    case = get_case_for(user, case_id, capability="assign_case")
    department = officer = None
    if payload.department_id is not None:
        department = Department.objects.filter(pk=payload.department_id, unit=case.unit).first()
        if department is None:
            raise DomainError(messages.unknown_department(), field="department_id")
    if payload.officer_id is not None:
        officer = User.objects.filter(
            pk=payload.officer_id, unit=case.unit, is_active=True, api_key__isnull=True
        ).first()
        if officer is None:
            raise DomainError(messages.unknown_officer(), field="officer_id")
    return services.assign(case, actor=user, department=department, officer=officer)


@router.post("/cases/{case_id}/notes", response=ok(EventOut, 201), summary="Note or update")
def add_note(request: HttpRequest, payload: NoteIn, case_id: int = PathId) -> Status:
    user = caller(request)
    case = get_case_for(user, case_id, capability="answer_case")
    return Status(
        201, services.add_note(case, actor=user, text=payload.text, public=payload.public)
    )


@router.post("/cases/{case_id}/answer", response=ok(ResponseOut), summary="Draft the answer")
def answer_case(request: HttpRequest, payload: TextIn, case_id: int = PathId) -> Any:
    user = caller(request)
    case = get_case_for(user, case_id, capability="answer_case")
    return answers.draft_answer(case, actor=user, text=payload.text)


@router.get(
    "/responses/awaiting-approval",
    response=ok(list[ApprovalOut]),
    summary="Drafts awaiting approval",
)
def awaiting_approval(request: HttpRequest) -> list:
    """Every draft submitted for approval in your units, oldest submitted first."""
    user = caller(request)
    require(user, "cases.approve_answer")
    return approvals.shown(user, approvals.awaiting(user))


@router.post("/responses/{response_id}/submit", response=ok(ResponseOut), summary="Submit")
def submit_response(request: HttpRequest, response_id: int = PathId) -> Any:
    """Submit the draft to the unit's leaders for approval."""
    user = caller(request)
    response = get_response_for(user, response_id, capability="answer_case")
    return answers.submit_answer(response, actor=user)


@router.post("/responses/{response_id}/return", response=ok(ResponseOut), summary="Return")
def return_response(request: HttpRequest, payload: ReturnIn, response_id: int = PathId) -> Any:
    """Return a submitted draft to be revised, with a comment (a blank one is a 400)."""
    user = caller(request)
    response = get_response_for(user, response_id, capability="approve_answer")
    return answers.return_answer(response, actor=user, comment=payload.comment)


def _edited_text(request: HttpRequest) -> str | None:
    """The wording of the approval's JSON body, if one was sent: a bare POST (a client's
    approve button) approves the draft as submitted."""
    if "json" not in (request.content_type or "") or not request.body.strip():
        return None
    try:
        return ApproveIn.model_validate_json(request.body).text
    except PydanticError as exc:
        errors = [{**e, "loc": ("body", "payload", *e["loc"])} for e in exc.errors()]
        raise ValidationError(errors) from exc


@router.post(
    "/responses/{response_id}/approve",
    response=ok(ResponseOut),
    summary="Approve",
    openapi_extra={
        "requestBody": {
            "required": False,
            "content": {"application/json": {"schema": ApproveIn.model_json_schema()}},
        }
    },
)
def approve_response(request: HttpRequest, response_id: int = PathId) -> Any:
    """Approve a submitted draft, optionally with edited wording `{"text": …}` (the edit is
    recorded in the timeline); a draft not yet submitted is submitted and approved in one step."""
    user = caller(request)
    response = get_response_for(user, response_id, capability="approve_answer")
    return answers.approve_answer(response, actor=user, text=_edited_text(request))


@router.post("/responses/{response_id}/send", response=ok(ResponseOut), summary="Send")
def send_response(request: HttpRequest, response_id: int = PathId) -> Any:
    user = caller(request)
    response = get_response_for(user, response_id, capability="answer_case")
    return answers.send_answer(response, actor=user, today=_today())


@router.get(
    "/cases/{case_id}/duplicates", response=ok(SuggestionsOut), summary="Possible duplicates"
)
def case_duplicates(request: HttpRequest, case_id: int = PathId) -> dict:
    """Cases of the province that may be the same matter: same citizen, similar text, or the
    same place and problem; only those in your units are listed."""
    user = caller(request)
    case = get_case_for(user, case_id)
    shown = duplicates.for_user(duplicates.suggest(duplicates.Draft.of(case)), user, case)
    items = [
        {
            "case_id": s.case.pk,
            "registration_number": s.case.registration_number,
            "unit_id": s.case.unit_id,
            "kind": s.case.kind,
            "status": s.case.status,
            "received_on": s.case.received_on,
            "subject": s.case.subject if s.subject_visible else "",
            "reasons": s.reasons,
            "explanation": s.explain(),
            "cosine": s.cosine,
            "token_set": s.token_set,
            "place_score": s.place_score,
        }
        for s in shown.visible
    ]
    return {"items": items, "elsewhere": shown.elsewhere}


@router.post("/cases/{case_id}/duplicate-of", response=ok(CaseOut), summary="Mark a duplicate")
def mark_duplicate(request: HttpRequest, payload: DuplicateOfIn, case_id: int = PathId) -> Case:
    user = caller(request)
    case = get_case_for(user, case_id, capability="classify_case")
    original = get_case_for(user, payload.original_id)
    return duplicates.mark_duplicate(case, original, actor=user)


@router.delete("/cases/{case_id}/duplicate-of", response=ok(CaseOut), summary="Not a duplicate")
def unmark_duplicate(request: HttpRequest, case_id: int = PathId) -> Case:
    user = caller(request)
    case = get_case_for(user, case_id, capability="classify_case")
    return duplicates.unmark_duplicate(case, actor=user)
