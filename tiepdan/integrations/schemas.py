from __future__ import annotations

from ninja import Schema


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
