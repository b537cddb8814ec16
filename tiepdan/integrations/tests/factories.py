"""Keys for tests: `make_key(unit, *capabilities)` returns (ApiKey, plain key)."""

from __future__ import annotations

from tiepdan.integrations.models import ApiKey
from tiepdan.integrations.services import create_api_key
from tiepdan.orgunits.models import OrgUnit


def make_key(unit: OrgUnit, *capabilities: str, name: str = "Tổng đài 1022") -> tuple[ApiKey, str]:
    return create_api_key(unit=unit, name=name, capabilities=list(capabilities), created_by=None)


def bearer(plain: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}
