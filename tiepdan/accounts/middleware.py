"""Staff pages need a login; leaders and unit admins need two-factor sign-in when required."""

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from tiepdan.accounts.roles import TWO_FACTOR_ROLES

# The JSON API and Open311 authenticate per request (session + CSRF, or API keys) and answer
# 401 in JSON; they must not be redirected to the login page (django-ninja #1461).
API_PREFIXES = ("/api/", "/open311/")


class StaffLoginRequiredMiddleware(LoginRequiredMiddleware):
    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: list, view_kwargs: dict
    ) -> HttpResponse | None:
        if request.path.startswith(API_PREFIXES):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class TwoFactorRequiredMiddleware:
    """Send a leader or unit admin who has not passed TOTP to the two-factor page."""

    EXEMPT_URL_NAMES = {"two_factor", "logout", "set_language"}

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable, view_args: list, view_kwargs: dict
    ) -> HttpResponse | None:
        user = request.user
        if not (settings.TIEPDAN_REQUIRE_2FA and user.is_authenticated):
            return None
        if request.path.startswith(API_PREFIXES) or request.path.startswith(settings.STATIC_URL):
            return None
        if user.is_verified():  # type: ignore[union-attr]
            return None
        if not (user.is_superuser or set(user.role_names()) & TWO_FACTOR_ROLES):  # type: ignore[union-attr]
            return None
        match = request.resolver_match
        if match and match.url_name in self.EXEMPT_URL_NAMES:
            return None
        return redirect("accounts:two_factor")
