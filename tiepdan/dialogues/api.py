"""/api/v1/dialogues: dialogues with citizens, the matters raised at them (thin)."""

from __future__ import annotations

import io

from django.http import FileResponse, Http404, HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status

from tiepdan.accounts.access import department_in_scope, own_unit, person_in_scope, require
from tiepdan.api.pagination import newest_first
from tiepdan.api.routing import PathId, caller, file_download, ok
from tiepdan.dialogues import services
from tiepdan.dialogues.access import MANAGE, VIEW, get_dialogue_for
from tiepdan.dialogues.documents import minutes_docx, minutes_name
from tiepdan.dialogues.models import Dialogue
from tiepdan.dialogues.schemas import (
    DialogueFilter,
    DialogueIn,
    DialogueOut,
    DialoguePageOut,
    HeldIn,
    InvitationsSentIn,
    InvitationsSentOut,
    IssueIn,
    IssueOut,
    ParticipantIn,
    ParticipantOut,
)
from tiepdan.directives.schemas import AssignmentIn, DirectiveOut

router = Router(tags=["dialogues"])


@router.get("/dialogues", response=ok(DialoguePageOut), summary="Dialogues, newest first")
def list_dialogues(request: HttpRequest, filters: Query[DialogueFilter]) -> dict:
    user = caller(request)
    require(user, VIEW)
    dialogues = Dialogue.objects.visible_to(user)
    if filters.status:
        dialogues = dialogues.filter(status=filters.status)
    page = newest_first(dialogues, "held_at", cursor=filters.cursor, limit=filters.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.post("/dialogues", response=ok(DialogueOut, 201), summary="Plan a dialogue")
def plan_dialogue(request: HttpRequest, payload: DialogueIn) -> Status:
    user = caller(request)
    require(user, MANAGE)
    chair = person_in_scope(user, payload.chaired_by_id)
    dialogue = services.plan_dialogue(
        unit=own_unit(user),
        kind=payload.kind,
        topic=payload.topic,
        held_at=payload.held_at,
        place=payload.place,
        chaired_by=chair,  # type: ignore[arg-type]
        actor=user,
        description=payload.description,
        today=timezone.localdate(),
    )
    return Status(201, dialogue)


@router.get("/dialogues/{dialogue_id}", response=ok(DialogueOut), summary="One dialogue")
def read_dialogue(request: HttpRequest, dialogue_id: int = PathId) -> Dialogue:
    return get_dialogue_for(caller(request), dialogue_id)


@router.post(
    "/dialogues/{dialogue_id}/issues", response=ok(IssueOut, 201), summary="A matter raised"
)
def add_issue(request: HttpRequest, payload: IssueIn, dialogue_id: int = PathId) -> Status:
    dialogue = get_dialogue_for(caller(request), dialogue_id, write=True)
    return Status(201, services.add_issue(dialogue, **payload.dict()))


@router.post(
    "/dialogues/{dialogue_id}/participants",
    response=ok(ParticipantOut, 201),
    summary="Invite a participant",
)
def invite_participant(
    request: HttpRequest, payload: ParticipantIn, dialogue_id: int = PathId
) -> Status:
    dialogue = get_dialogue_for(caller(request), dialogue_id, write=True)
    return Status(201, services.invite(dialogue, **payload.dict()))


@router.post(
    "/dialogues/{dialogue_id}/invitations-sent",
    response=ok(InvitationsSentOut),
    summary="Record the invitations sent",
)
def invitations_sent(
    request: HttpRequest, payload: InvitationsSentIn, dialogue_id: int = PathId
) -> dict:
    """Late invitations are refused for a complaint dialogue and a warning otherwise."""
    dialogue = get_dialogue_for(caller(request), dialogue_id, write=True)
    warning = services.record_invitations_sent(dialogue, sent_on=payload.sent_on)
    return {"dialogue": dialogue, "warning": warning}


@router.post(
    "/dialogues/{dialogue_id}/held",
    response=ok(DialogueOut),
    summary="Record it held: attendance and result",
)
def record_held(request: HttpRequest, payload: HeldIn, dialogue_id: int = PathId) -> Dialogue:
    """Who came (participant ids), the result; the minutes get their number."""
    dialogue = get_dialogue_for(caller(request), dialogue_id, write=True)
    return services.record_held(dialogue, **payload.dict())


@router.post(
    "/dialogues/{dialogue_id}/commitments",
    response=ok(DirectiveOut, 201),
    summary="A commitment made at it",
)
def add_commitment(
    request: HttpRequest, payload: AssignmentIn, dialogue_id: int = PathId
) -> Status:
    """The commitment becomes a directive with an owner and a deadline (see /directives)."""
    user = caller(request)
    dialogue = get_dialogue_for(user, dialogue_id, write=True)
    directive = services.add_commitment(
        dialogue,
        title=payload.title,
        content=payload.content,
        actor=user,
        owner_department=department_in_scope(user, payload.owner_department_id),
        owner_user=person_in_scope(user, payload.owner_user_id),
        due_on=payload.due_on,
        due_in_working_days=payload.due_in_working_days,
    )
    return Status(201, directive)


@router.get(
    "/dialogues/{dialogue_id}/minutes",
    response=ok(None),
    summary="Download the minutes (Word)",
    openapi_extra=file_download("The minutes of a held dialogue (.docx)."),
)
def download_minutes(request: HttpRequest, dialogue_id: int = PathId) -> FileResponse:
    dialogue = get_dialogue_for(caller(request), dialogue_id)
    if dialogue.status != Dialogue.Status.HELD:
        raise Http404
    data = io.BytesIO(minutes_docx(dialogue))
    return FileResponse(data, as_attachment=True, filename=minutes_name(dialogue))
