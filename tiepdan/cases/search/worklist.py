"""The officer's work lists: filters, and keyset pages that never count the whole table.

Sorted by due date the page key is (due_on, id); newest first it is (-received_on, -id); for
integrations that poll, last changed last it is (updated_at, id). Every order is backed by an
index (see Case.Meta.indexes). A page fetches one row more than it shows to know whether a next
page exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db.models import Q

from tiepdan.accounts.models import User
from tiepdan.cases.models import Case, CaseQuerySet

PAGE_SIZE = 50


def base(view: str, user: User, today: date) -> CaseQuerySet:
    cases = Case.objects.visible_to(user)
    if view != "all":
        cases = cases.counted()  # a duplicate follows its original: not a task of its own
    if view == "mine":
        return cases.open().filter(assignee=user)
    if view == "department":
        return cases.open().filter(assignee_department_id=user.department_id or 0)
    if view == "unassigned":
        return cases.open().filter(assignee__isnull=True, assignee_department__isnull=True)
    if view == "week":
        return cases.due_soon(today, today + timedelta(days=6))
    if view == "overdue":
        return cases.overdue(today)
    return cases


def filtered(cases: CaseQuerySet, data: dict[str, Any], *, sort: str = "") -> CaseQuerySet:
    """Apply the filter form; sorted by due date, a list holds only open cases unless a status
    is chosen (a finished case's due date orders nothing)."""
    if sort == "due" and not data.get("status"):
        cases = cases.open()
    for name in ("kind", "channel", "status", "field"):
        if data.get(name):
            cases = cases.filter(**{name: data[name]})
    if data.get("received_from"):
        cases = cases.filter(received_on__gte=data["received_from"])
    if data.get("received_to"):
        cases = cases.filter(received_on__lte=data["received_to"])
    return cases


def encode_cursor(case: Case, sort: str) -> str:
    if sort == "updated":
        # UTC with a Z: no "+" that a client could forget to escape in a URL.
        moment = case.updated_at.astimezone(UTC).replace(tzinfo=None)
        return f"{moment.isoformat(timespec='microseconds')}Z_{case.pk}"
    day = case.due_on if sort == "due" else case.received_on
    return f"{day.isoformat() if day else ''}_{case.pk}"


def _decode(cursor: str) -> tuple[date, int] | None:
    try:
        day, pk = cursor.split("_", 1)
        return date.fromisoformat(day), int(pk)
    except ValueError:
        return None


def _decode_moment(cursor: str) -> tuple[datetime, int] | None:
    try:
        moment, pk = cursor.split("_", 1)
        parsed = datetime.fromisoformat(moment)
        return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)), int(pk)
    except ValueError:
        return None


@dataclass
class Page:
    cases: list[Case]
    next_cursor: str | None


def page(cases: CaseQuerySet, *, sort: str, cursor: str = "", size: int = PAGE_SIZE) -> Page:
    """One page of `cases` after `cursor`, in the chosen order."""
    if sort == "updated":
        return _page_by_change(cases, cursor, size)
    key = _decode(cursor) if cursor else None
    if sort == "due":
        cases = cases.filter(due_on__isnull=False).order_by("due_on", "id")
        if key:
            cases = cases.filter(Q(due_on__gt=key[0]) | Q(due_on=key[0], id__gt=key[1]))
    else:
        cases = cases.order_by("-received_on", "-id")
        if key:
            cases = cases.filter(Q(received_on__lt=key[0]) | Q(received_on=key[0], id__lt=key[1]))
    return _fetch(cases, sort, size)


def _page_by_change(cases: CaseQuerySet, cursor: str, size: int) -> Page:
    """Last changed last, on the `case_updated` index: a poller keeps the cursor and goes on."""
    cases = cases.order_by("updated_at", "id")
    key = _decode_moment(cursor) if cursor else None
    if key:
        # The plain range bound first, so both engines seek the index instead of scanning it.
        after = Q(updated_at__gt=key[0]) | Q(updated_at=key[0], id__gt=key[1])
        cases = cases.filter(after, updated_at__gte=key[0])
    return _fetch(cases, "updated", size)


def _fetch(cases: CaseQuerySet, sort: str, size: int) -> Page:
    rows = list(
        cases.select_related("field", "assignee", "assignee_department").defer("content")[
            : size + 1
        ]
    )
    more = len(rows) > size
    rows = rows[:size]
    return Page(rows, encode_cursor(rows[-1], sort) if more and rows else None)


def default_sort(view: str) -> str:
    return "received" if view == "all" else "due"
