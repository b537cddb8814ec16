from __future__ import annotations

from typing import Annotated, Any

from ninja import Schema
from pydantic import ConfigDict, Field, field_validator


class UnitOut(Schema):
    id: int
    name: str
    code: str


class PrincipalOut(Schema):
    username: str
    name: str
    unit: UnitOut | None
    capabilities: list[str]
    api_key: str | None


class ErrorField(Schema):
    field: str
    code: str
    message: str


class ErrorDetail(Schema):
    code: str
    message: str
    fields: list[ErrorField]


class ErrorOut(Schema):
    """Every error of the API has this shape."""

    error: ErrorDetail


MAX_ID = 2**63 - 1
# A database id in a body or query: out-of-range numbers are a 422, never a database error.
DbId = Annotated[int, Field(ge=1, le=MAX_ID)]


def refuse_nul(value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    return value


class QuerySchema(Schema):
    """Base of query filters: no text may hold a NUL (PostgreSQL cannot compare with one)."""

    @field_validator("*", mode="after")
    @classmethod
    def no_nul(cls, value: Any) -> Any:
        return refuse_nul(value)


class InputSchema(QuerySchema):
    """Base of request bodies: unknown fields are refused, and no NUL either."""

    model_config = ConfigDict(extra="forbid")


class Page(Schema):
    """A keyset page: pass `next_cursor` back as `cursor` for the next one (null at the end)."""

    next_cursor: str | None


ERRORS: dict[int, Any] = {code: ErrorOut for code in (400, 401, 403, 404, 409, 422, 429)}
