"""Small pieces the app routers share: the caller, response maps, path ids, people in scope."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Path

from tiepdan.accounts.access import scoped
from tiepdan.accounts.models import User
from tiepdan.orgunits.models import Department, OrgUnit

from .schemas import ERRORS, MAX_ID

PathId: Any = Path(..., ge=1, le=MAX_ID)  # type: ignore[call-overload]


def caller(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def ok(schema: Any, status: int = 200) -> dict[int, Any]:
    """The success schema plus the error shape for every documented error status."""
    return {status: schema, **ERRORS}


def file_download(description: str) -> dict[str, Any]:
    """`openapi_extra` of an endpoint that answers with a file instead of JSON."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        "responses": {
            200: {"description": description, "content": {"application/octet-stream": binary}}
        }
    }


def own_unit(user: User) -> OrgUnit:
    """The caller's unit, where new records are made (a 404 for an account without one)."""
    if user.unit is None:
        raise Http404
    return user.unit


def person_in_scope(user: User, pk: int | None) -> User | None:
    """A staff member of the caller's units (never a key's account); unknown → 404."""
    if pk is None:
        return None
    people = scoped(User.objects.people().filter(is_active=True), user)
    found = people.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def department_in_scope(user: User, pk: int | None) -> Department | None:
    if pk is None:
        return None
    found = scoped(Department.objects.all(), user).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
