"""/api/v1/targets: work programmes, their targets and results per period (thin)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from tiepdan.accounts.access import own_unit, person_in_scope, require, scoped
from tiepdan.api.routing import PathId, caller, ok
from tiepdan.targets import services
from tiepdan.targets.access import MANAGE, VIEW, get_programme_for, get_target_for_entry
from tiepdan.targets.models import Programme
from tiepdan.targets.periods import parse_period
from tiepdan.targets.schemas import (
    ProgrammeIn,
    ProgrammeOut,
    ProgrammeSummaryOut,
    ResultIn,
    ResultOut,
    TargetIn,
    TargetOut,
)

router = Router(tags=["targets"])
Year: Any = Query(None, ge=2000, le=2100)  # type: ignore[call-overload]


@router.get("/targets/programmes", response=ok(list[ProgrammeSummaryOut]), summary="Programmes")
def list_programmes(request: HttpRequest, year: int | None = Year) -> Any:
    user = caller(request)
    require(user, VIEW)
    programmes = scoped(Programme.objects.all(), user)
    if year:
        programmes = programmes.filter(year=year)
    return programmes.order_by("-year", "unit_id")[:500]


@router.post("/targets/programmes", response=ok(ProgrammeOut, 201), summary="Open a programme")
def create_programme(request: HttpRequest, payload: ProgrammeIn) -> Status:
    """The caller's unit's programme for a year (one per unit and year); targets come next."""
    user = caller(request)
    require(user, MANAGE)
    return Status(201, services.create_programme(unit=own_unit(user), **payload.dict()))


@router.post(
    "/targets/programmes/{programme_id}/targets",
    response=ok(TargetOut),
    summary="Add or change a target",
)
def save_target(request: HttpRequest, payload: TargetIn, programme_id: int = PathId) -> Any:
    user = caller(request)
    programme = get_programme_for(user, programme_id, write=True)
    fields = payload.dict(exclude={"code", "responsible_id"})
    responsible = person_in_scope(user, payload.responsible_id)
    return services.save_target(programme, code=payload.code, responsible=responsible, **fields)


@router.get(
    "/targets/programmes/{programme_id}", response=ok(ProgrammeOut), summary="With its targets"
)
def read_programme(request: HttpRequest, programme_id: int = PathId) -> Programme:
    return get_programme_for(caller(request), programme_id)


@router.post(
    "/targets/{target_id}/results", response=ok(ResultOut), summary="Enter or correct a result"
)
def record_result(request: HttpRequest, payload: ResultIn, target_id: int = PathId) -> Any:
    user = caller(request)
    target = get_target_for_entry(user, target_id)
    return services.record_result(
        target,
        period=parse_period(payload.period),
        value=payload.value,
        previous=payload.previous,
        note=payload.note,
        actor=user,
    )
