"""Who may see a denouncer's identity (Law on Denunciations Arts. 9, 47, 56; DOMAIN rule 19).

For a denunciation, the denouncer's name, address, contacts, ID number, scans and handwriting
are for the person resolving it and the staff assigned to it: here the resolver, the assigned
officer and the officer who registered the letter. Everyone else — other officers of the unit,
leaders not resolving it, the higher level, administrators — sees the redacted form. Pages,
exports, API responses, search results and notifications all ask this module.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from tiepdan.cases.rules import Kind

#: The people linked to a case who may see its denouncer.
ENTITLED_FIELDS = ("resolver", "assignee", "created_by")


def is_protected(case: Any) -> bool:
    """The case's senders are protected denouncers."""
    return bool(case.kind == Kind.DENUNCIATION)


def may_see_identity(user: Any, case: Any) -> bool:
    """`user` may see who sent `case` (always, unless it is a denunciation)."""
    if not is_protected(case):
        return True
    if user is None or not user.is_authenticated:
        return False
    return any(getattr(case, f"{name}_id") == user.pk for name in ENTITLED_FIELDS)


def identity_visible_q(user: Any) -> Q:
    """`may_see_identity` as a filter, for searching by a sender's name or number."""
    entitled = Q(pk__in=[])
    if user is not None and user.is_authenticated:
        for name in ENTITLED_FIELDS:
            entitled |= Q(**{name: user.pk})
    return ~Q(kind=Kind.DENUNCIATION) | entitled
