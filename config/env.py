"""Reading settings from the environment, with `NAME_FILE` support for secrets."""

import os
from pathlib import Path


def env(name: str, default: str = "") -> str:
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    value = env(name)
    if not value:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    value = env(name)
    return int(value) if value else default


def envlist(name: str, default: list[str]) -> list[str]:
    value = env(name)
    return [item.strip() for item in value.split(",") if item.strip()] if value else default


def envcounts(name: str) -> dict[str, int]:
    """'bookings=30, citizens=1825' → {'bookings': 30, 'citizens': 1825}; other items ignored."""
    counts = {}
    for item in env(name).replace(";", ",").split(","):
        key, _sep, value = item.partition("=")
        if key.strip() and value.strip().isdigit():
            counts[key.strip()] = int(value)
    return counts
