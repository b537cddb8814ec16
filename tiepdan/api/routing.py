"""Small pieces the app routers share: the caller, response maps, path ids, file answers."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path

from tiepdan.api.schemas import ERRORS, MAX_ID

PathId: Any = Path(..., ge=1, le=MAX_ID)  # type: ignore[call-overload]


def caller(request: HttpRequest) -> Any:
    """The signed-in person or the API key's account (auth has run)."""
    return request.user


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
