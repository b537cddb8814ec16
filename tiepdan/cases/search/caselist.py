"""The case list as officers and integrations read it: one query for the HTML list and the API.

A view (mine, my department, unassigned, due this week, overdue, all), the filters, an optional
search and an order give one keyset page; subjects are redacted for whoever may not see a
denouncer's identity.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tiepdan.accounts.models import User
from tiepdan.cases import identity
from tiepdan.cases.search import fulltext, worklist


def find(
    user: User,
    filters: dict[str, Any],
    *,
    view: str,
    today: date,
    cursor: str = "",
    size: int = worklist.PAGE_SIZE,
) -> worklist.Page:
    """One page of the cases `user` may see, as `view` and `filters` choose.

    `filters` holds the work list's filters plus `q` (search words), `sort` and, for polling
    integrations, `updated_since`. Without a chosen order a search comes best match first and a
    poll last changed last, so its cursor never skips a change.
    """
    since = filters.get("updated_since")
    chosen = filters.get("sort") or ""
    sort = chosen or ("updated" if since else worklist.default_sort(view))
    cases = worklist.filtered(worklist.base(view, user, today), filters, sort=sort)
    if since:
        cases = cases.filter(updated_at__gte=since)
    words = filters.get("q")
    if words and not chosen and not since:
        page = fulltext.search(user, words, cases, cursor=cursor, size=size)
    elif words:
        page = fulltext.in_order(user, words, cases, sort=sort, cursor=cursor, size=size)
    else:
        page = worklist.page(cases, sort=sort, cursor=cursor, size=size)
    identity.redact_subjects(user, page.cases)
    return page
