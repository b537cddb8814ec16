"""Open311 requests get the API's language choice and body limit, refused as GeoReport errors."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from tiepdan.api.middleware import ApiRequestMiddleware
from tiepdan.open311.render import error


class Open311RequestMiddleware(ApiRequestMiddleware):
    prefixes = ("/open311/",)

    def refuse(self, request: HttpRequest, status: int, code: str, message: str) -> HttpResponse:
        return error("xml" if request.path.endswith(".xml") else "json", status, message)
