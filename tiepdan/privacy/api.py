"""/api/v1/privacy: the unit's data-subject requests (thin: privacy.access, services)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Query, Router, Status

from tiepdan.accounts.access import require, scoped
from tiepdan.api.routing import PathId, caller, ok
from tiepdan.privacy import services
from tiepdan.privacy.access import MANAGE, get_request_for
from tiepdan.privacy.models import DataSubjectRequest
from tiepdan.privacy.schemas import CloseIn, RequestFilter, RequestIn, RequestOut

router = Router(tags=["privacy"])
LIST_LIMIT = 200


@router.get("/privacy/requests", response=ok(list[RequestOut]), summary="Data-subject requests")
def list_requests(request: HttpRequest, filters: Query[RequestFilter]) -> Any:
    """The newest 200 requests of the caller's units; `open=false` includes closed ones."""
    user = caller(request)
    require(user, MANAGE)
    rows = scoped(DataSubjectRequest.objects.all(), user)
    if filters.open:
        rows = rows.filter(closed_at__isnull=True)
    return rows.order_by("-received_at", "-id")[:LIST_LIMIT]


@router.post("/privacy/requests", response=ok(RequestOut, 201), summary="Log a request")
def log_request(request: HttpRequest, payload: RequestIn) -> Status:
    user = caller(request)
    require(user, MANAGE)
    if user.unit is None:
        raise PermissionDenied
    made = services.file_request(user.unit, actor=user, **payload.dict())
    return Status(201, made)


@router.post(
    "/privacy/requests/{request_id}/acknowledge", response=ok(RequestOut), summary="Acknowledge"
)
def acknowledge(request: HttpRequest, request_id: int = PathId) -> Any:
    user = caller(request)
    return services.acknowledge(get_request_for(user, request_id, write=True), actor=user)


@router.post("/privacy/requests/{request_id}/close", response=ok(RequestOut), summary="Close")
def close(request: HttpRequest, payload: CloseIn, request_id: int = PathId) -> Any:
    user = caller(request)
    made = get_request_for(user, request_id, write=True)
    return services.close(made, actor=user, outcome=payload.outcome, note=payload.note)
