"""Who am I: the caller's account, unit and capabilities (a quick check for a new key)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from tiepdan.accounts.models import User
from tiepdan.api.schemas import PrincipalOut

router = Router(tags=["account"])


@router.get("/me", response=PrincipalOut, summary="The calling account")
def me(request: HttpRequest) -> dict:
    user: User = request.user  # type: ignore[assignment]
    api_key = getattr(request, "api_key", None)
    return {
        "username": user.username,
        "name": str(user),
        "unit": user.unit,
        "capabilities": sorted(user.get_all_permissions()),
        "api_key": api_key.prefix if api_key else None,
    }
