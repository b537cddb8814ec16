"""/api/v1/directives: a leader's directions and the progress reported on them (thin)."""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest
from ninja import File, Form, Query, Router, Status
from ninja.files import UploadedFile

from tiepdan.accounts.access import department_in_scope, own_unit, person_in_scope, require
from tiepdan.api.pagination import newest_first
from tiepdan.api.routing import PathId, caller, file_download, ok
from tiepdan.directives import services
from tiepdan.directives.access import ISSUE, VIEW, get_directive_for
from tiepdan.directives.models import Directive, DirectiveUpdate
from tiepdan.directives.schemas import (
    DirectiveFilter,
    DirectiveIn,
    DirectiveOut,
    DirectivePageOut,
    ProgressIn,
    UpdateOut,
)

router = Router(tags=["directives"])


@router.get("/directives", response=ok(DirectivePageOut), summary="Directives, newest first")
def list_directives(request: HttpRequest, filters: Query[DirectiveFilter]) -> dict:
    user = caller(request)
    require(user, VIEW)
    directives = Directive.objects.visible_to(user)
    if filters.status:
        directives = directives.filter(status=filters.status)
    page = newest_first(directives, "issued_on", cursor=filters.cursor, limit=filters.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.post("/directives", response=ok(DirectiveOut, 201), summary="Issue a directive")
def create_directive(request: HttpRequest, payload: DirectiveIn) -> Status:
    user = caller(request)
    require(user, ISSUE)
    directive = services.create_directive(
        unit=own_unit(user),
        title=payload.title,
        content=payload.content,
        issued_by=user,
        source_kind=payload.source_kind,
        source_label=payload.source_label,
        owner_department=department_in_scope(user, payload.owner_department_id),
        owner_user=person_in_scope(user, payload.owner_user_id),
        due_on=payload.due_on,
        due_in_working_days=payload.due_in_working_days,
    )
    return Status(201, directive)


@router.get("/directives/{directive_id}", response=ok(DirectiveOut), summary="One directive")
def read_directive(request: HttpRequest, directive_id: int = PathId) -> Directive:
    return get_directive_for(caller(request), directive_id)


@router.get(
    "/directives/{directive_id}/updates", response=ok(list[UpdateOut]), summary="Its history"
)
def directive_updates(request: HttpRequest, directive_id: int = PathId) -> Any:
    return get_directive_for(caller(request), directive_id).updates.order_by("at", "id")


@router.post(
    "/directives/{directive_id}/progress", response=ok(DirectiveOut), summary="Report progress"
)
def report_progress(request: HttpRequest, payload: ProgressIn, directive_id: int = PathId) -> Any:
    user = caller(request)
    directive = get_directive_for(user, directive_id, write=True)
    return services.record_progress(
        directive, percent=payload.percent, note=payload.note, actor=user
    )


@router.post(
    "/directives/{directive_id}/complete",
    response=ok(DirectiveOut),
    summary="Complete, with evidence",
)
def complete_directive(
    request: HttpRequest,
    evidence: File[UploadedFile],
    note: Form[str] = "",
    directive_id: int = PathId,
) -> Any:
    """`multipart/form-data`: `evidence` (PDF, Word, Excel, JPEG or PNG by content, up to
    20 MB; a photo is stored re-encoded, without its EXIF tags) and an optional `note`. As on
    the page: owners and the leaders who issue directives."""
    user = caller(request)
    directive = get_directive_for(user, directive_id, write=True)
    return services.complete_directive(directive, note=note, evidence=evidence, actor=user)


@router.get(
    "/directives/{directive_id}/updates/{update_id}/evidence",
    response=ok(None),
    summary="Download an evidence file",
    openapi_extra=file_download("The evidence file (PDF, Word, Excel, JPEG or PNG)."),
)
def download_evidence(
    request: HttpRequest, directive_id: int = PathId, update_id: int = PathId
) -> FileResponse:
    directive = get_directive_for(caller(request), directive_id)
    update = DirectiveUpdate.objects.filter(pk=update_id, directive=directive).first()
    if update is None or not update.evidence:
        raise Http404
    name = (update.evidence.name or "").rsplit("/", 1)[-1]
    return FileResponse(update.evidence.open("rb"), as_attachment=True, filename=name)
