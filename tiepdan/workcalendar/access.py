"""Who may see and edit the calendar: holders of `workcalendar.manage_calendar`.

The calendar is national (the Government announces the days), so there is no unit scope.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from tiepdan.accounts.access import require
from tiepdan.accounts.models import User
from tiepdan.workcalendar.models import Holiday

MANAGE = "workcalendar.manage_calendar"


def require_calendar_manager(user: User) -> None:
    """Raise PermissionDenied unless `user` may manage the calendar."""
    require(user, MANAGE)


def get_holiday_for(user: User, pk: object, *, write: bool = False) -> Holiday:
    """Return one announced day for a calendar manager (403 without the capability)."""
    require_calendar_manager(user)
    return get_object_or_404(Holiday, pk=pk)
