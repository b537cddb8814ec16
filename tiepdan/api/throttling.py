"""Rate limits per API key or person (per address when anonymous); 429 past the limit.

Numbered fixed windows counted by `web.ratelimit.hit`: one small write per request, unlike a
stored list of timestamps.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import BaseThrottle

from tiepdan.web import ratelimit

DEFAULT_RATE = "1200/m"
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'1200/m' → (1200, 60)."""
    count, _slash, period = rate.partition("/")
    return int(count), PERIODS[period[:1] or "m"]


def identity(request: HttpRequest, fallback: str | None) -> str:
    api_key = getattr(request, "api_key", None)
    user = getattr(request, "user", None)
    if api_key is not None:
        return f"key-{api_key.pk}"
    if user is not None and user.is_authenticated:
        return f"user-{user.pk}"
    return f"ip-{fallback}"


class ApiRateThrottle(BaseThrottle):
    def allow_request(self, request: HttpRequest) -> bool:
        limit, period = parse_rate(getattr(settings, "TIEPDAN_API_RATE", DEFAULT_RATE))
        window = int(time.time() // period)
        self.retry_after = period - time.time() % period
        key = f"api-rate:{identity(request, self.get_ident(request))}:{window}"
        return ratelimit.hit(key, window_seconds=period + 1) <= limit

    def wait(self) -> float | None:
        return getattr(self, "retry_after", None)
