"""Open311 GeoReport v2 endpoints (plain Django views; the format comes from the URL)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from tiepdan.api.throttling import ApiRateThrottle
from tiepdan.cases.views.public import find_case
from tiepdan.open311 import georeport
from tiepdan.open311.render import error, respond
from tiepdan.open311.submit import submit

View = Callable[..., HttpResponse]


def endpoint(methods: tuple[str, ...] = ("GET",)) -> Callable[[View], View]:
    """Public, CSRF-exempt (clients send api_key), rate-limited; Open311Error → the spec's error."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, fmt: str, **kwargs: Any) -> HttpResponse:
            if request.method not in methods:
                response = error(fmt, 405, _("Method not allowed."))
                response["Allow"] = ", ".join(methods)
                return response
            if not ApiRateThrottle().allow_request(request):
                return error(fmt, 429, _("Too many requests; slow down."))
            if any("\x00" in v for _k, vs in _params(request).lists() for v in vs):
                return error(fmt, 400, _("The request contains a NUL character."))
            try:
                return view(request, fmt, **kwargs)
            except georeport.Open311Error as exc:
                return error(fmt, exc.status, exc.description)

        return login_not_required(csrf_exempt(wrapped))

    return decorate


def _params(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else request.GET


@endpoint()
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    changeset = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    base = request.build_absolute_uri(reverse("open311:discovery", args=["json"]))
    data = {
        "changeset": changeset.isoformat(timespec="seconds"),
        "contact": settings.DEFAULT_FROM_EMAIL,
        "key_service": _("Ask the unit administrator for an API key."),
        "endpoints": [
            {
                "specification": georeport.SPECIFICATION,
                "url": base.rsplit("/", 1)[0],
                "changeset": changeset.isoformat(timespec="seconds"),
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return respond(fmt, "discovery", data)


@endpoint()
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    unit = georeport.jurisdiction(request.GET)
    return respond(fmt, "services", georeport.service_list(unit))


@endpoint()
def service_definition(request: HttpRequest, fmt: str, code: str) -> HttpResponse:
    unit = georeport.jurisdiction(request.GET)
    return respond(fmt, "service_definition", georeport.service_definition(unit, code))


@endpoint(methods=("GET", "POST"))
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    params = _params(request)
    unit = georeport.jurisdiction(params)
    if request.method == "POST":
        return respond(fmt, "service_requests", [submit(unit, params)], status=201)
    return respond(fmt, "service_requests", georeport.find_requests(unit, params))


@endpoint()
def service_request(request: HttpRequest, fmt: str, request_id: str) -> HttpResponse:
    unit = georeport.jurisdiction(request.GET)
    return respond(fmt, "service_requests", [georeport.find_request(unit, request_id)])


@endpoint()
def token(request: HttpRequest, fmt: str, token: str) -> HttpResponse:
    """A token is the citizen's tracking code; wrong guesses count like on the tracking page."""
    unit = georeport.jurisdiction(request.GET)
    case = find_case(request, token)
    if case is None or not case.unit.path.startswith(unit.path):
        raise georeport.Open311Error(404, _("No service request has this token."))
    return respond(fmt, "service_requests", [{"service_request_id": str(case.pk), "token": token}])
