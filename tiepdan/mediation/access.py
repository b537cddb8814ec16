"""The one door to mediation records: scope by the team's village or residential group."""

from __future__ import annotations

from typing import Any

from tiepdan.accounts.access import get_in_scope
from tiepdan.accounts.models import User
from tiepdan.mediation.models import MediationCase, MediationTeam

VIEW = "mediation.view_mediationcase"
RECORD = "mediation.record_mediation"
MANAGE_TEAMS = "mediation.manage_mediation_teams"


def get_case_for(user: User, pk: object, *, write: bool = False) -> MediationCase:
    """Fetch a mediation case the user may see (404 otherwise); with write, one they may record."""
    queryset = MediationCase.objects.select_related("team", "team__group", "team__group__parent")
    return get_in_scope(
        queryset, user, pk, read=VIEW, write=RECORD, for_write=write, unit_field="team__group"
    )


def get_team_for(user: User, pk: object, *, write: bool = False) -> MediationTeam:
    """Fetch a team in the user's scope; with write, the capability to manage teams."""
    queryset = MediationTeam.objects.select_related("group", "leader")
    return get_in_scope(
        queryset, user, pk, read=VIEW, write=MANAGE_TEAMS, for_write=write, unit_field="group"
    )


def parties_visible(request: Any) -> bool:
    """Who the parties are stays out of integrations (Law 35/2013 Art. 4): False for a key."""
    return getattr(request, "api_key", None) is None
