"""Who is calling the API: a signed-in person (session + CSRF) or an API key's account.

A key arrives as `Authorization: Bearer <key>` or `X-API-Key: <key>`. A key that is present
but wrong, revoked or malformed is a 401 at once (it never falls back to the session). On
success `request.user` is the key's service account, so every `access.py` function applies.
The toolkit knows no domain: config/api.py hands it the key check and the 2FA rule.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError
from ninja.security import APIKeyCookie, APIKeyHeader, HttpBearer
from ninja.utils import check_csrf

from tiepdan.api.errors import error_response
from tiepdan.lib.errors import NotAllowed


def key_from_headers(request: HttpRequest) -> str | None:
    """The API key the request carries, if any (Bearer or X-API-Key)."""
    header = request.headers.get("Authorization", "")
    scheme, _sep, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return request.headers.get("X-API-Key") or None


# The two facts auth needs from the domain, given by the wiring (config/api.py): which key a
# plain secret is (None when unknown or revoked), and whether a signed-in person still owes
# the second factor.
KeyCheck = Callable[[str], Any]
SecondFactorCheck = Callable[[Any], bool]


def user_for_key(request: HttpRequest, plain: str, check: KeyCheck) -> Any:
    """Authenticate `plain`; make its account the request's user, or raise a 401."""
    api_key = check(plain)
    if api_key is None:
        raise AuthenticationError(401, _("The API key is not valid or has been revoked."))
    request.user = api_key.user
    request.api_key = api_key  # type: ignore[attr-defined]
    return api_key.user


class BearerKeyAuth(HttpBearer):
    def __init__(self, check: KeyCheck) -> None:
        super().__init__()
        self.check = check

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return user_for_key(request, token, self.check)


class HeaderKeyAuth(APIKeyHeader):
    param_name = "X-API-Key"

    def __init__(self, check: KeyCheck) -> None:
        super().__init__()
        self.check = check

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        if not key:
            return None
        return user_for_key(request, key, self.check)


class SessionCsrfAuth(APIKeyCookie):
    """The site's own session; unsafe methods need the CSRF token like any form."""

    param_name = "sessionid"

    def __init__(self, owes_second_factor: SecondFactorCheck) -> None:
        super().__init__()
        self.owes_second_factor = owes_second_factor

    def _get_key(self, request: HttpRequest) -> str | None:
        return None

    def __call__(self, request: HttpRequest) -> Any:
        if key_from_headers(request):
            return None  # a key was given and refused: never fall back to the session
        user = request.user
        if not user.is_authenticated:
            return None
        if self.owes_second_factor(user):
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


def api_auth(*, check_key: KeyCheck, owes_second_factor: SecondFactorCheck) -> list[Any]:
    """The API's authenticators, in order: Bearer key, X-API-Key, then the session."""
    return [BearerKeyAuth(check_key), HeaderKeyAuth(check_key), SessionCsrfAuth(owes_second_factor)]


def docs_access(
    *, check_key: KeyCheck, owes_second_factor: SecondFactorCheck
) -> Callable[[Any], Any]:
    """A decorator: the schema and the docs page are for signed-in staff and key holders."""

    def decorate(view: Any) -> Any:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            plain = key_from_headers(request)
            if plain is not None:
                if check_key(plain) is None:
                    return error_response(401, "not_authenticated", _("The API key is not valid."))
            elif not request.user.is_authenticated or owes_second_factor(request.user):
                return error_response(401, "not_authenticated", _("Sign in or send an API key."))
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
