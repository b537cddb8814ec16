"""The API's exception handlers: each error class maps to one HTTP status, in one place."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from tiepdan.api.errors import error_response, field_errors
from tiepdan.lib.errors import DomainError

logger = logging.getLogger(__name__)

HANDLERS: list[tuple[type[Exception], Callable[..., HttpResponse]]] = []


def _handles(exc_class: type[Exception]) -> Callable[[Any], Any]:
    def register(handler: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        HANDLERS.append((exc_class, handler))
        return handler

    return register


def install(api: NinjaAPI) -> None:
    for exc_class, handler in HANDLERS:
        api.add_exception_handler(exc_class, handler)


@_handles(NinjaValidationError)
def on_validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    return error_response(
        422, "validation_error", _("Some fields are not valid."), field_errors(exc.errors)
    )


@_handles(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    fields = [{"field": exc.field, "code": exc.code, "message": exc.message}] if exc.field else []
    return error_response(exc.status_code, exc.code, exc.message, fields)


@_handles(Http404)
def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(404, "not_found", _("Not found, or not in your units."))


@_handles(PermissionDenied)
def on_permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return error_response(403, "permission_denied", _("You do not have the capability for this."))


@_handles(DjangoValidationError)
def on_model_validation(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
    fields = [
        {"field": field, "code": "invalid", "message": str(message)}
        for field, messages in getattr(exc, "message_dict", {"": exc.messages}).items()
        for message in messages
    ]
    return error_response(422, "validation_error", _("Some fields are not valid."), fields)


@_handles(RequestDataTooBig)
def on_too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return error_response(413, "payload_too_large", _("The request body is too large."))


@_handles(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, AuthenticationError):
        message = exc.message if exc.message != "Unauthorized" else _("Sign in or send an API key.")
        response = error_response(401, "not_authenticated", message)
        response["WWW-Authenticate"] = 'Bearer realm="tiepdan"'
        return response
    if isinstance(exc, Throttled):
        return error_response(429, "rate_limited", _("Too many requests; slow down."))
    if exc.message.startswith("Cannot parse request body"):
        return error_response(
            422,
            "validation_error",
            _("The request body is not valid JSON."),
            [{"field": "body", "code": "json_invalid", "message": _("Send a JSON object.")}],
        )
    return error_response(exc.status_code, f"http_{exc.status_code}", exc.message)


@_handles(Exception)
def on_server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
    return error_response(500, "server_error", _("Something went wrong on our side."))
