"""The site speaks Vietnamese unless the visitor picked another language with the switch."""

from django.conf import settings
from django.http import HttpRequest
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from tiepdan.api.middleware import API_PREFIXES


class SiteLanguageMiddleware(LocaleMiddleware):
    """Like Django's, but ignore the browser's Accept-Language header.

    Many Vietnamese offices run browsers set to English; a ward's site must still open in
    Vietnamese. The language switch stores the choice in the language cookie, which wins.
    API clients still negotiate with Accept-Language.
    """

    def process_request(self, request: HttpRequest) -> None:
        if request.path.startswith(API_PREFIXES):
            return super().process_request(request)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        try:
            language = translation.get_supported_language_variant(chosen) if chosen else ""
        except LookupError:
            language = ""
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
