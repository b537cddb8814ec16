"""The officer's work lists: filters, and keyset pages that never count the whole table.

Sorted by due date the page key is (due_on, id); newest first it is (-received_on, -id). Both
orders are backed by indexes (see Case.Meta.indexes). A page fetches one row more than it shows
to know whether a next page exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
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
    day = case.due_on if sort == "due" else case.received_on
    return f"{day.isoformat() if day else ''}_{case.pk}"


def _decode(cursor: str) -> tuple[date, int] | None:
    try:
        day, pk = cursor.split("_", 1)
        return date.fromisoformat(day), int(pk)
    except ValueError:
        return None


@dataclass
class Page:
    cases: list[Case]
    next_cursor: str | None


def page(cases: CaseQuerySet, *, sort: str, cursor: str = "", size: int = PAGE_SIZE) -> Page:
    """One page of `cases` after `cursor`, in the chosen order."""
    key = _decode(cursor) if cursor else None
    if sort == "due":
        cases = cases.filter(due_on__isnull=False).order_by("due_on", "id")
        if key:
            cases = cases.filter(Q(due_on__gt=key[0]) | Q(due_on=key[0], id__gt=key[1]))
    else:
        cases = cases.order_by("-received_on", "-id")
        if key:
            cases = cases.filter(Q(received_on__lt=key[0]) | Q(received_on=key[0], id__lt=key[1]))
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
