"""What Open311 GeoReport v2 shows and does, in the product's terms.

- A jurisdiction is a commune-level unit, named by its official code (`jurisdiction_id=26743`).
- A service is one field of the unit's case list; its one attribute is the kind of case.
- A service request is a feedback or petition case; complaints and denunciations (personal,
  protected by law) are never listed. Nothing personal is shown: no citizen, no content, no
  answer text. `description` is the subject a leader published with the answer (checked for
  personal data then), else the field's name: a subject as typed may name people or homes.
- status is open or closed; `status_notes` names the stage; `expected_datetime` is the due date;
  `agency_responsible` is the department handling it (or the unit).
- POST creates the case through the same service as the public online form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any, cast

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.cases.models import OPEN, Case, CaseQuerySet, Field, Status
from tiepdan.cases.rules import Kind
from tiepdan.cases.services.settings import unit_fields
from tiepdan.orgunits.models import OrgUnit

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
PUBLIC_KINDS = [Kind.FEEDBACK, Kind.PETITION]
DEFAULT_DAYS = 90
MAX_ROWS = 1000
MAX_DESCRIPTION = 4000


@dataclass
class Open311Error(Exception):
    status: int
    description: str


def jurisdiction(params: Any) -> OrgUnit:
    """The unit named by jurisdiction_id; optional when the server hosts a single commune."""
    code = (params.get("jurisdiction_id") or "").strip()
    communes = OrgUnit.objects.communes().current()
    if code:
        unit = communes.filter(code=code).first()
        if unit is None:
            raise Open311Error(404, _("No jurisdiction has the id %(id)s.") % {"id": code[:40]})
        return unit
    only = list(communes[:2])
    if len(only) != 1:
        raise Open311Error(400, _("jurisdiction_id is required: give the unit's official code."))
    return only[0]


def service_list(unit: OrgUnit) -> list[dict[str, Any]]:
    return [
        {
            "service_code": field.code,
            "service_name": field.name,
            "description": field.name,
            "metadata": True,
            "type": "realtime",
            "keywords": "",
            "group": unit.name,
        }
        for field in unit_fields(unit)  # read only: a new unit lists its defaults unsaved
    ]


def field_for(unit: OrgUnit, code: str, *, status: int = 404) -> Field:
    """The field whose code is `code`; an unknown code is a 404 (a 400 in a POST).

    On a new unit it is a default not saved yet: the intake of the first POST saves it.
    """
    field = next((f for f in unit_fields(unit) if f.code == code), None) if code else None
    if field is None:
        raise Open311Error(status, _("No service has the code %(code)s.") % {"code": code[:40]})
    return field


def service_definition(unit: OrgUnit, code: str) -> dict[str, Any]:
    field = field_for(unit, code)
    kinds = [{"key": str(k), "name": str(Kind(k).label)} for k in PUBLIC_KINDS]
    attribute = {
        "variable": True,
        "code": "kind",
        "datatype": "singlevaluelist",
        "required": False,
        "datatype_description": _("Feedback (default) or petition."),
        "order": 1,
        "description": _("What are you sending?"),
        "values": kinds,
    }
    return {"service_code": field.code, "attributes": [attribute]}


def _iso(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def _expected(case: Case) -> str | None:
    if case.due_on is None:
        return None
    end_of_day = datetime.combine(case.due_on, time(23, 59, 59))
    return _iso(timezone.make_aware(end_of_day))


def status_of(case: Case) -> str:
    return "open" if case.status in OPEN else "closed"


def status_notes(case: Case) -> str:
    label = str(Status(case.status).label)
    if case.decision_target and case.status in (Status.TRANSFERRED, Status.GUIDED):
        return f"{label}: {case.decision_target}"
    return label


def public_description(case: Case) -> str:
    if case.published_at is not None and case.public_subject:
        return case.public_subject
    return case.field.name if case.field else ""


def as_request(case: Case) -> dict[str, Any]:
    department = case.assignee_department
    return {
        "service_request_id": str(case.pk),
        "status": status_of(case),
        "status_notes": status_notes(case),
        "service_name": case.field.name if case.field else "",
        "service_code": case.field.code if case.field else "",
        "description": public_description(case),
        "agency_responsible": department.name if department else case.unit.name,
        "service_notice": "",
        "requested_datetime": _iso(case.created_at),
        "updated_datetime": _iso(case.updated_at),
        "expected_datetime": _expected(case),
        "address": case.location_text,
        "address_id": "",
        "zipcode": "",
        "lat": float(case.latitude) if case.latitude is not None else None,
        "long": float(case.longitude) if case.longitude is not None else None,
        "media_url": "",
    }


def public_requests(unit: OrgUnit) -> QuerySet[Case]:
    cases = Case.objects.filter(unit__path__startswith=unit.path, kind__in=PUBLIC_KINDS)
    return cases.select_related("unit", "field", "assignee_department")


def _moment(params: Any, name: str) -> datetime | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError as exc:
        raise Open311Error(400, _("%(name)s must be a W3C date-time.") % {"name": name}) from exc
    return moment if timezone.is_aware(moment) else timezone.make_aware(moment)


def _list(params: Any, name: str) -> list[str]:
    return [part.strip() for part in (params.get(name) or "").split(",") if part.strip()]


def find_requests(unit: OrgUnit, params: Any) -> list[dict[str, Any]]:
    """GET requests: by ids (which override every other argument), else by the filters."""
    cases = public_requests(unit)
    ids = _list(params, "service_request_id")
    if ids:
        numbers = [int(i) for i in ids if i.isdigit() and len(i) < 19]
        return [as_request(c) for c in cases.filter(pk__in=numbers).order_by("-created_at")]
    # A duplicate is listed once, as its original (found by its own id above).
    cases = cast(CaseQuerySet, cases).counted()
    codes = _list(params, "service_code")
    if codes:
        cases = cases.filter(field__code__in=codes)
    statuses = set(_list(params, "status"))
    if statuses - {"open", "closed"}:
        raise Open311Error(400, _("status must be open or closed."))
    if statuses == {"open"}:
        cases = cases.filter(status__in=OPEN)
    elif statuses == {"closed"}:
        cases = cases.exclude(status__in=OPEN)
    start, end = _moment(params, "start_date"), _moment(params, "end_date")
    if start is None and end is None:
        start = timezone.now() - timedelta(days=DEFAULT_DAYS)
    if start is not None:
        cases = cases.filter(created_at__gte=start)
    if end is not None:
        cases = cases.filter(created_at__lte=end)
    return [as_request(c) for c in cases.order_by("-created_at", "-id")[:MAX_ROWS]]


def find_request(unit: OrgUnit, request_id: str) -> dict[str, Any]:
    case = None
    if request_id.isdigit() and len(request_id) < 19:
        case = public_requests(unit).filter(pk=int(request_id)).first()
    if case is None:
        message = _("No service request has the id %(id)s.") % {"id": request_id[:40]}
        raise Open311Error(404, message)
    return as_request(case)
