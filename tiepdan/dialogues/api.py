"""/api/v1/dialogues: dialogues with citizens, the matters raised at them (thin)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router, Status

from tiepdan.accounts.access import require
from tiepdan.dialogues import services
from tiepdan.dialogues.access import MANAGE, VIEW, get_dialogue_for
from tiepdan.dialogues.models import Dialogue
from tiepdan.dialogues.schemas import (
    DialogueFilter,
    DialogueIn,
    DialogueOut,
    DialoguePageOut,
    IssueIn,
    IssueOut,
)
from tiepdan.integrations.pagination import newest_first
from tiepdan.integrations.routing import PathId, caller, ok, own_unit, person_in_scope

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
