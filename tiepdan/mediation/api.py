"""/api/v1/mediation: teams and the mediation log book (thin: mediation.access, services)."""

from __future__ import annotations

import io
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest
from ninja import Query, Router, Status

from tiepdan.accounts.access import require, scoped
from tiepdan.api.pagination import newest_first
from tiepdan.api.routing import PathId, caller, file_download, ok
from tiepdan.mediation import services
from tiepdan.mediation.access import RECORD, VIEW, get_case_for, get_team_for, parties_visible
from tiepdan.mediation.documents import agreement_docx, agreement_name
from tiepdan.mediation.models import Agreement, MediationCase, MediationTeam
from tiepdan.mediation.schemas import (
    AgreementIn,
    AgreementOut,
    MediationCaseIn,
    MediationCaseOut,
    MediationFilter,
    MediationPageOut,
    OutcomeIn,
    SessionIn,
    SessionOut,
    TeamOut,
)

router = Router(tags=["mediation"])


@router.get("/mediation/teams", response=ok(list[TeamOut]), summary="Mediation teams")
def list_teams(request: HttpRequest) -> Any:
    user = caller(request)
    require(user, VIEW)
    return scoped(MediationTeam.objects.all(), user, "group").order_by("id")[:500]


@router.get("/mediation/cases", response=ok(MediationPageOut), summary="The log book")
def list_cases(request: HttpRequest, filters: Query[MediationFilter]) -> dict:
    user = caller(request)
    require(user, VIEW)
    cases = MediationCase.objects.visible_to(user).prefetch_related("parties")
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.year:
        cases = cases.in_year(filters.year)
    page = newest_first(cases, "received_on", cursor=filters.cursor, limit=filters.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.post("/mediation/cases", response=ok(MediationCaseOut, 201), summary="Log a case")
def register_case(request: HttpRequest, payload: MediationCaseIn) -> Status:
    user = caller(request)
    require(user, RECORD)
    team = get_team_for(user, payload.team_id)
    case = services.register_case(
        team=team,
        actor=user,
        parties=[services.PartyInput(**party.dict()) for party in payload.parties],
        **payload.dict(exclude={"team_id", "parties"}),
    )
    return Status(201, case)


@router.get("/mediation/cases/{case_id}", response=ok(MediationCaseOut), summary="One case")
def read_case(request: HttpRequest, case_id: int = PathId) -> MediationCase:
    return get_case_for(caller(request), case_id)


@router.post(
    "/mediation/cases/{case_id}/outcome", response=ok(MediationCaseOut), summary="How it ended"
)
def record_outcome(request: HttpRequest, payload: OutcomeIn, case_id: int = PathId) -> Any:
    case = get_case_for(caller(request), case_id, write=True)
    return services.record_outcome(case, **payload.dict())


@router.get(
    "/mediation/cases/{case_id}/sessions", response=ok(list[SessionOut]), summary="Its sessions"
)
def list_sessions(request: HttpRequest, case_id: int = PathId) -> Any:
    case = get_case_for(caller(request), case_id)
    return case.sessions.prefetch_related("mediators").order_by("held_on", "pk")


@router.post(
    "/mediation/cases/{case_id}/sessions",
    response=ok(SessionOut, 201),
    summary="Record a session",
)
def record_session(request: HttpRequest, payload: SessionIn, case_id: int = PathId) -> Status:
    """The first session marks the start of mediation (Law 35/2013 Art. 20)."""
    case = get_case_for(caller(request), case_id, write=True)
    session = services.record_session(
        case,
        held_on=payload.held_on,
        place=payload.place,
        notes=payload.notes,
        mediators=services.team_mediators(case.team, payload.mediator_ids),
        is_public=payload.is_public,
    )
    return Status(201, session)


def _agreement(case: MediationCase) -> Agreement:
    agreement = Agreement.objects.filter(case=case).first()
    if agreement is None:
        raise Http404
    return agreement


@router.get(
    "/mediation/cases/{case_id}/agreement", response=ok(AgreementOut), summary="Its agreement"
)
def read_agreement(request: HttpRequest, case_id: int = PathId) -> Agreement:
    return _agreement(get_case_for(caller(request), case_id))


@router.put(
    "/mediation/cases/{case_id}/agreement",
    response=ok(AgreementOut),
    summary="Write or correct the agreement",
)
def write_agreement(request: HttpRequest, payload: AgreementIn, case_id: int = PathId) -> Any:
    """The record of a successful mediation with every item of Law 35/2013 Art. 24(2)."""
    case = get_case_for(caller(request), case_id, write=True)
    return services.record_agreement(case, **payload.dict())


@router.get(
    "/mediation/cases/{case_id}/agreement/document",
    response=ok(None),
    summary="Download the agreement (Word)",
    openapi_extra=file_download("The agreement record (.docx). Not for integration keys."),
)
def download_agreement(request: HttpRequest, case_id: int = PathId) -> FileResponse:
    """The document names the parties, so a key gets a 403 (Law 35/2013 Art. 4)."""
    case = get_case_for(caller(request), case_id)
    agreement = _agreement(case)
    if not parties_visible(request):
        raise PermissionDenied
    data = io.BytesIO(agreement_docx(agreement.case))
    return FileResponse(data, as_attachment=True, filename=agreement_name(case))
