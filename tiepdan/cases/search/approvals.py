"""The approval loop as lists: the drafts awaiting a leader's approval, and the drafts returned
to an officer. The leader's queue page, the API and the staff inbox read the same queries.

Both are served by an index: the queue by `response_state_submitted` (state, submitted_at, id),
which gives the order too; the returned drafts by the drafter's foreign-key index.
"""

from __future__ import annotations

from django.db.models import QuerySet

from tiepdan.accounts.models import User
from tiepdan.cases import identity
from tiepdan.cases.models import Case, Response

RELATED = ("case", "drafted_by", "submitted_by")


def awaiting(user: User) -> QuerySet[Response]:
    """The drafts submitted for approval in the units `user` may see, oldest submitted first;
    none for someone who may not approve answers. Count it, or slice it for a page."""
    if not user.has_perm("cases.approve_answer"):
        return Response.objects.none()
    return (
        Response.objects.filter(
            state=Response.State.SUBMITTED, case__in=Case.objects.visible_to(user)
        )
        .select_related(*RELATED)
        .order_by("submitted_at", "id")
    )


def returned_to(user: User) -> QuerySet[Response]:
    """The drafts `user` wrote that a leader returned for revision, oldest first."""
    return (
        Response.objects.filter(state=Response.State.RETURNED, drafted_by=user)
        .filter(case__in=Case.objects.visible_to(user))
        .select_related(*RELATED)
        .order_by("submitted_at", "id")
    )


def shown(user: User, responses: QuerySet[Response]) -> list[Response]:
    """`responses` as `user` may read them: a denunciation's subject without the denouncer's
    identity for whoever may not see it (one query for the whole list)."""
    found = list(responses)
    identity.redact_subjects(user, [r.case for r in found])
    return found
