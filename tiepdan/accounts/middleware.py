"""Staff pages need a login; leaders and unit admins need two-factor sign-in when required."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from tiepdan.accounts.roles import TWO_FACTOR_ROLES

# The JSON API and Open311 authenticate per request (session + CSRF, or API keys) and answer
# 401 in JSON; they must not be redirected to the login page (django-ninja #1461).
API_PREFIXES = ("/api/", "/open311/")


class StaffLoginRequiredMiddleware(LoginRequiredMiddleware):
    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if request.path.startswith(API_PREFIXES):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


def needs_two_factor(user: Any) -> bool:
    """Whether this signed-in user must pass TOTP before using the staff pages."""
    if not settings.TIEPDAN_REQUIRE_2FA or not user.is_authenticated:
        return False
    if user.is_verified():
        return False
    return bool(user.is_superuser or set(user.role_names()) & TWO_FACTOR_ROLES)


class TwoFactorRequiredMiddleware:
    """Send a leader or unit admin who has not passed TOTP to the two-factor page."""

    EXEMPT_URL_NAMES = {"two_factor", "logout", "set_language"}

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if request.path.startswith(API_PREFIXES) or request.path.startswith(settings.STATIC_URL):
            return None
        if not getattr(view_func, "login_required", True):  # public pages stay open
            return None
        match = request.resolver_match
        if match and match.url_name in self.EXEMPT_URL_NAMES:
            return None
        if not needs_two_factor(request.user):
            return None
        target = reverse("accounts:two_factor")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
