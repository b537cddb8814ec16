"""Keyset pages newest first on (a date or date-time, id): no OFFSET, no COUNT, any depth."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from django.db.models import Model, Q, QuerySet

M = TypeVar("M", bound=Model)


@dataclass
class KeysetPage(Generic[M]):
    items: list[M]
    next_cursor: str | None


def _decode(cursor: str) -> tuple[date | datetime, int] | None:
    value, _sep, pk = cursor.rpartition("_")
    try:
        key = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        return key, int(pk)
    except ValueError:
        return None


def newest_first(
    queryset: QuerySet[M], date_field: str, *, cursor: str | None, limit: int
) -> KeysetPage[M]:
    """One page of `queryset` ordered by (-date_field, -id), after `cursor` (a bad one restarts)."""
    queryset = queryset.order_by(f"-{date_field}", "-id")
    key = _decode(cursor) if cursor else None
    if key:
        before = {f"{date_field}__lt": key[0]}
        same_day = {date_field: key[0], "id__lt": key[1]}
        queryset = queryset.filter(Q(**before) | Q(**same_day))
    rows = list(queryset[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    last: Any = rows[-1] if rows else None
    next_cursor = f"{getattr(last, date_field).isoformat()}_{last.pk}" if more and last else None
    return KeysetPage(rows, next_cursor)
