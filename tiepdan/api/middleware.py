"""Before a machine interface's view runs: pick the language from ?lang= and refuse huge bodies.

The JSON API answers in its error shape; Open311 subclasses this with the GeoReport error list.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from tiepdan.api.errors import error_response

# The JSON API and Open311 authenticate per request (session + CSRF, or API keys) and answer
# 401 in their own shape; they must not be redirected to the login page (django-ninja #1461).
API_PREFIXES = ("/api/", "/open311/")
DEFAULT_MAX_BODY = 1024 * 1024
# A file upload (multipart) may be larger: the evidence of a directive goes up to 20 MB.
DEFAULT_MAX_UPLOAD = 21 * 1024 * 1024


def max_body(request: HttpRequest | None = None) -> int:
    """The largest body accepted: JSON and forms, or a multipart upload."""
    if request is not None and request.content_type == "multipart/form-data":
        return int(getattr(settings, "TIEPDAN_API_MAX_UPLOAD", DEFAULT_MAX_UPLOAD))
    return int(getattr(settings, "TIEPDAN_API_MAX_BODY", DEFAULT_MAX_BODY))


class ApiRequestMiddleware:
    prefixes: tuple[str, ...] = ("/api/",)

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(self.prefixes):
            return self.get_response(request)
        lang = request.GET.get("lang", "")
        if lang in dict(settings.LANGUAGES):
            translation.activate(lang)
            request.LANGUAGE_CODE = lang
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = max_body(request)
        if length > limit:
            message = _("The request body is larger than %(limit)s KB.") % {"limit": limit // 1024}
            return self.refuse(request, 413, "payload_too_large", message)
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language() or "vi")
        return response

    def refuse(self, request: HttpRequest, status: int, code: str, message: str) -> HttpResponse:
        return error_response(status, code, message)
