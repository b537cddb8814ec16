"""The doors to dashboards and generated reports: scope by unit, then capability."""

from __future__ import annotations

from django.http import Http404

from tiepdan.accounts.access import get_in_scope, require
from tiepdan.accounts.models import User
from tiepdan.orgunits.models import OrgUnit
from tiepdan.reports.models import GeneratedReport

VIEW_DASHBOARD = "reports.view_dashboard"
MAKE_REPORTS = "reports.make_reports"
MANAGE_SETTINGS = "reports.manage_report_settings"


def get_unit_for(user: User, pk: object | None, capability: str) -> OrgUnit:
    """The unit asked for (or the user's own) if it is in the user's scope; 404 otherwise."""
    require(user, capability)
    if pk in (None, ""):
        if user.unit is None:
            raise Http404
        return user.unit
    try:
        return user.visible_units().get(pk=int(str(pk)))
    except (OrgUnit.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def get_report_for(user: User, pk: object) -> GeneratedReport:
    queryset = GeneratedReport.objects.select_related("unit")
    return get_in_scope(queryset, user, pk, read=MAKE_REPORTS)
