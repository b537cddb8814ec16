"""/api/v1/mediation: teams and the mediation log book (thin: mediation.access, services)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from tiepdan.accounts.access import require, scoped
from tiepdan.integrations.pagination import newest_first
from tiepdan.integrations.routing import PathId, caller, ok
from tiepdan.mediation import services
from tiepdan.mediation.access import RECORD, VIEW, get_case_for, get_team_for
from tiepdan.mediation.models import MediationCase, MediationTeam
from tiepdan.mediation.schemas import (
    MediationCaseIn,
    MediationCaseOut,
    MediationFilter,
    MediationPageOut,
    OutcomeIn,
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
