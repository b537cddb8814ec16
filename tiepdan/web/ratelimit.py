"""Rate limits on what anyone can send, counted in Django's cache (so shared by every host).

One counter, `hit`: the first hit of a window creates the key with the window's lifetime, each
later one is an atomic `incr`. Pages count per client address (`allow`); the API counts per key
or person in numbered windows (`tiepdan.api.throttling`).
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def hit(key: str, *, window_seconds: int) -> int:
    """Count one attempt under `key`; return how many the window holds now."""
    if cache.add(key, 1, window_seconds):
        return 1
    try:
        return int(cache.incr(key))
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window_seconds)
        return 1


def count(key: str) -> int:
    """How many attempts the window under `key` holds, without counting one."""
    return int(cache.get(key, 0))


def client_key(request: HttpRequest, scope: str) -> str:
    return f"ratelimit:{scope}:{client_ip(request)}"


def allow(request: HttpRequest, scope: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt from this client; False once it passed `limit` in the window."""
    return hit(client_key(request, scope), window_seconds=window_seconds) <= limit
