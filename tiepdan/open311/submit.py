"""POST requests: a service request becomes a case, through the public form's service."""

from __future__ import annotations

import hashlib
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.cases import services
from tiepdan.cases.models import Case
from tiepdan.citizens.models import Citizen
from tiepdan.integrations.models import ApiKey
from tiepdan.integrations.services import authenticate_key
from tiepdan.lib.errors import DomainError
from tiepdan.lib.ids import normalize_phone
from tiepdan.open311.georeport import MAX_DESCRIPTION, PUBLIC_KINDS, Open311Error, field_for
from tiepdan.orgunits.models import OrgUnit

RECEIVE = "cases.receive_case"


def _check_key(params: Any, unit: OrgUnit) -> ApiKey:
    plain = (params.get("api_key") or "").strip()
    if not plain:
        raise Open311Error(400, _("api_key is required to submit a service request."))
    api_key = authenticate_key(plain)
    if api_key is None:
        raise Open311Error(403, _("The api_key is not valid or has been revoked."))
    if not api_key.unit.contains(unit) or not api_key.user.has_perm(RECEIVE):
        raise Open311Error(403, _("This api_key may not submit requests to this jurisdiction."))
    return api_key


def _coordinate(params: Any, name: str, bound: int) -> Decimal | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation as exc:
        raise Open311Error(400, _("%(name)s must be a number.") % {"name": name}) from exc
    if not value.is_finite() or abs(value) > bound:
        raise Open311Error(400, _("%(name)s is out of range.") % {"name": name})
    return value.quantize(Decimal("0.000001"))


def _citizen(params: Any) -> Citizen | None:
    name = f"{params.get('last_name', '')} {params.get('first_name', '')}".strip()[:200]
    if not name:
        return None
    phone = (params.get("phone") or "").strip()
    try:
        phone = normalize_phone(phone) if phone else ""
    except ValidationError as exc:
        raise Open311Error(400, " ".join(exc.messages)) from exc
    email = (params.get("email") or "").strip()[:254]
    return Citizen(full_name=name, id_kind=Citizen.IdKind.NONE, phone=phone, email=email)


def _retry_key(params: Any, unit: OrgUnit) -> str:
    """The same submission on the same day is one case (a client retrying a lost response)."""
    items = sorted((k, v) for k, v in params.items() if k != "api_key")
    raw = repr((unit.pk, items, timezone.localdate().isoformat())).encode()
    return "o311:" + hashlib.sha256(raw).hexdigest()[:56]


def submit(unit: OrgUnit, params: Any) -> dict[str, Any]:
    """Create the case for a POSTed service request; return the spec's response item."""
    api_key = _check_key(params, unit)
    field = field_for(unit, (params.get("service_code") or "").strip(), status=400)
    latitude = _coordinate(params, "lat", 90)
    longitude = _coordinate(params, "long", 180)
    address = (params.get("address_string") or params.get("address_id") or "").strip()[:300]
    if (latitude is None or longitude is None) and not address:
        raise Open311Error(400, _("Give a location: lat and long, or address_string."))
    description = (params.get("description") or "").strip()
    if len(description) > MAX_DESCRIPTION:
        raise Open311Error(400, _("description is limited to 4,000 characters."))
    kind = (params.get("attribute[kind]") or PUBLIC_KINDS[0]).strip()
    if kind not in PUBLIC_KINDS:
        raise Open311Error(400, _("attribute[kind] must be feedback or petition."))
    media = (params.get("media_url") or "").strip()[:500]
    content = "\n\n".join(part for part in (description or field.name, media) if part)
    subject = (description.splitlines()[0] if description else field.name)[:120]
    citizen = _citizen(params)
    intake = services.Intake(
        channel=Case.Channel.ONLINE,
        kind=kind,
        subject=subject,
        content=content,
        received_on=timezone.localdate(),
        field=field,
        location_text=address,
        latitude=latitude if longitude is not None else None,
        longitude=longitude if latitude is not None else None,
        is_anonymous=citizen is None,
    )
    try:
        case = services.receive_with_sender(
            intake,
            citizen=citizen,
            unit=unit,
            actor=api_key.user,
            today=timezone.localdate(),
            idempotency_key=_retry_key(params, unit),
        )
    except DomainError as exc:
        raise Open311Error(400, exc.message) from exc
    notice = _("Tracking code for the citizen: %(code)s") % {"code": case.code_display}
    return {"service_request_id": str(case.pk), "service_notice": notice, "account_id": None}
