"""The denouncer-identity access log, as the unit administrator reads it (rule 19).

Rows of the unit's subtree (scope through `accounts.access.scoped`), newest first, paged by
keyset on (at, id) — the log only grows — and filtered by case, user and date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tiepdan.accounts.access import scoped
from tiepdan.accounts.models import User
from tiepdan.cases.identity import Via
from tiepdan.cases.models import IdentityAccess
from tiepdan.cases.search.worklist import _decode_moment as decode_moment

CAPABILITY = "cases.view_identityaccess"
PAGE_SIZE = 50

VIA_LABELS = {
    Via.PAGE: _("Case page"),
    Via.API: _("API"),
    Via.NOTICE: _("Notice (DOCX)"),
    Via.FILE: _("File download"),
    Via.ENTRY: _("Reception-book entry"),
}


@dataclass
class Page:
    rows: list[IdentityAccess]
    next_cursor: str | None


def _case_q(text: str) -> Q:
    """A registration number (12/2026, 0012/2026), a bare number, or a tracking code."""
    text = text.strip()
    number, _sep, year = text.partition("/")
    if number.isdigit() and (not year or year.isdigit()):
        q = Q(case__number=int(number))
        return q & Q(case__year=int(year)) if year else q
    return Q(case__tracking_code="".join(ch for ch in text.upper() if ch.isalnum()))


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def rows_for(actor: User, data: dict[str, Any]) -> QuerySet[IdentityAccess]:
    """The log rows `actor` may read (their unit's subtree), filtered, newest first."""
    rows = scoped(IdentityAccess.objects.all(), actor, "case__unit")
    if data.get("case"):
        rows = rows.filter(_case_q(data["case"]))
    if data.get("user"):
        rows = rows.filter(user=data["user"])
    if data.get("date_from"):
        rows = rows.filter(at__gte=_moment(data["date_from"]))
    if data.get("date_to"):
        rows = rows.filter(at__lt=_moment(data["date_to"] + timedelta(days=1)))
    return rows.order_by("-at", "-id")


def page(rows: QuerySet[IdentityAccess], cursor: str = "", size: int = PAGE_SIZE) -> Page:
    """One page after `cursor` (the last row of the page before); a bad cursor starts over."""
    key = decode_moment(cursor) if cursor else None
    if key:
        rows = rows.filter(Q(at__lt=key[0]) | Q(at=key[0], id__lt=key[1]))
    found = list(rows.select_related("user", "case", "case__unit")[: size + 1])
    more = len(found) > size
    found = found[:size]
    last = found[-1] if more and found else None
    return Page(found, f"{last.at.isoformat()}_{last.pk}" if last else None)
