"""Before an API or Open311 view runs: pick the language from ?lang= and refuse huge bodies."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext as _

from tiepdan.accounts.middleware import API_PREFIXES

from .errors import error_response
from .open311.render import error as open311_error

DEFAULT_MAX_BODY = 1024 * 1024
# A file upload (multipart) may be larger: the evidence of a directive goes up to 20 MB.
DEFAULT_MAX_UPLOAD = 21 * 1024 * 1024


def max_body(request: HttpRequest | None = None) -> int:
    """The largest body accepted: JSON and forms, or a multipart upload."""
    if request is not None and request.content_type == "multipart/form-data":
        return int(getattr(settings, "TIEPDAN_API_MAX_UPLOAD", DEFAULT_MAX_UPLOAD))
    return int(getattr(settings, "TIEPDAN_API_MAX_BODY", DEFAULT_MAX_BODY))


class ApiRequestMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIXES):
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
            if request.path.startswith("/open311/"):
                fmt = "xml" if request.path.endswith(".xml") else "json"
                return open311_error(fmt, 413, message)
            return error_response(413, "payload_too_large", message)
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", translation.get_language() or "vi")
        return response
