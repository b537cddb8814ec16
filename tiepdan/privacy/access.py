"""The one door to data-subject requests: the unit's own, for those who handle them."""

from __future__ import annotations

from tiepdan.accounts.access import get_in_scope
from tiepdan.accounts.models import User
from tiepdan.privacy.models import DataSubjectRequest

MANAGE = "privacy.manage_privacy"


def get_request_for(user: User, pk: object, *, write: bool = False) -> DataSubjectRequest:
    """A request of the user's units (404 otherwise), for a holder of the capability (403)."""
    queryset = DataSubjectRequest.objects.select_related("unit", "acknowledged_by", "closed_by")
    return get_in_scope(queryset, user, pk, read=MANAGE, write=MANAGE, for_write=write)
