"""The doors to programmes and targets: scope by unit, then capability (404 out of scope, 403)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from tiepdan.accounts.access import get_in_scope
from tiepdan.accounts.models import User
from tiepdan.targets.models import Programme, Target

VIEW = "targets.view_targets"
MANAGE = "targets.manage_targets"
ENTER = "targets.enter_target_results"


def get_programme_for(user: User, pk: object, *, write: bool = False) -> Programme:
    queryset = Programme.objects.select_related("unit")
    return get_in_scope(queryset, user, pk, read=VIEW, write=MANAGE, for_write=write)


def get_target_for_entry(user: User, pk: object) -> Target:
    """A target whose results the user may enter: as its responsible officer or by capability."""
    queryset = Target.objects.select_related("programme__unit", "responsible")
    target = get_in_scope(queryset, user, pk, unit_field="programme__unit")
    if target.responsible_id != user.pk and not user.has_perm(ENTER):
        raise PermissionDenied
    return target
