"""One error shape for the JSON API: {"error": {"code", "message", "fields": [...]}}.

Messages are in the request's language (Accept-Language or ?lang=; Vietnamese by default).
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja.renderers import JSONRenderer

# Translated messages for the pydantic error types a client meets most.
FIELD_MESSAGES = {
    "missing": lambda: _("This field is required."),
    "extra_forbidden": lambda: _("This field is not allowed."),
    "string_too_long": lambda: _("This text is too long."),
    "string_too_short": lambda: _("This text is too short."),
    "int_parsing": lambda: _("Enter a whole number."),
    "int_type": lambda: _("Enter a whole number."),
    "float_parsing": lambda: _("Enter a number."),
    "bool_parsing": lambda: _("Enter true or false."),
    "date_from_datetime_parsing": lambda: _("Enter a date as YYYY-MM-DD."),
    "date_parsing": lambda: _("Enter a date as YYYY-MM-DD."),
    "datetime_parsing": lambda: _("Enter a date and time in ISO 8601."),
    "datetime_from_date_parsing": lambda: _("Enter a date and time in ISO 8601."),
    "enum": lambda: _("Choose one of the allowed values."),
    "literal_error": lambda: _("Choose one of the allowed values."),
    "string_type": lambda: _("Enter text."),
    "list_type": lambda: _("Enter a list."),
    "model_attributes_type": lambda: _("Enter an object."),
    "dict_type": lambda: _("Enter an object."),
    "greater_than_equal": lambda: _("This number is too small."),
    "less_than_equal": lambda: _("This number is too large."),
    "json_invalid": lambda: _("The request body is not valid JSON."),
}


def error_body(code: str, message: str, fields: list[dict[str, Any]] | None = None) -> dict:
    return {"error": {"code": code, "message": message, "fields": fields or []}}


def error_response(
    status: int, code: str, message: str, fields: list[dict[str, Any]] | None = None
) -> HttpResponse:
    return HttpResponse(
        json.dumps(error_body(code, message, fields), ensure_ascii=False),
        status=status,
        content_type="application/json; charset=utf-8",
    )


def field_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Pydantic/ninja errors as {"field", "code", "message"} with a translated message."""
    result = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        kind = str(error.get("type", "invalid"))
        translate = FIELD_MESSAGES.get(kind)
        message = translate() if translate else str(error.get("msg", ""))
        result.append({"field": ".".join(location), "code": kind, "message": message})
    return result


class Utf8JSONRenderer(JSONRenderer):
    """Vietnamese text as UTF-8, readable in a terminal, instead of \\u escapes."""

    media_type = "application/json; charset=utf-8"
    json_dumps_params = {"ensure_ascii": False}
