"""The one door to a case: scope (the user's units) then capability (what the role may do)."""

from __future__ import annotations

from tiepdan.accounts.access import get_in_scope
from tiepdan.accounts.models import User
from tiepdan.cases.models import Case, Response

CASE_RELATED = ("unit", "field", "assignee", "assignee_department")


def get_case_for(user: User, pk: object, *, capability: str | None = None) -> Case:
    """A case in the user's scope (else 404) that they may view, and act on with `capability`."""
    return get_in_scope(
        Case.objects.select_related(*CASE_RELATED),
        user,
        pk,
        read="cases.view_case",
        write=f"cases.{capability}" if capability else None,
        for_write=capability is not None,
    )


def get_response_for(user: User, pk: object, *, capability: str | None = None) -> Response:
    return get_in_scope(
        Response.objects.select_related("case", "case__unit"),
        user,
        pk,
        read="cases.view_case",
        write=f"cases.{capability}" if capability else None,
        for_write=capability is not None,
        unit_field="case__unit",
    )
