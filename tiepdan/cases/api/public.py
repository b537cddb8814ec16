"""/api/v1/published-answers: the public pages' published answers, read-only, without a login.

The same selection and the same fields as the public pages (cases.publication): the published
subject and answer, the unit, field, kind and dates; never anything that identifies a person.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from tiepdan.api.pagination import newest_first
from tiepdan.api.routing import PathId, ok
from tiepdan.api.schemas import Page, QuerySchema, UnitOut
from tiepdan.cases.models import Case
from tiepdan.cases.services import publication
from tiepdan.orgunits.models import OrgUnit

router = Router(tags=["published answers"])


class PublishedAnswerOut(Schema):
    id: int
    unit: UnitOut
    field: str | None
    kind: str = Field(description="feedback, petition, complaint or denunciation")
    subject: str
    answer: str
    received_on: date
    answered_on: date | None
    published_at: datetime
    url: str

    @staticmethod
    def resolve_field(obj: Case) -> str | None:
        return obj.field.name if obj.field else None

    @staticmethod
    def resolve_subject(obj: Case) -> str:
        return obj.public_subject

    @staticmethod
    def resolve_answer(obj: Case) -> str:
        return obj.public_answer

    @staticmethod
    def resolve_url(obj: Case, context: dict[str, Any]) -> str:
        path = reverse("cases:published_detail", args=[obj.pk])
        return context["request"].build_absolute_uri(path)  # type: ignore[no-any-return]


class PublishedPageOut(Page):
    items: list[PublishedAnswerOut]


class PublishedFilter(QuerySchema):
    unit: str = Field(min_length=1, max_length=20, description="The unit's code, e.g. 26743")
    field: str = Field("", max_length=30, description="A field's short code, e.g. dat-dai")
    q: str = Field("", max_length=200, description="Words of the subject or answer")
    cursor: str | None = Field(None, max_length=64)
    limit: int = Field(20, ge=1, le=100)


@router.get(
    "/published-answers",
    auth=None,
    response=ok(PublishedPageOut),
    summary="Published answers of a unit, newest first",
)
def list_published(request: HttpRequest, filters: Query[PublishedFilter]) -> dict[str, Any]:
    unit = OrgUnit.objects.current().filter(code=filters.unit).first()
    if unit is None:
        raise Http404
    cases = publication.published_in(unit, query=filters.q)
    if filters.field:
        cases = cases.filter(field__code=filters.field)
    page = newest_first(cases, "published_at", cursor=filters.cursor, limit=filters.limit)
    return {"items": page.items, "next_cursor": page.next_cursor}


@router.get(
    "/published-answers/{case_id}",
    auth=None,
    response=ok(PublishedAnswerOut),
    summary="One published answer",
)
def read_published(request: HttpRequest, case_id: int = PathId) -> Case:
    return get_object_or_404(Case.objects.published().select_related("unit", "field"), pk=case_id)
