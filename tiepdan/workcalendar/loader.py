"""Build the installed working-day calendar from the statutory days and the `Holiday` table.

Each process keeps one built calendar. A change made through `services` resets it in the
process that made it and bumps a version stamp in the shared cache; other processes (gunicorn
workers, the Huey consumer) compare that stamp at most every `CHECK_EVERY_SECONDS` and rebuild
when it moved.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction

from tiepdan.lib.workdays import WorkCalendar

logger = logging.getLogger(__name__)

CACHE_KEY = "workcalendar:version"
CHECK_EVERY_SECONDS = 30.0

# Used while the database cannot be read (before `migrate`, tests without a database).
_STATUTORY_ONLY = WorkCalendar()


@dataclass
class Freshness:
    """What this process loaded: the version stamp then, and when it last compared it."""

    version: str | None = None
    checked_at: float = 0.0
    fallback: bool = False


freshness = Freshness()


def current_version() -> str | None:
    """The shared version stamp of the `Holiday` table (None when never bumped)."""
    try:
        return cache.get(CACHE_KEY)
    except Exception:  # the cache is an optimisation; a broken one must not stop deadlines
        logger.warning("working-day calendar: cannot read the version stamp", exc_info=True)
        return None


def bump_version() -> None:
    """Tell every process that the announced days changed."""
    try:
        cache.set(CACHE_KEY, uuid.uuid4().hex, timeout=None)
    except Exception:
        logger.warning("working-day calendar: cannot write the version stamp", exc_info=True)


def load_calendar() -> WorkCalendar:
    """Return the calendar of the statutory days plus every stored announced day."""
    from tiepdan.workcalendar.models import Holiday

    version = current_version()
    try:
        # A savepoint, so that a failed read cannot spoil a caller's open transaction.
        with transaction.atomic():
            rows = list(Holiday.objects.values_list("date", "kind"))
    except Exception:
        logger.debug("working-day calendar: Holiday table unreadable, statutory days only")
        freshness.fallback = True
        return _STATUTORY_ONLY
    freshness.version, freshness.checked_at, freshness.fallback = version, time.monotonic(), False
    return WorkCalendar(
        extra_off=[on for on, kind in rows if kind == Holiday.Kind.DAY_OFF],
        makeup=[on for on, kind in rows if kind == Holiday.Kind.MAKEUP],
    )


def is_stale(now: float | None = None) -> bool:
    """Whether the built calendar may be out of date (cheap: compares at most every 30 s)."""
    if freshness.fallback:
        return True
    now = time.monotonic() if now is None else now
    if now - freshness.checked_at < CHECK_EVERY_SECONDS:
        return False
    freshness.checked_at = now
    return current_version() != freshness.version
