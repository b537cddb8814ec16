"""The key format and its hash: `tdk_<prefix>_<secret>`; only the SHA-256 of the whole key is kept.

The secret is 32 random bytes (secrets.token_urlsafe), so a fast hash is enough: there is
nothing to brute-force that a slow hash would protect.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

KEY_MARK = "tdk"
PREFIX_LENGTH = 8


def new_key() -> tuple[str, str]:
    """Return a fresh (prefix, full key)."""
    prefix = secrets.token_hex(PREFIX_LENGTH // 2)
    return prefix, f"{KEY_MARK}_{prefix}_{secrets.token_urlsafe(32)}"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def prefix_of(key: str) -> str | None:
    """The lookup prefix of a well-formed key, else None."""
    mark, _, rest = key.partition("_")
    prefix = rest[:PREFIX_LENGTH]
    if (
        mark != KEY_MARK
        or len(prefix) != PREFIX_LENGTH
        or rest[PREFIX_LENGTH : PREFIX_LENGTH + 1] != "_"
    ):
        return None
    return prefix


def matches(key: str, secret_hash: str) -> bool:
    return hmac.compare_digest(hash_key(key), secret_hash)
