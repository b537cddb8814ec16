"""Who is calling the API: a signed-in person (session + CSRF) or an API key's account.

A key arrives as `Authorization: Bearer <key>` or `X-API-Key: <key>`. A key that is present
but wrong, revoked or malformed is a 401 at once (it never falls back to the session). On
success `request.user` is the key's service account, so every `access.py` function applies.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, APIKeyHeader, HttpBearer
from ninja.utils import check_csrf

from tiepdan.accounts.models import User
from tiepdan.accounts.roles import TWO_FACTOR_ROLES
from tiepdan.lib.errors import NotAllowed

from .services import authenticate_key


def key_from_headers(request: HttpRequest) -> str | None:
    """The API key the request carries, if any (Bearer or X-API-Key)."""
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("X-API-Key") or None


def lacks_second_factor(user: Any) -> bool:
    """A leader or admin signed in without TOTP (the pages send them to it; the API refuses)."""
    if not settings.TIEPDAN_REQUIRE_2FA or user.is_verified():
        return False
    return bool(user.is_superuser or set(user.role_names()) & TWO_FACTOR_ROLES)


def user_for_key(request: HttpRequest, plain: str) -> User:
    """Authenticate `plain`; make its account the request's user, or raise a 401."""
    api_key = authenticate_key(plain)
    if api_key is None:
        raise AuthenticationError(401, _("The API key is not valid or has been revoked."))
    request.user = api_key.user
    request.api_key = api_key  # type: ignore[attr-defined]
    return api_key.user


class BearerKeyAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return user_for_key(request, token)


class HeaderKeyAuth(APIKeyHeader):
    param_name = "X-API-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if not key:
            return None
        return user_for_key(request, key)


class SessionCsrfAuth(APIKeyCookie):
    """The site's own session; unsafe methods need the CSRF token like any form."""

    param_name = "sessionid"

    def _get_key(self, request: HttpRequest) -> str | None:
        return None

    def __call__(self, request: HttpRequest) -> Any:
        if key_from_headers(request):
            return None  # a key was given and refused: never fall back to the session
        user = request.user
        if not user.is_authenticated:
            return None
        if lacks_second_factor(user):
            raise NotAllowed(
                _("Finish the two-factor sign-in on the site first."), code="two_factor_required"
            )
        if request.method not in ("GET", "HEAD", "OPTIONS", "TRACE") and check_csrf(request):
            raise NotAllowed(
                _("CSRF check failed: send the X-CSRFToken header."), code="csrf_failed"
            )
        return user

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return None  # pragma: no cover - __call__ decides


API_AUTH = [BearerKeyAuth(), HeaderKeyAuth(), SessionCsrfAuth()]


def docs_access(view: Any) -> Any:
    """The schema and the docs page are for signed-in staff and key holders (else a 401)."""
    from functools import wraps

    from .errors import error_response

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        plain = key_from_headers(request)
        if plain is not None:
            if authenticate_key(plain) is None:
                return error_response(401, "not_authenticated", _("The API key is not valid."))
        elif not request.user.is_authenticated or lacks_second_factor(request.user):
            return error_response(401, "not_authenticated", _("Sign in or send an API key."))
        return view(request, *args, **kwargs)

    return wrapped
