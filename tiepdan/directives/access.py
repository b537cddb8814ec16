"""The one door to a directive: scope by unit, then the capability; owners may report progress."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from tiepdan.accounts.access import get_in_scope
from tiepdan.accounts.models import User
from tiepdan.directives.models import Directive

VIEW = "directives.view_directive"
ISSUE = "directives.issue_directive"
REPORT = "directives.report_directive_progress"


def is_owner(user: User, directive: Directive) -> bool:
    if directive.owner_user_id is not None:
        return directive.owner_user_id == user.pk
    return user.department_id is not None and user.department_id == directive.owner_department_id


def can_report(user: User, directive: Directive) -> bool:
    """Leaders who issue directives may report on any; others only on their own."""
    if user.has_perm(ISSUE):
        return True
    return user.has_perm(REPORT) and is_owner(user, directive)


def get_directive_for(user: User, pk: object, *, write: bool = False) -> Directive:
    """Fetch a directive the user may see (404 otherwise); with write, one they may report on."""
    queryset = Directive.objects.select_related(
        "unit", "issued_by", "owner_user", "owner_department"
    )
    directive = get_in_scope(queryset, user, pk, read=VIEW)
    if write and not can_report(user, directive):
        raise PermissionDenied
    return directive
