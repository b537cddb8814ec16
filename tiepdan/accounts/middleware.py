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

from tiepdan.accounts.access import owes_second_factor
from tiepdan.api.middleware import API_PREFIXES


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
        if not owes_second_factor(request.user):
            return None
        target = reverse("accounts:two_factor")
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
